package de.amtsflow.invoice.mailbox;

import de.amtsflow.invoice.InvoiceReceipt;
import de.amtsflow.invoice.mailbox.MailLog.Part;
import de.amtsflow.invoice.mailbox.MailLog.PartOutcome;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The German answer to a supplier's mail, and each part's paragraph of it. */
final class MailAnswer {

  /** Findings listed per invoice at most; the full list is in the e-file's report. */
  private static final int MAX_FINDINGS = 30;

  record Text(String subject, String body) {}

  private MailAnswer() {}

  static Part accepted(String fileName, InvoiceReceipt receipt) {
    List<String> lines = new ArrayList<>();
    InvoiceReceipt.Validation validation = receipt.validation();
    if (validation.valid()) {
      lines.add(
          attachment(fileName)
              + ": Ihre Rechnung ist eingegangen und wird jetzt sachlich und rechnerisch geprüft."
              + " Unser Aktenzeichen: "
              + receipt.fileNumber()
              + ". Bitte geben Sie es bei Rückfragen an.");
      findings(lines, "Hinweise (die Rechnung ist trotzdem gültig):", validation.warnings());
      return new Part(0, PartOutcome.ACCEPTED, receipt.fileNumber(), String.join("\n", lines));
    }
    lines.add(
        attachment(fileName)
            + ": Diese Rechnung können wir leider nicht annehmen (Aktenzeichen "
            + receipt.fileNumber()
            + "). Sie erfüllt folgende Regeln der E-Rechnung (EN 16931 / XRechnung) nicht:");
    findings(lines, null, validation.errors());
    lines.add("Bitte senden Sie uns eine korrigierte Rechnung als neue E-Rechnung.");
    return new Part(0, PartOutcome.INVALID, receipt.fileNumber(), String.join("\n", lines));
  }

  static Part refused(String fileName, ErrorResponseException refusal) {
    ProblemDetail problem = refusal.getBody();
    String detail = problem.getDetail() == null ? "" : problem.getDetail();
    Object code = problem.getProperties() == null ? null : problem.getProperties().get("code");
    if ("duplicate".equals(code)) {
      // the HTTP text names a header a mail cannot set: keep the first sentence only
      int end = detail.indexOf("). ");
      detail =
          (end < 0 ? detail : detail.substring(0, end + 2))
              + " Eine erneute Einreichung ist nicht nötig.";
    }
    return new Part(
        0,
        PartOutcome.REFUSED,
        null,
        attachment(fileName) + ": nicht angenommen – " + problem.getTitle() + ". " + detail);
  }

  static Part tooLarge(String fileName, long maxBytes) {
    return new Part(
        0,
        PartOutcome.REFUSED,
        null,
        attachment(fileName)
            + ": nicht angenommen – Datei zu groß. Eine Rechnung darf höchstens "
            + megabytes(maxBytes)
            + " MB groß sein.");
  }

  static Text answer(String subject, List<Part> parts, List<String> ignored, long maxBytes) {
    List<String> text = new ArrayList<>();
    text.add("Sehr geehrte Damen und Herren,");
    String about = subject == null || subject.isBlank() ? "" : " mit dem Betreff „" + subject + "“";
    if (parts.isEmpty()) {
      text.add(
          "vielen Dank für Ihre Nachricht"
              + about
              + ". Sie enthält leider keine E-Rechnung, die wir verarbeiten können.");
      text.add(
          "Bitte senden Sie uns Ihre Rechnung als Anhang im Format XRechnung (XML, UBL oder CII)"
              + " oder als ZUGFeRD-/Factur-X-PDF mit eingebetteter Rechnung, höchstens "
              + megabytes(maxBytes)
              + " MB je Datei. Ein reines PDF, ein Scan oder ein Foto ist keine E-Rechnung."
              + " Mehrere Rechnungen können Sie in einer Nachricht senden, je Rechnung einen"
              + " Anhang.");
    } else {
      text.add(
          "vielen Dank für Ihre Nachricht" + about + ". Das Ergebnis unserer Eingangsprüfung:");
      parts.forEach(p -> text.add(p.summary()));
    }
    if (!ignored.isEmpty()) {
      text.add(
          "Nicht berücksichtigt haben wir (keine E-Rechnung): " + String.join(", ", ignored) + ".");
    }
    text.add(
        "Diese Nachricht wurde automatisch erstellt. Bei Fragen erreichen Sie uns unter dieser"
            + " Adresse.");
    text.add("Mit freundlichen Grüßen\nIhre Rechnungseingangsstelle");
    return new Text(subject(parts), String.join("\n\n", text));
  }

  private static String subject(List<Part> parts) {
    if (parts.isEmpty()) {
      return "Ihre Nachricht enthielt keine E-Rechnung";
    }
    List<String> accepted =
        parts.stream()
            .filter(p -> p.outcome() == PartOutcome.ACCEPTED)
            .map(Part::fileNumber)
            .toList();
    if (accepted.size() == parts.size()) {
      return "Eingangsbestätigung Ihrer E-Rechnung (" + String.join(", ", accepted) + ")";
    }
    if (accepted.isEmpty()) {
      return "Ihre E-Rechnung wurde nicht angenommen";
    }
    return "Ergebnis der Eingangsprüfung Ihrer E-Rechnungen";
  }

  private static void findings(
      List<String> lines, String heading, List<InvoiceReceipt.Message> messages) {
    if (messages.isEmpty()) {
      return;
    }
    if (heading != null) {
      lines.add(heading);
    }
    messages.stream()
        .limit(MAX_FINDINGS)
        .forEach(
            m ->
                lines.add(
                    "- "
                        + m.rule()
                        + ": "
                        + m.explanation()
                        + (m.message() == null || m.message().equals(m.explanation())
                            ? ""
                            : "\n  (" + m.message() + ")")));
    if (messages.size() > MAX_FINDINGS) {
      lines.add("- … und " + (messages.size() - MAX_FINDINGS) + " weitere.");
    }
  }

  private static String attachment(String fileName) {
    return fileName == null ? "Rechnung im Text der Nachricht" : "Anhang „" + fileName + "“";
  }

  private static long megabytes(long bytes) {
    return bytes / (1024 * 1024);
  }
}
