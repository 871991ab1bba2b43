package de.amtsflow.permit;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Files the Gemeinde's and the agencies' statements in the e-file and lists them for the review and
 * decision forms.
 */
@Component
class PermitStatements {

  private final PermitCases cases;
  private final PermitLetters letters;

  PermitStatements(PermitCases cases, PermitLetters letters) {
    this.cases = cases;
    this.letters = letters;
  }

  void file(
      DelegateExecution execution, String title, String result, boolean fictitious, String text) {
    PermitApplicationEntity application = cases.get(PermitVariables.applicationId(execution));
    String line = title + ": " + result + (fictitious ? " (fingiert)" : "");
    letters.file(
        application, title, "statement", text.isEmpty() ? List.of(line) : List.of(line, text));
    String summary = PermitVariables.text(execution, PermitProcess.Var.STATEMENTS_SUMMARY);
    execution.setVariable(
        PermitProcess.Var.STATEMENTS_SUMMARY, summary.isEmpty() ? line : summary + "\n" + line);
  }

  static String consentResult(String decision) {
    return PermitProcess.CONSENT_REFUSED.equals(decision)
        ? "Einvernehmen versagt"
        : "Einvernehmen erteilt";
  }

  static String statementResult(String statement) {
    return switch (statement) {
      case PermitProcess.STATEMENT_CONSENT_WITH_CONDITIONS -> "Zustimmung mit Auflagen";
      case PermitProcess.STATEMENT_OBJECTION -> "Einwände";
      default -> "Zustimmung";
    };
  }
}
