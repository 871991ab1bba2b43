package de.amtsflow.permit;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** "Stellungnahme zur Akte nehmen": one agency's statement (or its fiction) into the e-file. */
@Component
class FileAgencyStatementDelegate implements JavaDelegate {

  private final PermitStatements statements;

  FileAgencyStatementDelegate(PermitStatements statements) {
    this.statements = statements;
  }

  @Override
  public void execute(DelegateExecution execution) {
    statements.file(
        execution,
        "Stellungnahme " + PermitVariables.text(execution, PermitProcess.Var.AGENCY),
        PermitStatements.statementResult(
            PermitVariables.text(execution, PermitProcess.Var.STATEMENT)),
        PermitVariables.flag(execution, PermitProcess.Var.STATEMENT_FICTITIOUS),
        PermitVariables.text(execution, PermitProcess.Var.STATEMENT_TEXT),
        PermitProcess.Task.AGENCY_STATEMENT);
  }
}
