package de.amtsflow.permit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Einvernehmen zur Akte nehmen": the Gemeinde's answer (or its fiction) into the e-file. */
@Component
class FileConsentDelegate implements JavaDelegate {

  static final String TITLE = "Einvernehmen der Gemeinde (§ 36 BauGB)";

  private final PermitStatements statements;

  FileConsentDelegate(PermitStatements statements) {
    this.statements = statements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    statements.file(
        execution,
        TITLE,
        PermitStatements.consentResult(
            PermitVariables.text(execution, PermitProcess.Var.CONSENT_DECISION)),
        PermitVariables.flag(execution, PermitProcess.Var.CONSENT_FICTITIOUS),
        PermitVariables.text(execution, PermitProcess.Var.CONSENT_REASONS),
        PermitProcess.Task.MUNICIPAL_CONSENT);
  }
}
