package de.amtsflow.permit;

import static de.amtsflow.permit.PermitProcess.Var;

import de.amtsflow.efile.EFileAccess;
import de.amtsflow.efile.EFileStore;
import de.amtsflow.letters.GermanFormats;
import de.amtsflow.security.Groups;
import de.amtsflow.tasks.TaskRuleViolation;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Rules on completing the permit tasks, enforced in the engine so Tasklist and {@code /api/tasks}
 * obey them alike: what a Nachforderung needs (a list and a reasonable deadline), reasons for a
 * refusal or objection, a recorded reason to replace a refused Einvernehmen, and no approval over a
 * refused Einvernehmen that was not replaced. It also turns form values into what the model reads.
 */
@Component
class PermitTaskListener implements TaskListener {

  static final Set<String> DECISIONS =
      Set.of(
          PermitProcess.DECISION_APPROVE,
          PermitProcess.DECISION_APPROVE_WITH_CONDITIONS,
          PermitProcess.DECISION_REJECT);

  private static final String SYSTEM = "bauaufsicht";

  private final PermitDeadlines deadlines;
  private final PermitCases cases;
  private final EFileStore efiles;
  private final EFileAccess access;

  PermitTaskListener(
      PermitDeadlines deadlines, PermitCases cases, EFileStore efiles, EFileAccess access) {
    this.deadlines = deadlines;
    this.cases = cases;
    this.efiles = efiles;
    this.access = access;
  }

