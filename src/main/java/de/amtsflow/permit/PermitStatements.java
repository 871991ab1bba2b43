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

  /** Who "files" a statement that no one wrote: the statutory fiction. */
  static final String FICTION_ACTOR = "fiktion";

  private final PermitCases cases;
  private final PermitLetters letters;
  private final ClerkNames clerks;

  PermitStatements(PermitCases cases, PermitLetters letters, ClerkNames clerks) {
    this.cases = cases;
    this.letters = letters;
    this.clerks = clerks;
  }

  /**
   * @param taskKey the task the statement was given in: its user is named in the e-file as who
   *     filed it (the Gemeinde's or the agency's clerk, not the Bauaufsicht)
   */
  void file(
      DelegateExecution execution,
      String title,
      String result,
      boolean fictitious,
      String text,
      String taskKey) {
    PermitApplicationEntity application = cases.get(PermitVariables.applicationId(execution));
    String line = title + ": " + result + (fictitious ? " (fingiert)" : "");
    String author =
        fictitious ? FICTION_ACTOR : clerks.assigneeOf(execution.getProcessInstanceId(), taskKey);
    letters.file(
        application,
        title,
        "statement",
        text.isEmpty() ? List.of(line) : List.of(line, text),
        author == null ? PermitLetters.ACTOR : author,
        fictitious
            ? "gesetzliche Fiktion (keine Äußerung innerhalb der Frist)"
            : author == null ? "Bauaufsicht" : clerks.nameOf(author));
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
