package de.amtsflow.permit;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsflow.efile.EFileStore;
import de.amtsflow.efile.NewDocument;
import de.amtsflow.letters.GermanFormats;
import de.amtsflow.letters.LetterRenderer;
import de.amtsflow.letters.Mailer;
import de.amtsflow.tenant.Tenant;
import de.amtsflow.tenant.Tenants;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Letters to the applicant: each is filed in the e-file as a PDF and mailed. A letter already filed
 * (same kind and title; citizens' uploads have kinds of their own) is not filed again. The mail is
 * queued in the job's transaction (Mailer's outbox): a job that fails and is retried mails once.
 * The records the authority files for itself (the application as received, statements, notes) are
 * PDF/A from the same renderer, so every PDF the module files is fit for the 30 years.
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

  /**
   * A letter: e-file title and kind, file name, mail subject and the paragraphs of its body; the
   * template it is rendered with ({@code brief} prints the paragraphs), the template's own values
   * and the clerk who signs it "Im Auftrag" (null: made by the system).
   */
  record Letter(
      String title,
      String kind,
      String fileName,
      String subject,
      List<String> body,
      String template,
      Map<String, Object> data,
      String clerk) {

    Letter(String title, String kind, String fileName, String subject, List<String> body) {
      this(title, kind, fileName, subject, body, "brief", Map.of(), null);
    }
  }

  private final EFileStore efiles;
  private final Mailer mailer;
  private final PermitProperties properties;
  private final LetterRenderer renderer;
  private final PermitDeadlines deadlines;
  private final ObjectMapper json;
  private final ClerkNames clerks;
  private final Tenants tenants;

  PermitLetters(
      EFileStore efiles,
      Mailer mailer,
      PermitProperties properties,
      LetterRenderer renderer,
      PermitDeadlines deadlines,
      ObjectMapper json,
      ClerkNames clerks,
      Tenants tenants) {
    this.tenants = tenants;
    this.efiles = efiles;
    this.mailer = mailer;
    this.properties = properties;
    this.renderer = renderer;
    this.deadlines = deadlines;
    this.json = json;
    this.clerks = clerks;
  }

  /** The applicant as the address field names them: from the application as submitted. */
  de.amtsflow.letters.Letter.Recipient recipient(PermitApplicationEntity application) {
    try {
      PermitApplicationRequest request =
          json.readValue(application.data, PermitApplicationRequest.class);
      PermitApplicationRequest.Party applicant = request.applicant();
      if (applicant != null && applicant.address() != null) {
        return new de.amtsflow.letters.Letter.Recipient(
            applicant.name(),
            applicant.address().street(),
            applicant.address().postalCode(),
            applicant.address().city());
      }
    } catch (java.io.IOException | RuntimeException unreadable) {
      // fall through: the name is on the entity
    }
    return de.amtsflow.letters.Letter.Recipient.named(application.applicantName);
  }

  /** The letter as the applicant receives it: PDF/A from its template. */
  byte[] render(PermitApplicationEntity application, Letter letter) {
    Map<String, Object> data = new java.util.HashMap<>(letter.data());
    // the authority that runs the procedure writes: its letterhead, its court
    Tenant authority = tenants.require(application.tenantId);
    String court =
        authority.court() == null || authority.court().isBlank()
            ? properties.court()
            : authority.court();
    data.putIfAbsent("court", "beim " + court);
    return renderer.render(
        new de.amtsflow.letters.Letter(
            letter.template(),
            letter.title(),
            recipient(application),
            application.fileNumber,
            deadlines.today(),
            letter.clerk(),
            letter.body(),
            data),
        tenants.letterhead(application.tenantId));
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
    text.add("Guten Tag " + application.applicantName + ",");
    text.addAll(letter.body());
    if (letter.data().get("tracking") instanceof Map<?, ?> tracking) {
      text.add(
          "Antrag verfolgen: "
              + tracking.get("url")
              + "\nAktenzeichen: "
              + tracking.get("fileNumber")
              + "\nZugangscode: "
              + tracking.get("accessCode"));
    }
    text.add(
        "Das Schreiben finden Sie als PDF auch auf der Seite „Antrag verfolgen“"
            + (properties.trackingUrl() == null ? "" : " (" + properties.trackingUrl() + ")")
            + ".");
    text.add("Mit freundlichen Grüßen\n" + properties.authority());
    efiles.addDocument(
        application.efileId,
        NewDocument.ofBytes(
            letter.title(), letter.kind(), letter.fileName(), render(application, letter), ACTOR));
    mail(application, letter.subject() + " (" + application.fileNumber + ")", text);
    return true;
  }

  /**
   * Files a record the clerks write (statements, notes; template {@code aktenvermerk}); no mail.
   *
   * @param actor who filed it, as the e-file names it (a user id, or {@code fiktion})
   * @param filedBy the same as the record prints it: a name, or what stood in for one
   */
  void file(
      PermitApplicationEntity application,
      String title,
      String kind,
      List<String> text,
      String actor,
      String filedBy) {
    if (filed(application, kind, title)) {
      return;
    }
    byte[] pdf =
        record(
            "aktenvermerk",
            title,
            application.fileNumber,
            text,
            Map.of("filedBy", filedBy == null ? actor : filedBy));
    efiles.addDocument(
        application.efileId, NewDocument.ofBytes(title, kind, kind + ".pdf", pdf, actor));
  }

  /**
   * Files the Bauantrag as received (template {@code antrag}) in the e-file, once: the first step
   * of the process ("Eingangsbestätigung senden") does it, after the submit's answer. The submit
   * stores the application's data in its transaction; the PDF is made from that data, so a
   * rendering that fails or a node that dies is retried with the job and loses nothing. Rendering
   * it during the submit cost a third of the submit's CPU time (issue 15).
   */
  void fileApplication(PermitApplicationEntity application) {
    if (filed(application, APPLICATION_KIND, APPLICATION_TITLE)) {
      return;
    }
    PermitApplicationRequest request;
    try {
      request = json.readValue(application.data, PermitApplicationRequest.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("application " + application.id + " unreadable", e);
    }
    byte[] pdf =
        application(
            application.fileNumber,
            request,
            deadlines.dayOf(application.receivedAt),
            application.enteredBy);
    efiles.addDocument(
        application.efileId,
        NewDocument.ofBytes(
            APPLICATION_TITLE,
            APPLICATION_KIND,
            "bauantrag.pdf",
            pdf,
            application.enteredBy == null ? PermitIntake.ACTOR_ONLINE : application.enteredBy));
  }

  static final String APPLICATION_KIND = "application";
  static final String APPLICATION_TITLE = "Bauantrag";

  /**
   * The Bauantrag as received (template {@code antrag}).
   *
   * @param clerk the clerk who entered a paper application, or null for an online one
   */
  byte[] application(
      String fileNumber, PermitApplicationRequest request, LocalDate receivedOn, String clerk) {
    List<PermitTexts.Entry> entries = new ArrayList<>();
    entries.add(
        new PermitTexts.Entry(
            "Eingang",
            GermanFormats.date(receivedOn) + (clerk == null ? ", online" : ", in Papierform")));
    entries.addAll(PermitTexts.application(request));
    return record(
        "antrag",
        "Bauantrag",
        fileNumber,
        List.of(),
        Map.of(
            "entries",
            entries,
            "filedBy",
            clerk == null ? "Antragsteller (online eingereicht)" : clerks.nameOf(clerk)));
  }

  private byte[] record(
      String template,
      String title,
      String fileNumber,
      List<String> paragraphs,
      Map<String, Object> data) {
    return renderer.render(
        new de.amtsflow.letters.Letter(
            template, title, null, fileNumber, deadlines.today(), null, paragraphs, data));
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
