package de.amtsflow.permit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsflow.efile.Document;
import de.amtsflow.efile.EFileStatus;
import de.amtsflow.letters.LetterText;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;

/**
 * The building permit end to end, as the citizen and the clerks drive it: the public permit API
 * without login, /api/tasks with the demo users (bauamt, gemeinde, fachstelle); jobs are run
 * explicitly, every statutory deadline by moving the engine clock; mail goes to GreenMail.
 */
class BuildingPermitProcessTest extends AbstractPermitTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  /** Sets the engine clock (and so the application's) to 10:00 on the given day. */
  static void today(LocalDate day) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(10, 0).atZone(BERLIN).toInstant()));
  }

  static LocalDate today() {
    return ZonedDateTime.ofInstant(ClockUtil.getCurrentTime().toInstant(), BERLIN).toLocalDate();
  }

  void participateAndReview(ProcessInstance pi) {
    completeOk(
        "gemeinde", task(pi, PermitProcess.Task.MUNICIPAL_CONSENT), Map.of("consent", "GRANTED"));
    for (var statement : open(pi, PermitProcess.Task.AGENCY_STATEMENT)) {
      completeOk("fachstelle", statement, Map.of("statement", "CONSENT"));
    }
    completeOk(
        "bauamt", task(pi, PermitProcess.Task.REVIEW), Map.of("notes", "zulässig nach § 34 BauGB"));
  }

  List<String> mailSubjects() {
    return Arrays.stream(delivered()).map(BuildingPermitProcessTest::subject).toList();
  }

  static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (jakarta.mail.MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  byte[] pdfBytes(Submitted application, String title) throws Exception {
    Document document =
        documents(application).stream()
            .filter(d -> d.title().equals(title))
            .findFirst()
            .orElseThrow();
    return efiles
        .content(UUID.fromString(application.efileId()), document.id(), null)
        .readAllBytes();
  }

  String pdfText(Submitted application, String title) throws Exception {
    Document document =
        documents(application).stream()
            .filter(d -> d.title().equals(title))
            .findFirst()
            .orElseThrow();
    byte[] bytes =
        efiles.content(UUID.fromString(application.efileId()), document.id(), null).readAllBytes();
    try (var pdf = Loader.loadPDF(bytes)) {
      return sortedStripper().getText(pdf).replaceAll("\\s+", " ");
    }
  }

  @Test
  void completeApplicationIsHeardReviewedAndApproved() throws Exception {
    Submitted application = submit(PermitFixtures.regularApplication());
    assertThat(application.fileNumber()).matches("BAU-\\d{4}-\\d{6}");
    assertThat(
            upload(
                    application.id(),
                    application.token(),
                    "SITE_PLAN",
                    "lageplan.pdf",
                    PermitFixtures.pdf())
                .getStatusCode()
                .value())
        .isEqualTo(201);
    ProcessInstance pi = instance(application);
    runJobs(pi);
    assertThat(pi).isWaitingAt(PermitProcess.Task.CHECK_COMPLETENESS);
    assertThat(mailSubjects()).anyMatch(s -> s.startsWith("Eingangsbestätigung"));
    assertThat(status(application).get("statusText").asText()).isEqualTo("Eingegangen");

    // bauamt finds the task over /api/tasks
    JsonNode mine = as("bauamt").get().uri("/api/tasks").retrieve().body(JsonNode.class);
    assertThat(mine.findValuesAsText("businessKey")).contains(application.fileNumber());

    confirmComplete(pi, "WATER", "FIRE");
    assertThat(status(application).get("status").asText()).isEqualTo("IN_PARTICIPATION");
    assertThat(open(pi, PermitProcess.Task.AGENCY_STATEMENT)).hasSize(2);
    JsonNode deadlines = status(application).get("openDeadlines");
    assertThat(deadlines.findValuesAsText("label"))
        .contains(
            "Frist der Gemeinde für das Einvernehmen",
            "Frist der Fachstellen für ihre Stellungnahmen")
        // regular procedure: no Genehmigungsfiktion
        .noneMatch(l -> l.startsWith("Genehmigungsfiktion"));

    participateAndReview(pi);
    assertThat(status(application).get("status").asText()).isEqualTo("IN_REVIEW");
    assertThat(pi).isWaitingAt(PermitProcess.Task.DECIDE);
    // the fee table: regular procedure, Gebäudeklasse 3, 350,000 EUR at 3 per mille
    assertThat(runtime.getVariable(pi.getId(), PermitProcess.Var.FEE_TEXT)).isEqualTo("1.050,00 €");
    assertThat((String) runtime.getVariable(pi.getId(), PermitProcess.Var.STATEMENTS_SUMMARY))
        .contains(
            "Gemeinde", "Wasserwirtschaftsamt: Zustimmung", "Brandschutzdienststelle: Zustimmung");

    completeOk("bauamt", task(pi, PermitProcess.Task.DECIDE), Map.of("decision", "APPROVE"));
    runJobs(pi);

    assertThat(pi).isEnded();
    JsonNode status = status(application);
    assertThat(status.get("statusText").asText()).isEqualTo("Genehmigt");
    assertThat(status.get("openDeadlines")).isEmpty();
    assertThat(status.get("timeline").findValuesAsText("status"))
        .containsExactly("RECEIVED", "IN_PARTICIPATION", "IN_REVIEW", "APPROVED");
    assertThat(titles(application))
        .containsExactlyInAnyOrder(
            "Bauantrag",
            "Lageplan",
            "Eingangsbestätigung",
            "Einvernehmen der Gemeinde (§ 36 BauGB)",
            "Stellungnahme Wasserwirtschaftsamt",
            "Stellungnahme Brandschutzdienststelle",
            "Baugenehmigung",
            "Gebührenbescheid");
    assertThat(pdfText(application, "Gebührenbescheid"))
        .contains("Gebühr von 1.050,00 € festgesetzt")
        .contains("Verwendungszweck " + application.fileNumber())
        .contains("IBAN DE02 1203 0000 0000 2020 51", "Sparkasse Musterkreis")
        .contains("Kostengesetzes", "Rechtsbehelfsbelehrung", "Im Auftrag")
        .containsPattern("bis zum \\d{2}\\.\\d{2}\\.\\d{4}");
    // the e-file names who filed each statement: the Gemeinde's and the agencies' clerks
    assertThat(documents(application))
        .filteredOn(d -> d.kind().equals("statement"))
        .extracting(Document::title, Document::createdBy)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "Einvernehmen der Gemeinde (§ 36 BauGB)", "gemeinde"),
            org.assertj.core.groups.Tuple.tuple("Stellungnahme Wasserwirtschaftsamt", "fachstelle"),
            org.assertj.core.groups.Tuple.tuple(
                "Stellungnahme Brandschutzdienststelle", "fachstelle"));
    UUID efileId = UUID.fromString(application.efileId());
    assertThat(efiles.get(efileId).status()).isEqualTo(EFileStatus.CLOSED);
    assertThat(efiles.get(efileId).retentionUntil().getYear()).isEqualTo(today().getYear() + 30);
    assertThat(efiles.checkIntegrity(efileId).intact()).isTrue();
    assertThat(mailSubjects())
        .anyMatch(s -> s.startsWith("Ihre Baugenehmigung"))
        .anyMatch(s -> s.startsWith("Gebührenbescheid"));
    MimeMessage approval =
        Arrays.stream(delivered())
            .filter(m -> subject(m).startsWith("Ihre Baugenehmigung"))
            .findFirst()
            .orElseThrow();
    assertThat(approval.getAllRecipients()[0].toString()).isEqualTo("erika@buerger.test");
    // a closed case takes no more documents
    assertThat(
            upload(
                    application.id(),
                    application.token(),
                    "OTHER",
                    "nachtrag.pdf",
                    PermitFixtures.pdf())
                .getStatusCode()
                .value())
        .isEqualTo(409);
  }

  @Test
  void nachforderungAnsweredSendsTheApplicationBackToTheCompletenessCheck() {
    Submitted application = submit(PermitFixtures.regularApplication());
    ProcessInstance pi = instance(application);
    runJobs(pi);

    // an unreasonable deadline is refused by the engine rule, with the allowed range
    ResponseEntity<JsonNode> tooShort =
        complete(
            "bauamt",
            task(pi, PermitProcess.Task.CHECK_COMPLETENESS),
            Map.of(
                "completeness", "INCOMPLETE",
                "missingDocuments", List.of("Standsicherheitsnachweis"),
                "resubmissionDeadline", today().plusDays(2).toString()));
    assertThat(tooShort.getStatusCode().value()).isEqualTo(409);
    assertThat(tooShort.getBody().get("rule").asText()).isEqualTo("RESUBMISSION_DEADLINE");
    ResponseEntity<JsonNode> nothingListed =
        complete(
            "bauamt",
            task(pi, PermitProcess.Task.CHECK_COMPLETENESS),
            Map.of(
                "completeness",
                "INCOMPLETE",
                "resubmissionDeadline",
                today().plusDays(14).toString()));
    assertThat(nothingListed.getBody().get("rule").asText())
        .isEqualTo("MISSING_DOCUMENTS_REQUIRED");
    LocalDate saturday = today().plusWeeks(2).with(java.time.DayOfWeek.SATURDAY);
    ResponseEntity<JsonNode> weekend =
        complete(
            "bauamt",
            task(pi, PermitProcess.Task.CHECK_COMPLETENESS),
            Map.of(
                "completeness", "INCOMPLETE",
                "missingDocuments", List.of("Standsicherheitsnachweis"),
                "resubmissionDeadline", saturday.toString()));
    assertThat(weekend.getBody().get("detail").asText()).contains("Wochenende");

    LocalDate deadline = PermitFixtures.workday(today().plusDays(14));
    requestDocuments(pi, List.of("Standsicherheitsnachweis", "Brandschutznachweis"), deadline);
    runJobs(pi);

    JsonNode status = status(application);
    assertThat(status.get("status").asText()).isEqualTo("INCOMPLETE");
    assertThat(status.get("statusText").asText())
        .isEqualTo(
            "Unvollständig – bitte nachreichen: Standsicherheitsnachweis; Brandschutznachweis");
    // an array of texts
    assertThat(status.get("missingDocuments").toString())
        .isEqualTo("[\"Standsicherheitsnachweis\",\"Brandschutznachweis\"]");
    JsonNode resubmission = status.get("openDeadlines").get(0);
    assertThat(resubmission.get("label").asText()).startsWith("Frist zur Nachreichung");
    assertThat(resubmission.get("lastDay").asText())
        .isEqualTo(
            String.format(
                "%02d.%02d.%d",
                deadline.getDayOfMonth(), deadline.getMonthValue(), deadline.getYear()));
    assertThat(titles(application)).contains("Nachforderung 1");
    assertThat(mailSubjects()).anyMatch(s -> s.startsWith("Bitte reichen Sie Unterlagen nach"));

    // the first of two files is only filed; the second answers the Nachforderung
    ResponseEntity<JsonNode> first =
        upload(
            anonymous,
            application.id(),
            application.token(),
            "STATICS",
            "statik.pdf",
            PermitFixtures.pdf(),
            Map.of("answersRequest", "false"));
    assertThat(first.getBody().get("answeredRequest").asBoolean()).isFalse();
    assertThat(pi).isWaitingAt(PermitProcess.AWAIT_DOCUMENTS);
    ResponseEntity<JsonNode> second =
        upload(
            application.id(),
            application.token(),
            "FIRE_PROTECTION",
            "brandschutz.pdf",
            PermitFixtures.pdf());
    assertThat(second.getStatusCode().value()).isEqualTo(201);
    assertThat(second.getBody().get("answeredRequest").asBoolean()).isTrue();

    assertThat(pi).isWaitingAt(PermitProcess.Task.CHECK_COMPLETENESS);
    // the second check starts empty: the form does not offer the first round's answers again
    Map<String, Object> form =
        tasks.getVariables(task(pi, PermitProcess.Task.CHECK_COMPLETENESS).getId());
    assertThat(form)
        .containsEntry(PermitProcess.Var.COMPLETENESS, null)
        .containsEntry(PermitProcess.Var.MISSING_DOCUMENTS, null)
        .containsEntry(PermitProcess.Var.RESUBMISSION_DEADLINE, null);
    assertThat(status(application).get("statusText").asText()).isEqualTo("Eingegangen");
    assertThat(titles(application)).contains("Standsicherheitsnachweis", "Brandschutznachweis");
    confirmComplete(pi);
    assertThat(status(application).get("status").asText()).isEqualTo("IN_PARTICIPATION");
    // no agency selected: straight to the Gemeinde only
    assertThat(open(pi, PermitProcess.Task.AGENCY_STATEMENT)).isEmpty();
  }

  @Test
  void missedNachforderungDeadlineTreatsTheApplicationAsWithdrawn() {
    Submitted application = submit(PermitFixtures.regularApplication());
    ProcessInstance pi = instance(application);
    runJobs(pi);
    LocalDate deadline = PermitFixtures.workday(today().plusDays(14));
    requestDocuments(pi, List.of("Lageplan"), deadline);
    runJobs(pi);

    // the last day of the deadline is still open
    today(deadline);
    assertThat(fireDueTimers(pi)).isZero();
    assertThat(pi).isWaitingAt(PermitProcess.AWAIT_DOCUMENTS);

    today(deadline.plusDays(1));
    assertThat(fireDueTimers(pi)).isEqualTo(1);

    assertThat(pi).isEnded();
    JsonNode status = status(application);
    assertThat(status.get("statusText").asText()).isEqualTo("Als zurückgenommen behandelt");
    assertThat(titles(application)).contains("Mitteilung Rücknahmefiktion");
    UUID efileId = UUID.fromString(application.efileId());
    assertThat(efiles.get(efileId).status()).isEqualTo(EFileStatus.CLOSED);
    assertThat(efiles.get(efileId).retentionUntil().getYear()).isEqualTo(today().getYear() + 10);
    ResponseEntity<JsonNode> late =
        upload(
            application.id(),
            application.token(),
            "SITE_PLAN",
            "lageplan.pdf",
            PermitFixtures.pdf());
    assertThat(late.getStatusCode().value()).isEqualTo(409);
    assertThat(late.getBody().get("code").asText()).isEqualTo("case-closed");
  }

  @Test
  void refusedEinvernehmenIsReplacedOnlyWithARecordedReason() throws Exception {
    Submitted application = submit(PermitFixtures.regularApplication());
    ProcessInstance pi = instance(application);
    runJobs(pi);
    confirmComplete(pi);

    ResponseEntity<JsonNode> noReason =
        complete(
            "gemeinde",
            task(pi, PermitProcess.Task.MUNICIPAL_CONSENT),
            Map.of("consent", "REFUSED"));
    assertThat(noReason.getStatusCode().value()).isEqualTo(409);
    assertThat(noReason.getBody().get("rule").asText()).isEqualTo("REASON_REQUIRED");
    completeOk(
        "gemeinde",
        task(pi, PermitProcess.Task.MUNICIPAL_CONSENT),
        Map.of(
            "consent",
            "REFUSED",
            "reasons",
            "Fügt sich nicht in die Eigenart der näheren Umgebung ein."));

    ResponseEntity<JsonNode> replacedWithoutReason =
        complete("bauamt", task(pi, PermitProcess.Task.REVIEW), Map.of("consentReplaced", true));
    assertThat(replacedWithoutReason.getBody().get("rule").asText())
        .isEqualTo("REPLACEMENT_REASON_REQUIRED");
    completeOk(
        "bauamt",
        task(pi, PermitProcess.Task.REVIEW),
        Map.of(
            "consentReplaced",
            true,
            "consentReplacementReason",
            "Das Vorhaben fügt sich nach § 34 Abs. 1 BauGB ein; die Versagung ist rechtswidrig."));
    completeOk("bauamt", task(pi, PermitProcess.Task.DECIDE), Map.of("decision", "APPROVE"));
    runJobs(pi);

    assertThat(pi).isEnded();
    assertThat(status(application).get("statusText").asText()).isEqualTo("Genehmigt");
    assertThat(pdfText(application, "Baugenehmigung")).contains("ersetzt (Art. 67 BayBO)");
    assertThat(efiles.audit(UUID.fromString(application.efileId())))
        .anyMatch(e -> e.action().equals("CONSENT_REPLACED") && e.actor().equals("bauamt"));
  }

  @Test
  void refusedEinvernehmenNotReplacedAllowsOnlyARejectionWithReasons() throws Exception {
    Submitted application = submit(PermitFixtures.regularApplication());
    ProcessInstance pi = instance(application);
    runJobs(pi);
    confirmComplete(pi);
    completeOk(
        "gemeinde",
        task(pi, PermitProcess.Task.MUNICIPAL_CONSENT),
        Map.of("consent", "REFUSED", "reasons", "Widerspricht dem Bebauungsplan Nr. 12."));
    completeOk("bauamt", task(pi, PermitProcess.Task.REVIEW), Map.of());

    ResponseEntity<JsonNode> approve =
        complete("bauamt", task(pi, PermitProcess.Task.DECIDE), Map.of("decision", "APPROVE"));
    assertThat(approve.getStatusCode().value()).isEqualTo(409);
    assertThat(approve.getBody().get("rule").asText()).isEqualTo("CONSENT_REFUSED");
    ResponseEntity<JsonNode> noReasons =
        complete("bauamt", task(pi, PermitProcess.Task.DECIDE), Map.of("decision", "REJECT"));
    assertThat(noReasons.getBody().get("rule").asText()).isEqualTo("REASON_REQUIRED");
    completeOk(
        "bauamt",
        task(pi, PermitProcess.Task.DECIDE),
        Map.of("decision", "REJECT", "reasons", "Das gemeindliche Einvernehmen ist versagt."));
    runJobs(pi);

    assertThat(pi).isEnded();
    assertThat(status(application).get("statusText").asText()).isEqualTo("Abgelehnt");
    assertThat(titles(application)).contains("Ablehnungsbescheid", "Gebührenbescheid");
    assertThat(titles(application)).doesNotContain("Baugenehmigung");
    assertThat(pdfText(application, "Ablehnungsbescheid"))
        .contains("wird abgelehnt", "Gründe", "Das gemeindliche Einvernehmen ist versagt.")
        .contains("Art. 68 Abs. 1 Satz 1 BayBO", "Rechtsbehelfsbelehrung")
        .contains("Im Auftrag");
    assertThat(mailSubjects()).anyMatch(s -> s.startsWith("Ablehnung Ihres Bauantrags"));
  }

  @Test
  void approvalWithNebenbestimmungenListsThemInTheBescheid() throws Exception {
    Submitted application = submit(PermitFixtures.regularApplication());
    ProcessInstance pi = instance(application);
    runJobs(pi);
    confirmComplete(pi, "MONUMENT");
    participateAndReview(pi);

    ResponseEntity<JsonNode> noProvisions =
        complete(
            "bauamt",
            task(pi, PermitProcess.Task.DECIDE),
            Map.of("decision", "APPROVE_WITH_CONDITIONS"));
    assertThat(noProvisions.getBody().get("rule").asText()).isEqualTo("PROVISIONS_REQUIRED");
    ResponseEntity<JsonNode> badType =
        complete(
            "bauamt",
            task(pi, PermitProcess.Task.DECIDE),
            Map.of(
                "decision",
                "APPROVE_WITH_CONDITIONS",
                "provisions",
                List.of(Map.of("type", "WISH", "text", "x"))));
    assertThat(badType.getStatusCode().value()).isEqualTo(400);
    ResponseEntity<JsonNode> unreasoned =
        complete(
            "bauamt",
            task(pi, PermitProcess.Task.DECIDE),
            Map.of(
                "decision",
                "APPROVE_WITH_CONDITIONS",
                "provisions",
                List.of(Map.of("type", "OBLIGATION", "text", "Zwei Stellplätze."))));
    assertThat(unreasoned.getStatusCode().value()).isEqualTo(400);
    assertThat(unreasoned.getBody().get("errors").get(0).get("field").asText())
        .isEqualTo("provisions[0].reason");
    assertThat(unreasoned.getBody().get("errors").get(0).get("message").asText())
        .contains("Art. 39 BayVwVfG");
    completeOk(
        "bauamt",
        task(pi, PermitProcess.Task.DECIDE),
        Map.of(
            "decision",
            "APPROVE_WITH_CONDITIONS",
            "provisions",
            List.of(
                Map.of(
                    "type",
                    "CONDITION",
                    "text",
                    "Baubeginn erst nach Vorlage des geprüften Standsicherheitsnachweises.",
                    "reason",
                    "Die Standsicherheit ist noch nicht nachgewiesen (Art. 10 BayBO)."),
                Map.of(
                    "type",
                    "OBLIGATION",
                    "text",
                    "Das Dach ist mit roten Ziegeln einzudecken.",
                    "reason",
                    "Ortsgestaltungssatzung der Gemeinde."),
                // the decision form's way: the reason after "Begründung:" in the same line
                Map.of(
                    "type",
                    "OBLIGATION",
                    "text",
                    "Zwei Stellplätze sind herzustellen. Begründung: Stellplatzpflicht (Art. 47"
                        + " BayBO)."),
                Map.of(
                    "type",
                    "TIME_LIMIT",
                    "text",
                    "Die Genehmigung erlischt, wenn nicht binnen vier Jahren begonnen wird.",
                    "reason",
                    "Art. 69 BayBO."),
                Map.of(
                    "type",
                    "REVOCATION",
                    "text",
                    "Widerruf vorbehalten für die Zufahrt über Fl.-Nr. 123/5.",
                    "reason",
                    "Die Zufahrt ist nur bis zum Ausbau der Ortsstraße gesichert."),
                Map.of(
                    "type",
                    "NOTE",
                    "text",
                    "Bodenfunde sind der Denkmalschutzbehörde zu melden."))));
    runJobs(pi);

    assertThat(pi).isEnded();
    assertThat(status(application).get("timeline").findValuesAsText("text"))
        .anyMatch(t -> t.contains("mit Nebenbestimmungen"));
    String bescheid = pdfText(application, "Baugenehmigung");
    assertThat(bescheid)
        .contains("Bedingungen 1. Baubeginn erst nach Vorlage")
        .contains("Begründung: Die Standsicherheit ist noch nicht nachgewiesen")
        .contains(
            "Auflagen 1. Das Dach ist mit roten Ziegeln einzudecken. Begründung:"
                + " Ortsgestaltungssatzung der Gemeinde.")
        // an item and its reason stay together, also at a page break
        .contains("Zwei Stellplätze sind herzustellen. Begründung: Stellplatzpflicht (Art. 47")
        .contains("Befristung 1. Die Genehmigung erlischt")
        .contains("Widerrufsvorbehalt 1. Widerruf vorbehalten")
        .contains("Hinweise 1. Bodenfunde")
        // addressee, reference line, legal basis, validity, Baubeginnsanzeige, the clerk
        .contains("Guten Tag Erika Mustermann,")
        .contains("Aktenzeichen " + application.fileNumber())
        .contains("Art. 68 Abs. 1 Satz 1 BayBO", "Art. 69 Abs. 1 BayBO", "Baubeginnsanzeige")
        .contains("Im Auftrag")
        .doesNotContain("Sehr geehrte Damen und Herren");
    assertThat(LetterText.addressField(pdfBytes(application, "Baugenehmigung")))
        .endsWith("Erika Mustermann Lindenweg 3 93047 Regensburg");
    // every PDF the case filed, letters and records alike
    for (String title :
        List.of(
            "Baugenehmigung",
            "Gebührenbescheid",
            "Eingangsbestätigung",
            "Bauantrag",
            FileConsentDelegate.TITLE)) {
      assertThat(de.amtsflow.letters.PdfA.validate(pdfBytes(application, title)).failures())
          .as("veraPDF, PDF/A-2b: %s", title)
          .isEmpty();
    }
    assertThat(pdfText(application, "Bauantrag"))
        .contains("Aktenzeichen " + application.fileNumber())
        .contains("Zur Akte genommen von Antragsteller (online eingereicht)")
        .contains("Antragsteller Erika Mustermann Lindenweg 3, 93047 Regensburg")
        .contains("Verfahrensart");
    assertThat(pdfText(application, FileConsentDelegate.TITLE))
        .contains("Aktenzeichen " + application.fileNumber())
        .contains("Zur Akte genommen von Georg Gemeinde")
        .contains("Einvernehmen erteilt");
  }

  @Test
  void silenceOfGemeindeAndAgencyCountsAsConsentAfterTheirPeriods() throws Exception {
    // Tuesday 27 April 2027: the agency's month ends on Fronleichnam (Thursday 27 May, a holiday
    // in Bavaria), the Gemeinde's two months on Sunday 27 June; both run on to the next working
    // day (§ 193 BGB, Art. 31 Abs. 3 BayVwVfG)
    LocalDate start = LocalDate.of(2027, 4, 27);
    today(start);
    Submitted application = submit(PermitFixtures.regularApplication());
    ProcessInstance pi = instance(application);
    runJobs(pi);
    confirmComplete(pi, "NATURE");
    LocalDate agencyLastDay = LocalDate.of(2027, 5, 28);
    LocalDate consentLastDay = LocalDate.of(2027, 6, 28);
    // the tasks are due when their fiction occurs: at the end of the (shifted) last day
    assertThat(task(pi, PermitProcess.Task.AGENCY_STATEMENT).getDueDate())
        .isEqualTo(startOfDay(agencyLastDay.plusDays(1)));
    assertThat(task(pi, PermitProcess.Task.MUNICIPAL_CONSENT).getDueDate())
        .isEqualTo(startOfDay(consentLastDay.plusDays(1)));

    // Fronleichnam and the shifted last day are still the agency's
    ClockUtil.setCurrentTime(
        Date.from(start.plusMonths(1).atTime(23, 59).atZone(BERLIN).toInstant()));
    assertThat(fireDueTimers(pi)).isZero();
    ClockUtil.setCurrentTime(Date.from(agencyLastDay.atTime(23, 59).atZone(BERLIN).toInstant()));
    assertThat(fireDueTimers(pi)).isZero();
    // then the agency's consent counts as given, the Gemeinde still has time
    today(agencyLastDay.plusDays(1));
    assertThat(fireDueTimers(pi)).isEqualTo(1);
    assertThat(open(pi, PermitProcess.Task.AGENCY_STATEMENT)).isEmpty();
    assertThat(open(pi, PermitProcess.Task.MUNICIPAL_CONSENT)).hasSize(1);
    // two months: the Einvernehmen counts as granted (§ 36 Abs. 2 BauGB) after Monday 28 June
    ClockUtil.setCurrentTime(
        Date.from(start.plusMonths(2).atTime(23, 59).atZone(BERLIN).toInstant()));
    assertThat(fireDueTimers(pi)).isZero();
    ClockUtil.setCurrentTime(Date.from(consentLastDay.atTime(23, 59).atZone(BERLIN).toInstant()));
    assertThat(fireDueTimers(pi)).isZero();
    today(consentLastDay.plusDays(1));
    assertThat(fireDueTimers(pi)).isEqualTo(1);

    assertThat(pi).isWaitingAt(PermitProcess.Task.REVIEW);
    assertThat(runtime.getVariable(pi.getId(), PermitProcess.Var.CONSENT_FICTITIOUS))
        .isEqualTo(true);
    assertThat((String) runtime.getVariable(pi.getId(), PermitProcess.Var.STATEMENTS_SUMMARY))
        .contains("Stellungnahme Untere Naturschutzbehörde: Zustimmung (fingiert)")
        .contains("Einvernehmen erteilt (fingiert)");
    assertThat(pdfText(application, "Einvernehmen der Gemeinde (§ 36 BauGB)"))
        .contains("§ 36 Abs. 2 Satz 2 BauGB")
        .contains("Zur Akte genommen von gesetzliche Fiktion");
  }

  @Test
  void genehmigungsfiktionRestartsWhenANachforderungIsAnsweredAndEndsTheOpenTasks() {
    LocalDate submitted = LocalDate.now(BERLIN).withDayOfMonth(1);
    today(submitted);
    Submitted application = submit(PermitFixtures.application());
    ProcessInstance pi = instance(application);
    runJobs(pi);
    LocalDate firstFiction = lastDay(submitted.plusDays(21).plusMonths(3)).plusDays(1);
    assertThat(runtime.getVariable(pi.getId(), PermitProcess.Var.APPROVAL_FICTION_DATE))
        .isEqualTo(german(firstFiction));

    requestDocuments(pi, List.of("Grundrisse"), PermitFixtures.workday(submitted.plusDays(30)));
    runJobs(pi);
    LocalDate answered = submitted.plusDays(20);
    today(answered);
    upload(
        application.id(),
        application.token(),
        "FLOOR_PLAN",
        "grundrisse.pdf",
        PermitFixtures.pdf());
    LocalDate fiction = lastDay(answered.plusDays(21).plusMonths(3)).plusDays(1);
    assertThat(runtime.getVariable(pi.getId(), PermitProcess.Var.APPROVAL_FICTION_DATE))
        .isEqualTo(german(fiction));
    confirmComplete(pi, "WATER");
    assertThat(status(application).get("openDeadlines").findValuesAsText("label"))
        .anyMatch(l -> l.startsWith("Genehmigungsfiktion"));

    // the Gemeinde and the agency answer, the clerk has not decided yet
    completeOk(
        "gemeinde", task(pi, PermitProcess.Task.MUNICIPAL_CONSENT), Map.of("consent", "GRANTED"));
    completeOk(
        "fachstelle",
        task(pi, PermitProcess.Task.AGENCY_STATEMENT),
        Map.of("statement", "CONSENT"));
    assertThat(pi).isWaitingAt(PermitProcess.Task.REVIEW);
    // the clerk's tasks are due when the permit would count as granted
    assertThat(task(pi, PermitProcess.Task.REVIEW).getDueDate()).isEqualTo(startOfDay(fiction));

    // the first period would have ended: nothing happens, the clock restarted
    today(firstFiction);
    assertThat(fireDueTimers(pi)).isZero();
    assertThat(pi).isWaitingAt(PermitProcess.Task.REVIEW);

    today(fiction);
    assertThat(fireDueTimers(pi)).isEqualTo(1);

    assertThat(pi).isEnded();
    assertThat(tasks.createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
    JsonNode status = status(application);
    assertThat(status.get("statusText").asText()).isEqualTo("Genehmigung fingiert");
    assertThat(titles(application))
        .contains("Bescheinigung über den Eintritt der Genehmigungsfiktion");
    assertThat(efiles.get(UUID.fromString(application.efileId())).status())
        .isEqualTo(EFileStatus.CLOSED);
    assertThat(mailSubjects()).anyMatch(s -> s.startsWith("Ihre Baugenehmigung gilt als erteilt"));
  }

  @Test
  void anOverdueCompletenessCheckIsEscalatedAndALateNachforderungDoesNotRestartTheFiction() {
    LocalDate submitted = LocalDate.now(BERLIN).withDayOfMonth(1);
    today(submitted);
    Submitted application = submit(PermitFixtures.application());
    ProcessInstance pi = instance(application);
    runJobs(pi);
    String fiction = german(lastDay(submitted.plusDays(21).plusMonths(3)).plusDays(1));
    LocalDate checkLastDay = lastDay(submitted.plusDays(21));
    assertThat(status(application).get("openDeadlines").findValuesAsText("lastDay"))
        .contains(german(checkLastDay));
    assertThat(task(pi, PermitProcess.Task.CHECK_COMPLETENESS).getDueDate())
        .isEqualTo(startOfDay(checkLastDay.plusDays(1)));

    // the three weeks pass: the task stays, moves up the clerks' list, the e-file records it
    today(checkLastDay);
    assertThat(fireDueTimers(pi)).isZero();
    today(checkLastDay.plusDays(1));
    assertThat(fireDueTimers(pi)).isEqualTo(1);
    assertThat(task(pi, PermitProcess.Task.CHECK_COMPLETENESS).getPriority()).isEqualTo(80);
    assertThat(efiles.audit(UUID.fromString(application.efileId())))
        .anyMatch(e -> e.action().equals("COMPLETENESS_CHECK_OVERDUE"));

    // a Nachforderung now comes too late to restart the Genehmigungsfiktion (Art. 68 Abs. 2)
    requestDocuments(pi, List.of("Schnitte"), PermitFixtures.workday(submitted.plusDays(40)));
    runJobs(pi);
    today(checkLastDay.plusDays(3));
    upload(
        application.id(),
        application.token(),
        "SECTIONS_ELEVATIONS",
        "schnitte.pdf",
        PermitFixtures.pdf());
    assertThat(pi).isWaitingAt(PermitProcess.Task.CHECK_COMPLETENESS);
    assertThat(runtime.getVariable(pi.getId(), PermitProcess.Var.APPROVAL_FICTION_DATE))
        .isEqualTo(fiction);
  }

  static Date startOfDay(LocalDate day) {
    return Date.from(day.atStartOfDay(BERLIN).toInstant());
  }

  /** The last day of a statutory period by the Bavarian calendar (§ 193 BGB). */
  static LocalDate lastDay(LocalDate byTheCount) {
    return PermitFixtures.workday(byTheCount);
  }

  static String german(LocalDate date) {
    return String.format(
        "%02d.%02d.%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear());
  }

  MimeMessage[] delivered() {
    awaitMailDelivered();
    return mail.getReceivedMessages();
  }

  /** Text in reading order (line by line on the page), as a person reads the letter. */
  private static PDFTextStripper sortedStripper() throws java.io.IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setSortByPosition(true);
    return stripper;
  }
}
