package de.amtsflow.invoice;

/** The XML syntaxes of EN 16931 that this module reads; a PDF carries one of them embedded. */
public enum InvoiceSyntax {
  UBL_INVOICE,
  UBL_CREDIT_NOTE,
  CII
}
