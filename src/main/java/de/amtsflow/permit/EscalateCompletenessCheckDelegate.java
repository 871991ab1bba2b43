package de.amtsflow.permit;

import de.amtsflow.efile.EFileStore;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Überschreitung der Prüffrist vermerken": the three weeks for the completeness check have passed.
 * The task stays open; it moves to the top of the clerks' list and the e-file records the overrun:
 * a Nachforderung sent from now on no longer restarts the Genehmigungsfiktion (Art. 68 Abs. 2
 * BayBO).
 */
@Component
class EscalateCompletenessCheckDelegate implements JavaDelegate {

  static final int ESCALATED_PRIORITY = 80;

  private final PermitCases cases;
  private final EFileStore efiles;
  private final TaskService tasks;

  EscalateCompletenessCheckDelegate(PermitCases cases, EFileStore efiles, TaskService tasks) {
    this.cases = cases;
    this.efiles = efiles;
    this.tasks = tasks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    tasks
        .createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(PermitProcess.Task.CHECK_COMPLETENESS)
        .list()
        .forEach(task -> tasks.setPriority(task.getId(), ESCALATED_PRIORITY));
    PermitApplicationEntity application = cases.get(PermitVariables.applicationId(execution));
    efiles.note(
        application.efileId,
        "COMPLETENESS_CHECK_OVERDUE",
        "the completeness check period has passed without a decision",
        PermitLetters.ACTOR);
  }
}
