package de.amtsflow.invoice;

import de.amtsflow.web.Problems;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Refusals of the invoice intake, as RFC 9457 problems in German (suppliers read them). */
final class InvoiceProblems {

  private InvoiceProblems() {}

  static ErrorResponseException of(
      HttpStatus status, String code, String title, String detail, Map<String, Object> extra) {
    return Problems.of(status, "invoice", code, title, detail, extra);
  }

  static ErrorResponseException unsupported(UnsupportedInvoiceFormatException e) {
    return switch (e.reason()) {
      case MALFORMED ->
          of(
              HttpStatus.BAD_REQUEST,
              "unreadable",
              "Rechnung nicht lesbar",
              "Die Datei lässt sich nicht lesen: Sie ist beschädigt oder unvollständig, oder sie"
                  + " enthält eine DOCTYPE-Angabe, die wir aus Sicherheitsgründen nicht annehmen.",
              Map.of("field", "file"));
      case NO_EMBEDDED_INVOICE ->
          of(
              HttpStatus.UNSUPPORTED_MEDIA_TYPE,
              "no-embedded-invoice",
              "Keine E-Rechnung im PDF",
              "Das PDF enthält keine eingebettete XRechnung/ZUGFeRD-Rechnung. Ein reines PDF ist"
                  + " keine E-Rechnung.",
              Map.of("field", "file"));
      case NOT_AN_INVOICE ->
          of(
              HttpStatus.UNSUPPORTED_MEDIA_TYPE,
              "not-an-invoice",
              "Keine E-Rechnung",
              "Die Datei ist keine E-Rechnung, die wir annehmen können. Bitte senden Sie eine"
                  + " XRechnung (UBL oder CII), eine Rechnung nach EN 16931 oder ein"
                  + " ZUGFeRD/Factur-X-PDF ab Profil EN 16931.",
              Map.of("field", "file"));
    };
  }

  static ErrorResponseException tooLarge(long maxBytes) {
    return of(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "too-large",
        "Datei zu groß",
        "Eine Rechnung darf höchstens " + (maxBytes / (1024 * 1024)) + " MB groß sein.",
        Map.of("field", "file", "maxBytes", maxBytes));
  }

  static ErrorResponseException empty() {
    return of(
        HttpStatus.BAD_REQUEST,
        "empty",
        "Leere Datei",
        "Es wurde keine Rechnung übermittelt.",
        Map.of("field", "file"));
  }
}
