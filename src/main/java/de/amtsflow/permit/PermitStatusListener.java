package de.amtsflow.permit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Moves the citizen's status on when participation and review begin. */
@Component
class PermitStatusListener implements ExecutionListener {

  private final PermitCases cases;

  PermitStatusListener(PermitCases cases) {
    this.cases = cases;
  }

  @Override
  public void notify(DelegateExecution execution) {
    switch (execution.getCurrentActivityId()) {
      case PermitProcess.Activity.PROCEDURE ->
          cases.moveTo(
              PermitVariables.applicationId(execution),
              PermitStatus.IN_PARTICIPATION,
              "Der Antrag ist vollständig. Gemeinde und Fachstellen werden beteiligt.");
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
