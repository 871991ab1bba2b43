package de.amtsflow.invoice;

import de.amtsflow.efile.EFileStore;
import de.amtsflow.letters.LetterRenderer;
import de.amtsflow.letters.Letterhead;
import de.amtsflow.tenant.Tenants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Writes the rejection of an invoice: the supplier's name and address read again from the original
 * in the e-file (the invoice table keeps only name and e-mail), the failed rules or the clerk's
 * reason, rendered as a PDF/A letter from the {@code rechnungsablehnung} template.
 */
@Component
class RejectionLetters {

  /** The letter as filed and the mail that tells the supplier. */
  record Written(byte[] pdf, String mailSubject, String mailText) {}

  private final EFileStore efiles;
  private final InvoiceExtractor extractor;
  private final InvoiceIntake intake;
  private final LetterRenderer renderer;
  private final InvoiceProperties properties;
  private final Clock clock;
  private final Tenants tenants;

  RejectionLetters(
      EFileStore efiles,
      InvoiceExtractor extractor,
      InvoiceIntake intake,
      LetterRenderer renderer,
      InvoiceProperties properties,
      Clock clock,
      Tenants tenants) {
    this.efiles = efiles;
    this.extractor = extractor;
    this.intake = intake;
    this.renderer = renderer;
    this.properties = properties;
    this.clock = clock;
    this.tenants = tenants;
  }

  Written write(InvoiceEntity invoice, String reason) {
    SupplierRejection rejection =
        SupplierRejection.of(
            invoice,
            seller(invoice),
            invoice.valid ? List.of() : intake.read(invoice.validationErrors),
            reason,
            LocalDate.ofInstant(invoice.receivedAt, clock.getZone()));
    // the authority the invoice was for writes, under its own letterhead
    Letterhead head = tenants.letterhead(invoice.tenantId);
    return new Written(
        renderer.render(rejection.letter(LocalDate.now(clock), properties.office()), head),
        rejection.mailSubject(),
        rejection.mailText(head.authority(), properties.office()));
  }

  private InvoiceData.Party seller(InvoiceEntity invoice) {
    try {
      return extractor
          .extract(efiles.content(invoice.efileId, invoice.originalDocumentId, 1).readAllBytes())
          .seller();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
