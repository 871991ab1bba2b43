package de.amtsflow.invoice;

import de.amtsflow.efile.EFileStore;
import de.amtsflow.efile.NewDocument;
import de.amtsflow.letters.Mailer;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Ablehnung mitteilen": files the rejection letter (PDF/A, {@link RejectionLetters}) in the e-file
 * and mails its text to the supplier. A retried job does not file it twice.
 */
@Component
class NotifySupplierDelegate implements JavaDelegate {

  static final String KIND_NOTICE = "notice";
  static final String TITLE = "Ablehnung der Rechnung";

  private final InvoiceRepository invoices;
  private final EFileStore efiles;
  private final Mailer mailer;
  private final RejectionLetters letters;

  NotifySupplierDelegate(
      InvoiceRepository invoices, EFileStore efiles, Mailer mailer, RejectionLetters letters) {
    this.invoices = invoices;
    this.efiles = efiles;
    this.mailer = mailer;
    this.letters = letters;
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
    RejectionLetters.Written letter = letters.write(invoice, reason);
    efiles.addDocument(
        invoice.efileId,
        NewDocument.ofBytes(TITLE, KIND_NOTICE, "ablehnung.pdf", letter.pdf(), "system"));
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
    boolean mailed = mailer.send(invoice.sellerEmail, letter.mailSubject(), letter.mailText());
    efiles.note(
        invoice.efileId,
        mailed ? "NOTICE_MAILED" : "NOTICE_NOT_MAILED",
        (mailed ? "queued for mail (outbox) to " : "no mail server configured; intended for ")
            + invoice.sellerEmail,
        "system");
  }
}
