package de.amtsflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsflow.letters.Letter;
import de.amtsflow.letters.LetterRenderer;
import de.amtsflow.letters.LetterText;
import de.amtsflow.letters.Letterheads;
import de.amtsflow.letters.LettersProperties;
import de.amtsflow.letters.PdfA;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The rejection of an invoice as its supplier reads it: addressed from the invoice's seller data,
 * with our Aktenzeichen, their invoice number and date, the failed rules in plain German or the
 * clerk's reason; a PDF/A letter veraPDF passes, and a mail with the same facts.
 */
class SupplierRejectionTest {

  static final InvoiceData.Party SELLER =
      new InvoiceData.Party(
          "Muster Bau GmbH",
          "DE123456789",
          "rechnung@muster-bau.test",
          new InvoiceData.Address("Hauptstraße 5", null, null, "Salzburg", "5020", null, "AT"));

  static final InvoiceProperties.Office OFFICE =
      new InvoiceProperties.Office("Rechnungseingang", "rechnung@lra-musterkreis.test");

  static InvoiceEntity invoice(boolean valid) {
    InvoiceEntity invoice = new InvoiceEntity(UUID.randomUUID());
    invoice.fileNumber = "RE-2026-000007";
    invoice.invoiceNumber = "R-2026-0815";
    invoice.issueDate = LocalDate.of(2026, 12, 1);
    invoice.grossAmount = new BigDecimal("1234.56");
    invoice.currency = "EUR";
    invoice.sellerName = "Muster Bau GmbH";
    invoice.valid = valid;
    invoice.receivedAt = Instant.parse("2026-12-02T09:00:00Z");
    return invoice;
  }

  static final List<InvoiceReceipt.Message> FAILED =
      List.of(
          InvoiceReceipt.Message.of("BR-DE-15", "[BR-DE-15] Buyer reference (BT-10) missing."),
          // stored before the explanations were: explained when the letter is written
          new InvoiceReceipt.Message("BR-CO-16", "[BR-CO-16] Amount due wrong.", null),
          InvoiceReceipt.Message.of("BR-DE-15", "[BR-DE-15] Buyer reference (BT-10) missing."));

  @Test
  void theSellerIsAddressedAsTheInvoiceNamesIt() {
    assertThat(SupplierRejection.recipient("Muster Bau GmbH", SELLER))
        .isEqualTo(
            new Letter.Recipient(
                "Muster Bau GmbH", "Hauptstraße 5", "5020", "Salzburg", "ÖSTERREICH"));
    InvoiceData.Party domestic =
        new InvoiceData.Party(
            "Muster Bau GmbH",
            null,
            null,
            new InvoiceData.Address(
                null, "Gewerbepark 2", null, "Regensburg", "93047", null, "DE"));
    assertThat(SupplierRejection.recipient("x", domestic))
        .isEqualTo(new Letter.Recipient("Muster Bau GmbH", "Gewerbepark 2", "93047", "Regensburg"));
    // an invoice without a seller name: the stored one, else who sent it
    assertThat(SupplierRejection.recipient("Alt GmbH", null))
        .isEqualTo(Letter.Recipient.named("Alt GmbH"));
    assertThat(SupplierRejection.recipient(null, null).name()).isEqualTo("Rechnungssteller");
  }

  @Test
  void aFailedCheckListsEachRuleOnceInPlainGerman() {
    SupplierRejection rejection =
        SupplierRejection.of(invoice(false), SELLER, FAILED, null, LocalDate.of(2026, 12, 2));
    assertThat(rejection.reason()).isNull();
    assertThat(rejection.violations())
        .extracting(InvoiceReceipt.Message::rule)
        .containsExactly("BR-DE-15", "BR-CO-16");
    assertThat(rejection.violations().get(1).explanation())
        .isEqualTo(RuleExplanations.explain("BR-CO-16"));

    // the letter: their reference and our office beside the address (the template prints them)
    Letter letter = rejection.letter(LocalDate.of(2026, 12, 4), OFFICE);
    assertThat(letter.template()).isEqualTo("rechnungsablehnung");
    assertThat(letter.reference()).isEqualTo("RE-2026-000007");
    assertThat(letter.data())
        .containsEntry("yourReference", "R-2026-0815")
        .containsEntry("yourDate", "01.12.2026")
        .containsEntry("amount", "1.234,56 €")
        .containsEntry("receivedOn", "02.12.2026")
        .containsEntry("department", "Rechnungseingang")
        .containsEntry("contactEmail", "rechnung@lra-musterkreis.test");
    byte[] pdf = new LetterRenderer(new LettersProperties(null, Letterheads.DEMO)).render(letter);
    assertThat(PdfA.validate(pdf).failures()).isEmpty();
    assertThat(LetterText.addressField(pdf))
        .endsWith("Muster Bau GmbH Hauptstraße 5 5020 Salzburg ÖSTERREICH");
    assertThat(LetterText.of(pdf))
        .contains(RuleExplanations.explain("BR-DE-15") + " Regel BR-DE-15:")
        .contains(RuleExplanations.explain("BR-CO-16") + " Regel BR-CO-16:");

    assertThat(rejection.mailSubject())
        .isEqualTo("Ihre Rechnung R-2026-0815 wurde abgelehnt (RE-2026-000007)");
    assertThat(rejection.mailText("Landratsamt Musterkreis", OFFICE))
        .contains("Ihre Rechnung Nr. R-2026-0815 vom 01.12.2026 über 1.234,56 €")
        .contains("unser Aktenzeichen RE-2026-000007")
        .contains("- " + RuleExplanations.explain("BR-DE-15") + " (Regel BR-DE-15:")
        .contains("X-Resubmission: true")
        .endsWith("Rechnungseingang\nLandratsamt Musterkreis\nrechnung@lra-musterkreis.test");
  }

  @Test
  void aClerksRejectionGivesTheReasonAndNoRules() {
    SupplierRejection rejection =
        SupplierRejection.of(
            invoice(true), SELLER, FAILED, " Leistung nicht erbracht ", LocalDate.of(2026, 12, 2));
    assertThat(rejection.violations()).isEmpty();
    assertThat(rejection.reason()).isEqualTo("Leistung nicht erbracht");
    assertThat(rejection.mailText(null, OFFICE))
        .contains("Grund: Leistung nicht erbracht")
        .doesNotContain("Regel");
    assertThat(
            SupplierRejection.of(invoice(true), SELLER, List.of(), null, LocalDate.now()).reason())
        .isEqualTo("ohne Angabe");
    assertThat(SupplierRejection.amount(new BigDecimal("99.5"), "CHF")).isEqualTo("99,50 CHF");
  }
}
