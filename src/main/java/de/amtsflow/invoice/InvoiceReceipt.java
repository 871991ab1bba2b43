package de.amtsflow.invoice;

import java.util.List;
import java.util.UUID;

/** What the intake answers a supplier (202): the receipt number and the validation verdict. */
public record InvoiceReceipt(
    UUID invoiceId, UUID efileId, String fileNumber, InvoiceStatus status, Validation validation) {

  /** The verdict in the supplier's terms; warnings do not make an invoice invalid. */
  /**
   * @param ruleSet the rule set release that judged (the validation report in the e-file names
   *     every rule set of it), e.g. {@code 2026-01-31}
   */
  public record Validation(
      boolean valid, List<Message> errors, List<Message> warnings, String ruleSet) {}

  /**
   * A failed or noted rule, e.g. {@code BR-DE-15}, with the rule's own text and what it means in
   * plain German.
   */
  public record Message(String rule, String message, String explanation) {

    /** A rule's finding, explained for the supplier. */
    static Message of(String rule, String message) {
      return new Message(rule, message, RuleExplanations.explain(rule));
    }

    /** A note that is already in plain German. */
    static Message plain(String rule, String message) {
      return new Message(rule, message, message);
    }
  }
}
