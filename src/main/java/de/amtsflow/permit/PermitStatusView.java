package de.amtsflow.permit;

import de.amtsflow.efile.EFileStore;
import de.amtsflow.letters.GermanFormats;
import de.amtsflow.security.EngineAsSystem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The citizen's view of an application: its status, the timeline, what a Nachforderung asks for,
 * and the deadlines that are running — read from the engine's timers, so what is shown is what will
 * actually happen.
 */
@Service
class PermitStatusView {

  /** German labels of the running deadlines, by the timer (or task) that watches them. */
  static final Map<String, String> DEADLINES =
      Map.of(
          PermitProcess.Timer.RESUBMISSION_DEADLINE,
          "Frist zur Nachreichung der Unterlagen (sonst gilt der Antrag als zurückgenommen)",
          PermitProcess.Timer.APPROVAL_FICTION,
          "Genehmigungsfiktion: ohne Entscheidung bis dahin gilt die Genehmigung als erteilt",
          PermitProcess.Timer.CONSENT_FICTION,
          "Frist der Gemeinde für das Einvernehmen",
          PermitProcess.Timer.AGENCY_FICTION,
          "Frist der Fachstellen für ihre Stellungnahmen",
          PermitProcess.Timer.COMPLETENESS_CHECK_DUE,
          "Vollständigkeitsprüfung durch die Bauaufsicht");

  static final String EXPECTED_FICTION =
      "Genehmigungsfiktion (voraussichtlich, falls keine Unterlagen nachgefordert werden)";

  record Step(Instant at, PermitStatus status, String text) {}

  /**
   * @param due the moment the deadline has passed (a timer fires then)
   * @param lastDay the last day of the deadline, as letters name it
   */
  record Deadline(String label, Instant due, String lastDay) {}

  /**
   * A letter the authority sent the applicant, to download with the token ({@code url}).
   *
   * @param version the letter's version; a corrected letter is a new version of the same title
   */
  record Letter(
      UUID documentId,
      String title,
      int version,
      Instant sentAt,
      String fileName,
      long size,
      String url) {}

  record Status(
      UUID applicationId,
      String fileNumber,
      PermitStatus status,
      String statusText,
      Instant receivedAt,
      List<String> missingDocuments,
      List<Deadline> openDeadlines,
      List<Step> timeline,
      List<Letter> letters) {}

  private final PermitCases cases;
  private final PermitDeadlines deadlines;
  private final ManagementService management;
  private final RuntimeService runtime;
  private final EngineAsSystem engine;
  private final EFileStore efiles;

  PermitStatusView(
      EFileStore efiles,
      PermitCases cases,
      PermitDeadlines deadlines,
      ManagementService management,
      RuntimeService runtime,
      EngineAsSystem engine) {
    this.cases = cases;
    this.deadlines = deadlines;
    this.management = management;
    this.runtime = runtime;
    this.engine = engine;
    this.efiles = efiles;
  }

  /**
   * The letters sent to the applicant (Eingangsbestätigung, Nachforderung, Bescheide), in order.
   */
  List<Letter> letters(PermitApplicationEntity application) {
    return efiles.documents(application.efileId).stream()
        .filter(d -> PermitLetters.TO_APPLICANT.contains(d.kind()))
        .map(
            d ->
                new Letter(
                    d.id(),
                    d.title(),
                    d.version(),
                    d.createdAt(),
                    d.fileName(),
                    d.size(),
                    "/api/permit-applications/" + application.id + "/letters/" + d.id()))
        .toList();
  }

  @Transactional(readOnly = true)
  Status of(PermitApplicationEntity application) {
    List<Step> timeline =
        cases.timeline(application.id).stream()
            .map(t -> new Step(t.occurredAt, t.status, t.text))
            .toList();
    String statusText = application.status.label();
    List<String> missing = PermitTexts.lines(application.missingDocuments);
    if (application.status == PermitStatus.INCOMPLETE && !missing.isEmpty()) {
      statusText += ": " + String.join("; ", missing);
    }
    List<Deadline> open =
        application.status.closed() || application.processInstanceId == null
            ? List.of()
            : engine.call(() -> openDeadlines(application));
    return new Status(
        application.id,
        application.fileNumber,
        application.status,
        statusText,
        application.receivedAt,
        missing,
        open,
        timeline,
        letters(application));
  }

  private List<Deadline> openDeadlines(PermitApplicationEntity application) {
    String processInstanceId = application.processInstanceId;
    List<Job> timers =
        management.createJobQuery().processInstanceId(processInstanceId).timers().list();
    Map<String, String> activityOf =
        timers.isEmpty()
            ? Map.of()
            : management
                .createJobDefinitionQuery()
                .processDefinitionId(timers.get(0).getProcessDefinitionId())
                .list()
                .stream()
                .collect(Collectors.toMap(JobDefinition::getId, JobDefinition::getActivityId));
    List<Deadline> open = new ArrayList<>();
    for (Job timer : timers) {
      String label = DEADLINES.get(activityOf.get(timer.getJobDefinitionId()));
      if (label != null && timer.getDuedate() != null) {
        open.add(deadline(label, timer.getDuedate().toInstant()));
      }
    }
    // before the completeness check the fiction timer does not run yet, but its date is known
    // unless documents are requested: the citizen sees it as expected
    boolean fictionRunning =
        open.stream()
            .anyMatch(d -> d.label().equals(DEADLINES.get(PermitProcess.Timer.APPROVAL_FICTION)));
    if (application.approvalFiction
        && application.status == PermitStatus.RECEIVED
        && !fictionRunning
        && runtime.getVariable(processInstanceId, PermitProcess.Var.APPROVAL_FICTION_AT)
            instanceof java.util.Date expected) {
      open.add(deadline(EXPECTED_FICTION, expected.toInstant()));
    }
    // one line per deadline and day even when several agencies are heard at once
    Map<String, Deadline> unique = new java.util.LinkedHashMap<>();
    open.stream()
        .sorted(Comparator.comparing(Deadline::due))
        .forEach(d -> unique.putIfAbsent(d.label() + "|" + d.lastDay(), d));
    return List.copyOf(unique.values());
  }

  private Deadline deadline(String label, Instant due) {
    // a timer fires at the start of the day after the last day of its period
    return new Deadline(
        label, due, GermanFormats.date(deadlines.dayOf(java.util.Date.from(due.minusSeconds(1)))));
  }
}
