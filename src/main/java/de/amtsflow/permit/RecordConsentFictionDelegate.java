package de.amtsflow.permit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Einvernehmen als erteilt vermerken": the Gemeinde did not refuse within two months, so its
 * Einvernehmen counts as granted (§ 36 Abs. 2 Satz 2 BauGB).
 */
@Component
class RecordConsentFictionDelegate implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariable(PermitProcess.Var.CONSENT_DECISION, PermitProcess.CONSENT_GRANTED);
    execution.setVariable(PermitProcess.Var.CONSENT_FICTITIOUS, true);
    execution.setVariable(
        PermitProcess.Var.CONSENT_REASONS,
        "Nicht innerhalb der Frist versagt: gilt als erteilt (§ 36 Abs. 2 Satz 2 BauGB).");
  }
}
