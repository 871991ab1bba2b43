package de.amtsflow.invoice;

/** Where a received invoice stands, for the supplier and the clerks. */
public enum InvoiceStatus {
  /** received and valid, in approval */
  IN_APPROVAL,
  /** rejected: invalid, or refused by a clerk with a reason */
  REJECTED,
  /** payment order handed to the finance system */
  PAYMENT_ORDERED
}
