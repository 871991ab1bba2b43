package de.amtsflow.letters;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Every letter template renders to PDF/A-2b that veraPDF passes without a failure, with its fonts
 * embedded, in the DIN 5008 parts an authority's letter has; a template in the configured folder
 * replaces the built-in one without a rebuild.
 */
class LetterRendererTest {

  static final Letterhead HEAD = Letterheads.DEMO;

  static final Letter.Recipient ERIKA =
      new Letter.Recipient("Erika Mustermann", "Lindenweg 3", "93047", "Regensburg");

  final LetterRenderer renderer = new LetterRenderer(new LettersProperties(null, HEAD));

  static Letter letter(String template, String title, String clerk, Map<String, Object> data) {
    return new Letter(
        template,
        title,
        ERIKA,
        "BAU-2026-000042",
        LocalDate.of(2026, 12, 4),
        clerk,
        List.of("Ihr Bauantrag ist am 01.12.2026 bei uns eingegangen.", "Äöü ß € „Zitat“ – §"),
        data);
  }

  static Map<String, Object> permit() {
    return Map.of(
        "project", "Neubau eines Einfamilienhauses mit Garage",
        "plot", "Gemarkung Kumpfmühl, Flurstück 123/4",
        "procedure", "im vereinfachten Baugenehmigungsverfahren (Art. 59 BayBO)",
        "withProvisions", true,
        "provisions",
            List.of(
                Map.of(
                    "heading",
                    "Auflagen",
                    "items",
                    List.of(
                        Map.of(
                            "text", "Zwei Stellplätze sind herzustellen.",
                            "reason", "Stellplatzpflicht nach Art. 47 BayBO.")))),
        "notes", List.of("Bodenfunde sind zu melden."),
        "court", "beim Bayerischen Verwaltungsgericht Regensburg");
  }

  static String text(byte[] pdf) {
    return LetterText.of(pdf);
  }

  static void assertPdfA(byte[] pdf) throws IOException {
    PdfA.Verdict verdict = PdfA.validate(pdf);
    assertThat(verdict.declared()).isEqualTo(PDFAFlavour.PDFA_2_B);
    assertThat(verdict.failures()).isEmpty();
    assertThat(verdict.compliant()).isTrue();
    try (PDDocument document = Loader.loadPDF(pdf)) {
      for (var page : document.getPages()) {
        for (var name : page.getResources().getFontNames()) {
          PDFont font = page.getResources().getFont(name);
          assertThat(font.isEmbedded()).as(font.getName()).isTrue();
        }
      }
    }
  }

  static Map<String, Object> invoiceRejection() {
    return Map.of(
        "invoiceNumber", "R-2026-0815",
        "invoiceDate", "01.12.2026",
        "amount", "1.234,56 €",
        "receivedOn", "02.12.2026",
        "violations",
            List.of(
                Map.of(
                    "rule", "BR-DE-15",
                    "explanation", "Die Leitweg-ID (Käuferreferenz, BT-10) fehlt.",
                    "message",
                        "[BR-DE-15] Das Element \"Buyer reference\" (BT-10) muss"
                            + " übermittelt werden.")),
        "salutation", "Sehr geehrte Damen und Herren,",
        "department", "Rechnungseingang",
        "contactEmail", "rechnung@lra-musterkreis.test",
        "yourReference", "R-2026-0815",
        "yourDate", "01.12.2026");
  }

  static Map<String, Object> application() {
    return Map.of(
        "filedBy",
        "Antragsteller (online eingereicht)",
        "entries",
        List.of(
            Map.of("label", "Antragsteller", "lines", List.of("Erika Mustermann", "Lindenweg 3")),
            Map.of("label", "Verfahrensart", "lines", List.of("Baugenehmigungsverfahren"))));
  }

