package de.amtsflow.invoice;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A received invoice as clerks see it over REST: status, verdict and the extracted data. */
public record InvoiceView(
    UUID invoiceId,
    UUID efileId,
    String fileNumber,
    InvoiceStatus status,
    boolean valid,
    List<InvoiceReceipt.Message> validationErrors,
    String routing,
    String rejectionReason,
    boolean resubmission,
    Instant receivedAt,
    UUID originalDocumentId,
    InvoiceData data) {}