  private static java.util.UUID efileId(DelegateTask task) {
    return java.util.UUID.fromString(PermitVariables.text(task, Var.EFILE_ID));
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      created(task);
    } else if (EVENTNAME_COMPLETE.equals(task.getEventName())) {
      completing(task);
    }
  }

  private void created(DelegateTask task) {
    // the Gemeinde and the Fachstelle asked read the case's e-file from now on (their task links
    // to it); no one else of their kind does
    if (PermitProcess.Task.MUNICIPAL_CONSENT.equals(task.getTaskDefinitionKey())) {
      access.addParticipant(
          efileId(task),
          new EFileAccess.Participant(task.getTenantId(), Groups.MUNICIPALITY),
          SYSTEM);
    } else if (PermitProcess.Task.AGENCY_STATEMENT.equals(task.getTaskDefinitionKey())) {
      String agency = PermitVariables.text(task, Var.AGENCY);
      access.addParticipant(
          efileId(task),
          new EFileAccess.Participant(
              task.getTenantId(),
              PermitProcess.Agency.byLabel(agency)
                  .map(PermitProcess.Agency::group)
                  .orElseThrow(() -> new IllegalStateException("no Fachstelle " + agency))),
          SYSTEM);
    }
    if (PermitProcess.Task.DECIDE.equals(task.getTaskDefinitionKey())) {
      task.setVariable(
          Var.FEE_TEXT,
          GermanFormats.amount(IssueDecisionDelegate.fee(task.getExecution())) + " €");
    }
  }

  private void completing(DelegateTask task) {
    switch (task.getTaskDefinitionKey()) {
      case PermitProcess.Task.CHECK_COMPLETENESS -> checkCompleteness(task);
      case PermitProcess.Task.MUNICIPAL_CONSENT -> municipalConsent(task);
      case PermitProcess.Task.AGENCY_STATEMENT -> agencyStatement(task);
      case PermitProcess.Task.REVIEW -> review(task);
      case PermitProcess.Task.DECIDE -> decide(task);
      default -> {
        // no rule
      }
    }
  }

  private void checkCompleteness(DelegateTask task) {
    String result = PermitVariables.text(task, Var.COMPLETENESS);
    if (PermitProcess.COMPLETENESS_COMPLETE.equals(result)) {
      List<String> agencies = new ArrayList<>();
      for (PermitProcess.Agency agency : PermitProcess.Agency.values()) {
        if (PermitVariables.flag(task, agency.formKey())) {
          agencies.add(agency.label());
        }
      }
      task.setVariable(Var.AGENCY_LIST, agencies);
      task.setVariable(Var.COMPLETE, true);
      return;
    }
    if (!PermitProcess.COMPLETENESS_INCOMPLETE.equals(result)) {
      throw new TaskRuleViolation(
          "COMPLETENESS_REQUIRED", "Bitte angeben, ob der Antrag vollständig ist.");
    }
    if (PermitTexts.lines(task.getVariable(Var.MISSING_DOCUMENTS)).isEmpty()) {
      throw new TaskRuleViolation(
          "MISSING_DOCUMENTS_REQUIRED",
          "Bitte die fehlenden Unterlagen nennen; der Antragsteller erhält die Liste.");
    }
    LocalDate deadline = date(task.getVariable(Var.RESUBMISSION_DEADLINE));
    LocalDate earliest = deadlines.earliestResubmission();
    LocalDate latest = deadlines.latestResubmission();
    if (deadline != null && !deadlines.isWorkingDay(deadline)) {
      // a deadline ending on a weekend or holiday would run on to the next working day (Art. 31
      // Abs. 3 BayVwVfG), and the letter would name a day that is not the last one
      throw new TaskRuleViolation(
          "RESUBMISSION_DEADLINE",
          "Die Frist zur Nachreichung darf nicht an einem Wochenende oder Feiertag enden.");
    }
    if (deadline == null || deadline.isBefore(earliest) || deadline.isAfter(latest)) {
      throw new TaskRuleViolation(
          "RESUBMISSION_DEADLINE",
          "Bitte eine angemessene Frist zur Nachreichung setzen: zwischen "
              + GermanFormats.date(earliest)
              + " und "
              + GermanFormats.date(latest)
              + ".");
    }
    Object round = task.getVariable(Var.REQUEST_ROUND);
    task.setVariable(Var.REQUEST_ROUND, (round instanceof Integer i ? i : 0) + 1);
    task.setVariable(Var.RESUBMISSION_DEADLINE_AT, deadlines.endOf(deadline));
    task.setVariable(Var.COMPLETE, false);
  }

  private void municipalConsent(DelegateTask task) {
    String decision = PermitVariables.text(task, Var.CONSENT_DECISION);
    if (!PermitProcess.CONSENT_GRANTED.equals(decision)
        && !PermitProcess.CONSENT_REFUSED.equals(decision)) {
      throw new TaskRuleViolation(
          "CONSENT_REQUIRED", "Bitte das Einvernehmen erteilen oder versagen.");
    }
    if (PermitProcess.CONSENT_REFUSED.equals(decision)
        && PermitVariables.text(task, Var.CONSENT_REASONS).isEmpty()) {
      throw new TaskRuleViolation(
          "REASON_REQUIRED",
          "Die Versagung des Einvernehmens braucht eine Begründung (§ 36 Abs. 2 BauGB).");
    }
    task.setVariable(Var.CONSENT_FICTITIOUS, false);
  }

  private void agencyStatement(DelegateTask task) {
    String statement = PermitVariables.text(task, Var.STATEMENT);
    if (!Set.of(
            PermitProcess.STATEMENT_CONSENT,
            PermitProcess.STATEMENT_CONSENT_WITH_CONDITIONS,
            PermitProcess.STATEMENT_OBJECTION)
        .contains(statement)) {
      throw new TaskRuleViolation("STATEMENT_REQUIRED", "Bitte eine Stellungnahme auswählen.");
    }
    if (!PermitProcess.STATEMENT_CONSENT.equals(statement)
        && PermitVariables.text(task, Var.STATEMENT_TEXT).isEmpty()) {
      throw new TaskRuleViolation(
          "REASON_REQUIRED", "Auflagen und Einwände bitte im Text der Stellungnahme ausführen.");
    }
  }

  private void review(DelegateTask task) {
    boolean refused =
        PermitProcess.CONSENT_REFUSED.equals(PermitVariables.text(task, Var.CONSENT_DECISION));
    boolean replaced = refused && PermitVariables.flag(task, Var.CONSENT_REPLACED);
    task.setVariable(Var.CONSENT_REPLACED, replaced);
    if (!replaced) {
      return;
    }
    String reason = PermitVariables.text(task, Var.CONSENT_REPLACEMENT_REASON);
    if (reason.isEmpty()) {
      throw new TaskRuleViolation(
          "REPLACEMENT_REASON_REQUIRED",
          "Ein versagtes Einvernehmen kann nur mit Begründung ersetzt werden (Art. 67 BayBO).");
    }
    PermitApplicationEntity application = cases.get(PermitVariables.applicationId(task));
    efiles.note(
        application.efileId,
        "CONSENT_REPLACED",
        "refused Einvernehmen replaced (Art. 67 BayBO): " + reason,
        PermitVariables.currentUser(task));
  }

  private void decide(DelegateTask task) {
    String decision = PermitVariables.text(task, Var.DECISION);
    if (!DECISIONS.contains(decision)) {
      throw new TaskRuleViolation("DECISION_REQUIRED", "Bitte eine Entscheidung treffen.");
    }
    if (PermitProcess.DECISION_REJECT.equals(decision)) {
      if (PermitVariables.text(task, Var.DECISION_REASONS).isEmpty()) {
        throw new TaskRuleViolation(
            "REASON_REQUIRED", "Eine Ablehnung braucht eine Begründung für den Antragsteller.");
      }
      return;
    }
    if (PermitProcess.CONSENT_REFUSED.equals(PermitVariables.text(task, Var.CONSENT_DECISION))
        && !PermitVariables.flag(task, Var.CONSENT_REPLACED)) {
      throw new TaskRuleViolation(
          "CONSENT_REFUSED",
          "Die Gemeinde hat das Einvernehmen versagt und es ist nicht ersetzt: eine Genehmigung"
              + " ist nicht möglich.");
    }
    boolean anyProvision =
        IssueDecisionDelegate.SIDE_PROVISIONS.stream()
            .anyMatch(p -> !PermitTexts.lines(task.getVariable(p[0])).isEmpty());
    if (PermitProcess.DECISION_APPROVE_WITH_CONDITIONS.equals(decision) && !anyProvision) {
      throw new TaskRuleViolation(
          "PROVISIONS_REQUIRED", "Bitte mindestens eine Nebenbestimmung angeben.");
    }
    if (PermitProcess.DECISION_APPROVE.equals(decision) && anyProvision) {
      throw new TaskRuleViolation(
          "PROVISIONS_GIVEN",
          "Nebenbestimmungen sind angegeben: bitte \"genehmigen mit Nebenbestimmungen\" wählen.");
    }
  }

  /** A form date: "yyyy-MM-dd" from Camunda Forms and the REST payload, or a java.util.Date. */
  private LocalDate date(Object value) {
    if (value instanceof Date date) {
      return deadlines.dayOf(date);
    }
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    String text = value.toString().strip();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
