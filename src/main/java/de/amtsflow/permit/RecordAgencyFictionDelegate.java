package de.amtsflow.permit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Zustimmung als erteilt vermerken": the agency did not answer within its period, so its consent
 * counts as given. Writes the branch's own (local) statement variables.
 */
@Component
class RecordAgencyFictionDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(PermitProcess.Var.STATEMENT, PermitProcess.STATEMENT_CONSENT);
    execution.setVariable(PermitProcess.Var.STATEMENT_FICTITIOUS, true);
    execution.setVariable(
        PermitProcess.Var.STATEMENT_TEXT,
        "Keine Äußerung innerhalb der Frist: es wird davon ausgegangen, dass keine Bedenken"
            + " bestehen; eine vorgeschriebene Zustimmung gilt als erteilt.");
  }
}
