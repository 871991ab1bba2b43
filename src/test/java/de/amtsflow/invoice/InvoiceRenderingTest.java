package de.amtsflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import de.amtsflow.efile.Document;
import de.amtsflow.efile.DocumentContent;
import de.amtsflow.efile.EFileStore;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;

/** The renderer on its own: both syntaxes, and what a rendering that fails leaves behind. */
class InvoiceRenderingTest {

  final InvoiceRepository invoices = mock(InvoiceRepository.class);
  final EFileStore efiles = mock(EFileStore.class);
  final InvoiceRendering rendering = new InvoiceRendering(invoices, new InvoiceExtractor(), efiles);

  @Test
  void ciiAndUblBecomeGermanHtmlAndPdfA() throws Exception {
    for (String fixture :
        List.of(
            "xrechnung-testsuite/01.04a-INVOICE_uncefact.xml",
            "xrechnung-testsuite/01.01a-INVOICE_ubl.xml")) {
      byte[] xml = Fixtures.read(fixture);
      assertThat(rendering.html(xml)).contains("<html").contains("Rechnungsnummer");
      try (PDDocument pdf = Loader.loadPDF(rendering.pdf(xml))) {
        assertThat(pdf.getNumberOfPages()).isPositive();
        assertThat(
                new String(
                    pdf.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8))
            .contains("<pdfaid:part>3</pdfaid:part>");
      }
    }
  }

  @Test
  void aRenderingThatFailsIsNotedNotFiledAndNotThrown() throws Exception {
    InvoiceEntity invoice = filedInvoice("<Order xmlns='urn:example'/>");

    rendering.file(invoice.id);

    verify(efiles).note(eq(invoice.efileId), eq(InvoiceRendering.NOTE_FAILED), anyString(), any());
    verify(efiles, never()).addDocument(any(), any());
  }

  @Test
  void aRetriedJobFindsTheRenderingFiledAndDoesNothing() throws Exception {
    InvoiceEntity invoice = filedInvoice("<Order xmlns='urn:example'/>");
    when(efiles.documents(invoice.efileId))
        .thenReturn(List.of(document(invoice.efileId, InvoiceRendering.KIND)));

    rendering.file(invoice.id);

    verify(efiles, never()).addDocument(any(), any());
    verify(efiles, never()).note(any(), any(), any(), any());
  }

  private InvoiceEntity filedInvoice(String originalXml) throws Exception {
    InvoiceEntity invoice = new InvoiceEntity(UUID.randomUUID());
    invoice.efileId = UUID.randomUUID();
    invoice.originalDocumentId = UUID.randomUUID();
    invoice.fileNumber = "RE-2026-000001";
    when(invoices.findById(invoice.id)).thenReturn(Optional.of(invoice));
    Document original = document(invoice.efileId, InvoiceIntake.KIND_ORIGINAL);
    when(efiles.content(invoice.efileId, invoice.originalDocumentId, 1))
        .thenReturn(
            new DocumentContent(
                original,
                () -> new ByteArrayInputStream(originalXml.getBytes(StandardCharsets.UTF_8))));
    return invoice;
  }

  private static Document document(UUID efileId, String kind) {
    return new Document(
        UUID.randomUUID(),
        efileId,
        kind,
        kind,
        1,
        "x",
        "application/xml",
        1,
        "0",
        "t",
        Instant.EPOCH);
  }
}
