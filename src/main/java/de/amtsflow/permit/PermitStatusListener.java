package de.amtsflow.permit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * Moves the citizen's status on when participation and review begin, and starts the participation
 * deadlines (their timers are created right after, when the Gemeinde's and the agencies' tasks
 * begin).
 */
@Component
class PermitStatusListener implements ExecutionListener {

  private final PermitCases cases;
  private final PermitDeadlines deadlines;

  PermitStatusListener(PermitCases cases, PermitDeadlines deadlines) {
    this.cases = cases;
    this.deadlines = deadlines;
  }

  @Override
  public void notify(DelegateExecution execution) {
    switch (execution.getCurrentActivityId()) {
      case PermitProcess.Activity.PROCEDURE -> {
        execution.setVariables(deadlines.participation());
        boolean agencies =
            execution.getVariable(PermitProcess.Var.AGENCY_LIST)
                    instanceof java.util.Collection<?> c
                && !c.isEmpty();
        cases.moveTo(
            PermitVariables.applicationId(execution),
            PermitStatus.IN_PARTICIPATION,
            agencies
                ? "Der Antrag ist vollständig. Gemeinde und Fachstellen werden beteiligt."
                : "Der Antrag ist vollständig. Die Gemeinde wird beteiligt.");
      }
      case PermitProcess.Activity.REVIEW ->
          cases.moveTo(
              PermitVariables.applicationId(execution),
              PermitStatus.IN_REVIEW,
              "Die Beteiligung ist abgeschlossen; die Bauaufsicht prüft den Antrag.");
      default -> {
        // not a status step
      }
    }
  }
}
