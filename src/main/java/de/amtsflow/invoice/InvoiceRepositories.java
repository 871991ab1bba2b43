package de.amtsflow.invoice;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface InvoiceRepository extends JpaRepository<InvoiceEntity, UUID> {

  List<InvoiceEntity> findBySellerKeyAndInvoiceNumber(String sellerKey, String invoiceNumber);

  default Optional<InvoiceEntity> findDuplicate(
      String sellerKey, String invoiceNumber, BigDecimal gross) {
    return findBySellerKeyAndInvoiceNumber(sellerKey, invoiceNumber).stream()
        .filter(i -> gross == null || i.grossAmount == null || i.grossAmount.compareTo(gross) == 0)
        .findFirst();
  }
}

interface PaymentOrderRepository extends JpaRepository<PaymentOrderEntity, UUID> {

  Optional<PaymentOrderEntity> findByInvoiceId(UUID invoiceId);
}
