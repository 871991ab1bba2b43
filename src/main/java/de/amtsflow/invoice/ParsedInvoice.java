package de.amtsflow.invoice;

import net.sf.saxon.s9api.XdmNode;

/**
 * An invoice XML read into a Saxon tree, once per call, shared by the validation steps.
 *
 * @param embeddedFileName the PDF attachment the XML came from, {@code null} for plain XML
 */
record ParsedInvoice(
    InvoiceSyntax syntax,
    String customizationId,
    XdmNode document,
    byte[] xml,
    String embeddedFileName) {}
