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
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.verapdf.pdfa.flavours.PDFAFlavour;

/**
 * Every letter template renders to PDF/A-2b that veraPDF passes without a failure, with its fonts
 * embedded, in the DIN 5008 parts an authority's letter has; a template in the configured folder
 * replaces the built-in one without a rebuild.
 */
class LetterRendererTest {

  static final Letterhead HEAD =
      new Letterhead(
          "Landratsamt Musterkreis",
          "Untere Bauaufsichtsbehörde",
          "Am Schlossplatz 1",
          "93047",
          "Regensburg",
          "0941 123456-0",
          "bauamt@lra-musterkreis.test",
          "www.lra-musterkreis.test",
          "Mo–Fr 8–12 Uhr",
          "Sparkasse Musterkreis",
          "DE02 1203 0000 0000 2020 51",
          "BYLADEM1001");

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

  static String text(byte[] pdf) throws IOException {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return sortedStripper().getText(document).replaceAll("\\s+", " ");
    }
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

  @Test
  void everyTemplateIsPdfA2bWithEmbeddedFonts() throws IOException {
    Map<String, Map<String, Object>> templates =
        Map.of(
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
                    "court", "beim Bayerischen Verwaltungsgericht Regensburg"));
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
  void aLetterHasTheDin5008PartsAndTheAddresseeFromTheApplication() throws IOException {
    String bescheid =
        text(renderer.render(letter("baugenehmigung", "Baugenehmigung", "Anna Berger", permit())));
    assertThat(bescheid)
        // letterhead, return address, address field, reference line, contact
        .contains("Landratsamt Musterkreis", "Untere Bauaufsichtsbehörde")
        .contains("Landratsamt Musterkreis · Am Schlossplatz 1 · 93047 Regensburg")
        .contains("Erika Mustermann Lindenweg 3 93047 Regensburg")
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
  }

  /** Text in reading order (line by line on the page), as a person reads the letter. */
  private static PDFTextStripper sortedStripper() throws java.io.IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setSortByPosition(true);
    return stripper;
  }
}