  /** Sample values of every template under src/main/resources/letters (but the fragments). */
  static Map<String, Map<String, Object>> samples() {
    return Map.of(
        "brief", Map.of(),
        "baugenehmigung", permit(),
        "ablehnungsbescheid",
            Map.of(
                "project", "Carport",
                "plot", "Gemarkung Kumpfmühl, Flurstück 12",
                "reasons", "Das Vorhaben liegt im Außenbereich (§ 35 BauGB).",
                "court", "beim Bayerischen Verwaltungsgericht Regensburg"),
        "gebuehrenbescheid",
            Map.of(
                "subject", "die Bearbeitung Ihres Bauantrags",
                "amount", "1.050,00 €",
                "dueDate", "04.01.2027",
                "court", "beim Bayerischen Verwaltungsgericht Regensburg"),
        "rechnungsablehnung", invoiceRejection(),
        "aktenvermerk", Map.of("filedBy", "Gerda Gemeinde"),
        "antrag", application());
  }

  @Test
  void everyTemplateIsPdfA2bWithEmbeddedFonts() throws IOException {
    Map<String, Map<String, Object>> templates = samples();
    // a new template fails here until it has sample values, so veraPDF sees it too
    try (var files = Files.list(Path.of("src/main/resources/letters"))) {
      assertThat(
              files
                  .map(f -> f.getFileName().toString())
                  .filter(f -> f.endsWith(".html") && !f.equals("fragments.html"))
                  .map(f -> f.substring(0, f.length() - ".html".length())))
          .containsExactlyInAnyOrderElementsOf(templates.keySet());
    }
    for (var template : templates.entrySet()) {
      byte[] pdf =
          renderer.render(
              letter(template.getKey(), "Schreiben", "Anna Berger", template.getValue()));
      assertPdfA(pdf);
      Path out = Path.of("target", "letters");
      Files.createDirectories(out);
      Files.write(out.resolve(template.getKey() + ".pdf"), pdf);
    }
  }

  @Test
  void theRejectionOfAnInvoiceIsALetterToTheSupplierWithTheReasons() throws IOException {
    Letter rejection =
        new Letter(
            "rechnungsablehnung",
            "Ablehnung Ihrer Rechnung Nr. R-2026-0815",
            new Letter.Recipient(
                "Muster Bau GmbH", "Hauptstraße 5", "5020", "Salzburg", "ÖSTERREICH"),
            "RE-2026-000007",
            LocalDate.of(2026, 12, 4),
            null,
            List.of(),
            invoiceRejection());
    byte[] pdf = renderer.render(rejection);
    // to the supplier at its address (a foreign country last, in capitals)
    assertThat(LetterText.addressField(pdf))
        .endsWith("Muster Bau GmbH Hauptstraße 5 5020 Salzburg ÖSTERREICH");
    // the supplier's reference, ours, and the Rechnungseingang as contact
    assertThat(LetterText.infoBlock(pdf))
        .contains("Ihr Zeichen R-2026-0815", "Ihre Nachricht vom 01.12.2026")
        .contains("Aktenzeichen RE-2026-000007", "Datum 04.12.2026")
        .contains("E-Mail rechnung@lra-musterkreis.test");
    String text = text(pdf);
    assertThat(text)
        // from the Rechnungseingang of the authority
        .contains("Landratsamt Musterkreis Rechnungseingang")
        .doesNotContain("Untere Bauaufsichtsbehörde")
        .contains("Sehr geehrte Damen und Herren,")
        .contains("Ihre Rechnung Nr. R-2026-0815 vom 01.12.2026 über 1.234,56 €")
        // the failed rule in plain German, with its id and text
        .contains("Die Leitweg-ID (Käuferreferenz, BT-10) fehlt.", "Regel BR-DE-15:")
        .contains("berichtigt als neue E-Rechnung", "Gutschrift oder Stornorechnung")
        .contains("X-Resubmission: true")
        // not a Bescheid: no Rechtsbehelfsbelehrung, no Art. 37 BayVwVfG, no "Im Auftrag"
        .doesNotContain("Rechtsbehelfsbelehrung", "BayVwVfG", "Im Auftrag");

    Map<String, Object> byClerk = new java.util.HashMap<>(invoiceRejection());
    byClerk.put("violations", List.of());
    byClerk.put("reason", "Die Leistung wurde nicht erbracht.");
    byClerk.remove("invoiceDate");
    byClerk.remove("yourDate");
    assertThat(
            text(
                renderer.render(
                    new Letter(
                        "rechnungsablehnung",
                        "Ablehnung Ihrer Rechnung Nr. R-2026-0815",
                        Letter.Recipient.named("Muster Bau GmbH"),
                        "RE-2026-000007",
                        LocalDate.of(2026, 12, 4),
                        null,
                        List.of(),
                        byClerk))))
        .contains("Ihre Rechnung Nr. R-2026-0815 über 1.234,56 €")
        .contains("Grund Die Leistung wurde nicht erbracht.")
        .doesNotContain("Regel ", "Ihre Nachricht vom");
  }

