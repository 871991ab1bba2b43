package de.amtsflow.invoice;

import de.amtsflow.efile.EFileStore;
import de.amtsflow.efile.NewDocument;
import de.amtsflow.letters.LetterPdf;
import de.amtsflow.letters.Mailer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Ablehnung mitteilen": files the rejection notice (PDF) in the e-file and mails it to the
 * supplier. A retried job does not file it twice.
 */
@Component
class NotifySupplierDelegate implements JavaDelegate {

  static final String KIND_NOTICE = "notice";
  static final String TITLE = "Ablehnung der Rechnung";

  private final InvoiceRepository invoices;
  private final EFileStore efiles;
  private final Mailer mailer;
  private final InvoiceIntake intake;

  NotifySupplierDelegate(
      InvoiceRepository invoices, EFileStore efiles, Mailer mailer, InvoiceIntake intake) {
    this.invoices = invoices;
    this.efiles = efiles;
    this.mailer = mailer;
    this.intake = intake;
  }

  @Override
  public void execute(DelegateExecution execution) {
    UUID invoiceId = UUID.fromString((String) execution.getVariable(InvoiceProcess.Var.INVOICE_ID));
    InvoiceEntity invoice = invoices.findById(invoiceId).orElseThrow();
    String reason = (String) execution.getVariable(InvoiceProcess.Var.REJECTION_REASON);
    boolean alreadyFiled =
        efiles.documents(invoice.efileId).stream()
            .anyMatch(d -> KIND_NOTICE.equals(d.kind()) && TITLE.equals(d.title()));
    if (alreadyFiled) {
      return;
    }
    List<String> text = letter(invoice, reason);
    efiles.addDocument(
        invoice.efileId,
        NewDocument.ofBytes(
            TITLE, KIND_NOTICE, "ablehnung.pdf", LetterPdf.render(TITLE, text), "system"));
    invoice.status = InvoiceStatus.REJECTED;
    invoice.rejectionReason = reason;
    invoices.save(invoice);
    if (invoice.sellerEmail == null || invoice.sellerEmail.isBlank()) {
      efiles.note(
          invoice.efileId,
          "NOTICE_NOT_MAILED",
          "the invoice names no e-mail address: send the notice by post",
          "system");
      return;
    }
    boolean mailed =
        mailer.send(
            invoice.sellerEmail,
            "Ihre Rechnung "
                + nullSafe(invoice.invoiceNumber)
                + " wurde abgelehnt ("
                + invoice.fileNumber
                + ")",
            String.join("\n\n", text));
    efiles.note(
        invoice.efileId,
        mailed ? "NOTICE_MAILED" : "NOTICE_NOT_MAILED",
        (mailed ? "queued for mail (outbox) to " : "no mail server configured; intended for ")
            + invoice.sellerEmail,
        "system");
  }

  private List<String> letter(InvoiceEntity invoice, String reason) {
    List<String> text = new ArrayList<>();
    text.add("Sehr geehrte Damen und Herren,");
    text.add(
        "Ihre Rechnung "
            + nullSafe(invoice.invoiceNumber)
            + " vom "
            + (invoice.issueDate == null ? "(ohne Datum)" : invoice.issueDate)
            + " über "
            + (invoice.grossAmount == null ? "?" : invoice.grossAmount.toPlainString())
            + " "
            + nullSafe(invoice.currency)
            + " (unser Aktenzeichen "
            + invoice.fileNumber
            + ") können wir nicht begleichen.");
    if (!invoice.valid) {
      text.add("Die Rechnung erfüllt folgende Regeln der E-Rechnung (EN 16931 / XRechnung) nicht:");
      intake
          .read(invoice.validationErrors)
          .forEach(m -> text.add("- " + m.rule() + ": " + m.message()));
    } else {
      text.add("Begründung: " + (reason == null ? "ohne Angabe" : reason));
    }
    text.add("Bitte senden Sie uns eine korrigierte Rechnung als neue E-Rechnung.");
    text.add("Mit freundlichen Grüßen\nIhre Rechnungsstelle");
    return text;
  }

  private static String nullSafe(String text) {
    return text == null ? "" : text;
  }
}
