package de.amtsflow.invoice;

/**
 * The content is no invoice this module can validate: nothing of it is kept. The web layer maps
 * {@link Reason#MALFORMED} to 400 and the other reasons to 415.
 */
public class UnsupportedInvoiceFormatException extends RuntimeException {

  /** Why the content was refused. */
  public enum Reason {
    /** neither XML nor PDF, or XML whose root is no UBL Invoice/CreditNote or CII invoice */
    NOT_AN_INVOICE,
    /** a PDF that carries no embedded invoice XML (a scan, a plain PDF invoice) */
    NO_EMBEDDED_INVOICE,
    /** XML that is not well-formed, declares a DOCTYPE, or a PDF that cannot be read */
    MALFORMED
  }

  private final Reason reason;

  UnsupportedInvoiceFormatException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  UnsupportedInvoiceFormatException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