  @Test
  void aRecordForTheFileHasTheAuthorityTheAktenzeichenAndWhoFiledIt() throws IOException {
    Letter statement =
        new Letter(
            "aktenvermerk",
            "Einvernehmen der Gemeinde (§ 36 BauGB)",
            null,
            "BAU-2026-000042",
            LocalDate.of(2026, 12, 4),
            null,
            List.of("Einvernehmen der Gemeinde (§ 36 BauGB): Einvernehmen versagt", "Lärm."),
            Map.of("filedBy", "Gerda Gemeinde"));
    byte[] pdf = renderer.render(statement);
    assertPdfA(pdf);
    assertThat(text(pdf))
        .contains("Landratsamt Musterkreis Untere Bauaufsichtsbehörde")
        .contains("Einvernehmen der Gemeinde (§ 36 BauGB)")
        .contains("Aktenzeichen BAU-2026-000042", "Datum 04.12.2026")
        .contains("Zur Akte genommen von Gerda Gemeinde")
        .contains("Einvernehmen versagt Lärm.")
        // a record, not a letter: no address field, salutation or closing
        .doesNotContain("Guten Tag", "Mit freundlichen Grüßen");

    assertThat(
            text(
                renderer.render(
                    new Letter(
                        "antrag",
                        "Bauantrag",
                        null,
                        "BAU-2026-000042",
                        LocalDate.of(2026, 12, 4),
                        null,
                        List.of(),
                        application()))))
        .contains("Bauantrag", "Aktenzeichen BAU-2026-000042")
        .contains("Antragsteller Erika Mustermann Lindenweg 3")
        .contains("Verfahrensart Baugenehmigungsverfahren")
        .contains("Zur Akte genommen von Antragsteller (online eingereicht)");
  }

