package de.amtsflow.permit;

import de.amtsflow.deadlines.Deadline;
import de.amtsflow.deadlines.DeadlineKind;
import de.amtsflow.deadlines.DeadlineSource;
import de.amtsflow.security.Groups;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * The permit's running periods for the Fristen overview, read from the engine as the caller: the
 * timers of the periods (a timer exists exactly while its period runs) and the completeness checks
 * (their timer fires once and is gone, an overdue check stays a task with its due date).
 */
@Component
class PermitDeadlineSource implements DeadlineSource {

  static final String PROCESS = "Baugenehmigungsverfahren";

  private record Timer(String activityId, DeadlineKind kind, String group, String groupName) {}

  private static final List<Timer> TIMERS =
      List.of(
          new Timer(
              PermitProcess.Timer.RESUBMISSION_DEADLINE,
              DeadlineKind.RESUBMISSION,
              Groups.PERMIT_CLERKS,
              "Bauaufsicht"),
          new Timer(
              PermitProcess.Timer.CONSENT_FICTION,
              DeadlineKind.CONSENT_FICTION,
              Groups.MUNICIPALITY,
              "Gemeinde"),
          new Timer(
              PermitProcess.Timer.AGENCY_FICTION,
              DeadlineKind.AGENCY_FICTION,
              // the Fachstelle asked: see agencyTimer()
              null,
              "Fachstellen"),
          new Timer(
              PermitProcess.Timer.APPROVAL_FICTION,
              DeadlineKind.APPROVAL_FICTION,
              Groups.PERMIT_CLERKS,
              "Bauaufsicht"));

  private final ManagementService management;
  private final RuntimeService runtime;
  private final TaskService tasks;
  private final PermitDeadlines deadlines;

  PermitDeadlineSource(
      ManagementService management,
      RuntimeService runtime,
      TaskService tasks,
      PermitDeadlines deadlines) {
    this.management = management;
    this.runtime = runtime;
    this.tasks = tasks;
    this.deadlines = deadlines;
  }

  @Override
  public List<Deadline> running(LocalDate today) {
    record Row(String processInstanceId, Timer timer, String what, LocalDate endsOn) {}
    List<Row> rows = new ArrayList<>();
    for (Task check :
        tasks
            .createTaskQuery()
            .processDefinitionKey(PermitProcess.KEY)
            .taskDefinitionKey(PermitProcess.Task.CHECK_COMPLETENESS)
            .list()) {
      if (check.getDueDate() != null) {
        rows.add(
            new Row(
                check.getProcessInstanceId(),
                new Timer(
                    PermitProcess.Timer.COMPLETENESS_CHECK_DUE,
                    DeadlineKind.COMPLETENESS_CHECK,
                    Groups.PERMIT_CLERKS,
                    "Bauaufsicht"),
                "Vollständigkeit prüfen (Art. 65 Abs. 2 BayBO)",
                lastDay(check.getDueDate())));
      }
    }
    for (Timer timer : TIMERS) {
      for (Job job :
          management
              .createJobQuery()
              .processDefinitionKey(PermitProcess.KEY)
              .activityId(timer.activityId())
              .timers()
              .list()) {
        if (job.getDuedate() != null) {
          rows.add(
              new Row(
                  job.getProcessInstanceId(),
                  timer.kind() == DeadlineKind.AGENCY_FICTION ? agencyTimer(timer, job) : timer,
                  what(timer, job),
                  lastDay(job.getDuedate())));
        }
      }
    }
    if (rows.isEmpty()) {
      return List.of();
    }
    Set<String> ids = rows.stream().map(Row::processInstanceId).collect(Collectors.toSet());
    Map<String, String> fileNumbers =
        runtime.createProcessInstanceQuery().processInstanceIds(new HashSet<>(ids)).list().stream()
            .collect(
                Collectors.toMap(ProcessInstance::getId, p -> String.valueOf(p.getBusinessKey())));
    // a row whose case the caller may not read (only its task) stays out
    return rows.stream()
        .filter(r -> fileNumbers.containsKey(r.processInstanceId()))
        .map(
            r ->
                new Deadline(
                    fileNumbers.get(r.processInstanceId()),
                    PROCESS,
                    r.timer().kind(),
                    r.what(),
                    r.endsOn(),
                    r.timer().group(),
                    r.timer().groupName()))
        .toList();
  }

  /** A Fachstelle's timer names that Fachstelle's group. */
  private Timer agencyTimer(Timer timer, Job job) {
    String label =
        String.valueOf(runtime.getVariable(job.getExecutionId(), PermitProcess.Var.AGENCY));
    return PermitProcess.Agency.byLabel(label)
        .map(a -> new Timer(timer.activityId(), timer.kind(), a.group(), a.label()))
        .orElse(timer);
  }

  private String what(Timer timer, Job job) {
    return switch (timer.kind()) {
      case RESUBMISSION -> "Unterlagen nachreichen (Nachforderung)";
      case CONSENT_FICTION -> "Einvernehmen der Gemeinde (§ 36 Abs. 2 BauGB)";
      case AGENCY_FICTION ->
          "Stellungnahme "
              + String.valueOf(runtime.getVariable(job.getExecutionId(), PermitProcess.Var.AGENCY));
      case APPROVAL_FICTION -> "Genehmigungsfiktion (Art. 68 Abs. 2 BayBO)";
      default -> timer.kind().label();
    };
  }

  /** A timer fires at the start of the day after its period's last day. */
  private LocalDate lastDay(Date due) {
    return deadlines.dayOf(due.toInstant().minusSeconds(1));
  }
}
