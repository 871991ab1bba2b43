package de.amtsflow.invoice;

import java.util.List;
import java.util.UUID;

/** What the intake answers a supplier (202): the receipt number and the validation verdict. */
public record InvoiceReceipt(
    UUID invoiceId, UUID efileId, String fileNumber, InvoiceStatus status, Validation validation) {

  /** The verdict in the supplier's terms; warnings do not make an invoice invalid. */
  public record Validation(boolean valid, List<Message> errors, List<Message> warnings) {}

  /** A failed or noted rule, e.g. {@code BR-DE-15}, with its text. */
  public record Message(String rule, String message) {}
}