  @Test
  void aLetterHasTheDin5008PartsAndTheAddresseeFromTheApplication() throws IOException {
    byte[] pdf =
        renderer.render(letter("baugenehmigung", "Baugenehmigung", "Anna Berger", permit()));
    // the address field in the envelope's window, the information block beside it
    assertThat(LetterText.addressField(pdf))
        .isEqualTo(
            "Landratsamt Musterkreis · Am Schlossplatz 1 · 93047 Regensburg"
                + " Erika Mustermann Lindenweg 3 93047 Regensburg");
    assertThat(LetterText.infoBlock(pdf))
        .contains("Aktenzeichen BAU-2026-000042", "Datum 04.12.2026", "Bearbeitung Anna Berger")
        .contains("Telefon 0941 123456-0", "E-Mail bauamt@lra-musterkreis.test");
    String bescheid = text(pdf);
    assertThat(bescheid)
        // letterhead, return address, address field, reference line, contact
        .contains("Landratsamt Musterkreis", "Untere Bauaufsichtsbehörde")
        .contains("Aktenzeichen BAU-2026-000042", "Datum 04.12.2026", "Bearbeitung Anna Berger")
        .contains("Guten Tag Erika Mustermann,")
        .doesNotContain("Sehr geehrte Damen und Herren")
        // legal basis, provisions with their reasons, validity, Baubeginnsanzeige
        .contains("Art. 68 Abs. 1 Satz 1 BayBO", "Art. 59 BayBO")
        .contains("Zwei Stellplätze sind herzustellen. Begründung: Stellplatzpflicht nach Art. 47")
        .contains("Art. 69 Abs. 1 BayBO", "Baubeginnsanzeige")
        .contains("Rechtsbehelfsbelehrung", "beim Bayerischen Verwaltungsgericht Regensburg")
        .contains("Im Auftrag Anna Berger")
        // the footer with the bank account, on every page
        .contains("IBAN DE02 1203 0000 0000 2020 51");

    String fee =
        text(
            renderer.render(
                letter(
                    "gebuehrenbescheid",
                    "Gebührenbescheid",
                    "Anna Berger",
                    Map.of(
                        "subject", "die Bearbeitung Ihres Bauantrags",
                        "amount", "1.050,00 €",
                        "dueDate", "04.01.2027",
                        "court", "beim Bayerischen Verwaltungsgericht Regensburg"))));
    assertThat(fee)
        .contains("Gebühr von 1.050,00 € festgesetzt", "bis zum 04.01.2027")
        .contains("IBAN DE02 1203 0000 0000 2020 51", "BIC BYLADEM1001", "Sparkasse Musterkreis")
        .contains("Verwendungszweck BAU-2026-000042")
        .contains("Kostengesetz", "Rechtsbehelfsbelehrung");

    // a letter the system made alone says it is valid without signature
    assertThat(text(renderer.render(letter("brief", "Eingangsbestätigung", null, Map.of()))))
        .contains("ohne Unterschrift gültig")
        .doesNotContain("Im Auftrag");
  }

  @Test
  void aTemplateInTheConfiguredFolderReplacesTheBuiltInOne(@TempDir Path folder)
      throws IOException {
    Files.copy(
        Path.of("src/main/resources/letters/fragments.html"), folder.resolve("fragments.html"));
    Files.writeString(
        folder.resolve("brief.html"),
        """
        <!DOCTYPE html>
        <html xmlns:th="http://www.thymeleaf.org" lang="de">
        <head th:replace="~{fragments :: head}"></head>
        <body>
        <div th:replace="~{fragments :: kopf}"></div>
        <p>Geänderter Wortlaut der Prozessverantwortlichen.</p>
        <div th:replace="~{fragments :: schluss}"></div>
        </body>
        </html>
        """);
    LetterRenderer edited = new LetterRenderer(new LettersProperties(folder.toString(), HEAD));
    byte[] pdf = edited.render(letter("brief", "Eingangsbestätigung", null, Map.of()));
    assertThat(text(pdf)).contains("Geänderter Wortlaut der Prozessverantwortlichen.");
    assertPdfA(pdf);
    // templates not in the folder still come from the built-in set
    assertThat(
            text(
                edited.render(letter("baugenehmigung", "Baugenehmigung", "Anna Berger", permit()))))
        .contains("Art. 69 Abs. 1 BayBO");

    // the invoice module's letter too: a copy edited in the folder is used from the next letter
    String rejection =
        Files.readString(Path.of("src/main/resources/letters/rechnungsablehnung.html"));
    String sentence = "Bitte senden Sie uns die Rechnung berichtigt als neue E-Rechnung.";
    assertThat(rejection).contains(sentence);
    Files.writeString(
        folder.resolve("rechnungsablehnung.html"),
        rejection.replace(sentence, "Bitte rufen Sie uns vor dem nächsten Versand an."));
    assertThat(
            text(
                edited.render(letter("rechnungsablehnung", "Ablehnung", null, invoiceRejection()))))
        .contains("Bitte rufen Sie uns vor dem nächsten Versand an.")
        .doesNotContain(sentence);
  }
}
