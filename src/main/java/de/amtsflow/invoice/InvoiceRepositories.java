package de.amtsflow.invoice;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface InvoiceRepository extends JpaRepository<InvoiceEntity, UUID> {

  /**
   * The first invoice received with this seller and number and, when both are known, this gross
   * amount: the original a new one would duplicate. One row, found by the (seller_key,
   * invoice_number, received_at) index, however many resubmitted copies there are.
   */
  default Optional<InvoiceEntity> findDuplicate(
      String sellerKey, String invoiceNumber, BigDecimal gross) {
    List<InvoiceEntity> first =
        gross == null
            ? findSameNumber(sellerKey, invoiceNumber, Limit.of(1))
            : findSameNumberAndAmount(sellerKey, invoiceNumber, gross, Limit.of(1));
    return first.stream().findFirst();
  }

  @Query(
      "select i from InvoiceEntity i where i.sellerKey = :sellerKey"
          + " and i.invoiceNumber = :invoiceNumber order by i.receivedAt, i.id")
  List<InvoiceEntity> findSameNumber(String sellerKey, String invoiceNumber, Limit limit);

  // an invoice whose amount could not be read matches any amount, as before
  @Query(
      "select i from InvoiceEntity i where i.sellerKey = :sellerKey"
          + " and i.invoiceNumber = :invoiceNumber"
          + " and (i.grossAmount is null or i.grossAmount = :gross) order by i.receivedAt, i.id")
  List<InvoiceEntity> findSameNumberAndAmount(
      String sellerKey, String invoiceNumber, BigDecimal gross, Limit limit);
}

interface PaymentOrderRepository extends JpaRepository<PaymentOrderEntity, UUID> {

  Optional<PaymentOrderEntity> findByInvoiceId(UUID invoiceId);
}
