package de.amtsflow.permit;

import de.amtsflow.efile.EFileStore;
import de.amtsflow.efile.NewDocument;
import de.amtsflow.letters.LetterPdf;
import de.amtsflow.letters.Mailer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Letters to the applicant: each is filed in the e-file as a PDF and mailed. A letter already filed
 * (same kind and title; citizens' uploads have kinds of their own) is not filed again. The mail is
 * queued in the job's transaction (Mailer's outbox): a job that fails and is retried mails once.
 */
@Component
class PermitLetters {

  static final String ACTOR = "bauaufsicht";

  /**
   * The e-file kinds of letters to the applicant: the tracking page offers these for download, and
   * only these; {@link #send} takes no other kind.
   */
  static final Set<String> TO_APPLICANT =
      Set.of("receipt", "request", "decision", "fee-notice", "notice");

  /** A letter: e-file title and kind, file name, mail subject and the paragraphs of its body. */
  record Letter(String title, String kind, String fileName, String subject, List<String> body) {}

  private final EFileStore efiles;
  private final Mailer mailer;
  private final PermitProperties properties;

  PermitLetters(EFileStore efiles, Mailer mailer, PermitProperties properties) {
    this.efiles = efiles;
    this.mailer = mailer;
    this.properties = properties;
  }

  /**
   * @return false if a letter with this title was filed before (nothing done again)
   */
  boolean send(PermitApplicationEntity application, Letter letter) {
    if (!TO_APPLICANT.contains(letter.kind())) {
      throw new IllegalArgumentException(
          "not a letter to the applicant: " + letter.kind() + " (PermitLetters.TO_APPLICANT)");
    }
    if (filed(application, letter.kind(), letter.title())) {
      return false;
    }
    List<String> text = new ArrayList<>();
    text.add("Aktenzeichen " + application.fileNumber);
    text.add("Sehr geehrte Damen und Herren,");
    text.addAll(letter.body());
    text.add("Mit freundlichen Grüßen\n" + properties.authority());
    efiles.addDocument(
        application.efileId,
        NewDocument.ofBytes(
            letter.title(),
            letter.kind(),
            letter.fileName(),
            LetterPdf.render(letter.title(), text),
            ACTOR));
    mail(application, letter.subject() + " (" + application.fileNumber + ")", text);
    return true;
  }

  /** Files a document the clerks write for the record (statements, notes); no mail. */
  void file(PermitApplicationEntity application, String title, String kind, List<String> text) {
    if (filed(application, kind, title)) {
      return;
    }
    efiles.addDocument(
        application.efileId,
        NewDocument.ofBytes(title, kind, kind + ".pdf", LetterPdf.render(title, text), ACTOR));
  }

  private boolean filed(PermitApplicationEntity application, String kind, String title) {
    return efiles.documents(application.efileId).stream()
        .anyMatch(d -> d.kind().equals(kind) && d.title().equals(title));
  }

  private void mail(PermitApplicationEntity application, String subject, List<String> text) {
    if (application.applicantEmail == null || application.applicantEmail.isBlank()) {
      efiles.note(
          application.efileId,
          "NOTICE_NOT_MAILED",
          "no e-mail address: send \"" + subject + "\" by post",
          ACTOR);
      return;
    }
    boolean mailed = mailer.send(application.applicantEmail, subject, String.join("\n\n", text));
    efiles.note(
        application.efileId,
        mailed ? "NOTICE_MAILED" : "NOTICE_NOT_MAILED",
        (mailed ? "queued for mail (outbox): \"" : "no mail server configured; not mailed: \"")
            + subject
            + "\" to "
            + application.applicantEmail,
        ACTOR);
  }
}
