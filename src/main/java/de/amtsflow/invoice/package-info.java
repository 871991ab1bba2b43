/**
 * E-invoices (XRechnung, EN 16931 in UBL or UN/CEFACT CII, ZUGFeRD/Factur-X PDFs): recognising the
 * format, validating it with the verdict the official KoSIT validator would give, extracting the
 * fields a clerk needs and checking the Leitweg-ID that routes the invoice.
 *
 * <p>The API is {@link de.amtsflow.invoice.InvoiceValidator}, {@link
 * de.amtsflow.invoice.InvoiceExtractor}, {@link de.amtsflow.invoice.LeitwegId} and {@link
 * de.amtsflow.invoice.LeitwegRouting} with their records; everything else is package-private.
 * Validity follows KoSIT's validator; the Leitweg-ID only decides routing, never validity. The
 * module stores nothing and starts no process.
 */
package de.amtsflow.invoice;
