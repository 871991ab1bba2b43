package de.amtsflow.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A payment order waiting for (or taken by) the finance system's export. */
@Entity
@Table(name = "payment_order_outbox")
class PaymentOrderEntity {

  @Id UUID id;

  @Column(name = "invoice_id", nullable = false, updatable = false)
  UUID invoiceId;

  @Column(name = "created_at", nullable = false, updatable = false)
  Instant createdAt;

  @Column(nullable = false, updatable = false)
  String payload;

  @Column(name = "exported_at")
  Instant exportedAt;

  protected PaymentOrderEntity() {}

  PaymentOrderEntity(UUID id, UUID invoiceId, Instant createdAt, String payload) {
    this.id = id;
    this.invoiceId = invoiceId;
    this.createdAt = createdAt;
    this.payload = payload;
  }
}
