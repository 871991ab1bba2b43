package de.amtsflow.invoice;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "invoice")
class InvoiceEntity {

  @Id UUID id;

  @Column(name = "efile_id", nullable = false)
  UUID efileId;

  @Column(name = "file_number", nullable = false)
  String fileNumber;

  /** The authority the invoice is for (its Leitweg-ID's, or the receiving one). */
  @Column(name = "tenant_id", nullable = false)
  String tenantId;

  @Column(name = "original_document_id", nullable = false)
  UUID originalDocumentId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  InvoiceStatus status;

  @Column(nullable = false)
  boolean valid;

  @Column(nullable = false)
  String syntax;

  @Column(name = "invoice_number")
  String invoiceNumber;

  @Column(name = "seller_name")
  String sellerName;

  @Column(name = "seller_vat_id")
  String sellerVatId;

  @Column(name = "seller_key", nullable = false)
  String sellerKey;

  @Column(name = "seller_email")
  String sellerEmail;

  @Column(name = "gross_amount")
  BigDecimal grossAmount;

  String currency;

  @Column(name = "issue_date")
  LocalDate issueDate;

  @Column(name = "due_date")
  LocalDate dueDate;

  @Column(name = "leitweg_id")
  String leitwegId;

  @Column(nullable = false)
  String routing;

  @Column(nullable = false)
  boolean resubmission;

  @Column(name = "validation_errors", nullable = false)
  String validationErrors;

  @Column(name = "rejection_reason")
  String rejectionReason;

  @Column(name = "received_at", nullable = false)
  Instant receivedAt;

  @Column(name = "process_instance_id")
  String processInstanceId;

  protected InvoiceEntity() {}

  InvoiceEntity(UUID id) {
    this.id = id;
  }
}
