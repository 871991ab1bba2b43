package de.amtsflow.permit;

import de.amtsflow.letters.GermanFormats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Bescheid erstellen und zustellen": the Baugenehmigung (with its Nebenbestimmungen) or the
 * Ablehnungsbescheid with reasons, and the Gebührenbescheid, into the e-file and to the applicant.
 */
@Component
class IssueDecisionDelegate implements JavaDelegate {

  /** Nebenbestimmungen in the order a Bescheid lists them, with their German headings. */
  static final List<String[]> SIDE_PROVISIONS =
      List.of(
          new String[] {PermitProcess.Var.NB_CONDITIONS, "Bedingungen"},
          new String[] {PermitProcess.Var.NB_OBLIGATIONS, "Auflagen"},
          new String[] {PermitProcess.Var.NB_TIME_LIMIT, "Befristung"},
          new String[] {PermitProcess.Var.NB_REVOCATION, "Widerrufsvorbehalt"},
          new String[] {PermitProcess.Var.NB_NOTES, "Hinweise"});

  /** Where a Nebenbestimmung's reason begins. */
  static final String REASON_MARK = "Begründung:";

  private final PermitCases cases;
  private final PermitLetters letters;
  private final PermitDeadlines deadlines;
  private final ClerkNames clerks;

  IssueDecisionDelegate(
      PermitCases cases, PermitLetters letters, PermitDeadlines deadlines, ClerkNames clerks) {
    this.cases = cases;
    this.letters = letters;
    this.deadlines = deadlines;
    this.clerks = clerks;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String decision = PermitVariables.text(execution, PermitProcess.Var.DECISION);
    boolean approved = !PermitProcess.DECISION_REJECT.equals(decision);
    PermitApplicationEntity application =
        cases.moveTo(
            PermitVariables.applicationId(execution),
            approved ? PermitStatus.APPROVED : PermitStatus.REJECTED,
            approved
                ? PermitProcess.DECISION_APPROVE_WITH_CONDITIONS.equals(decision)
                    ? "Die Baugenehmigung wurde mit Nebenbestimmungen erteilt. Den Bescheid finden"
                        + " Sie unter „Schreiben an Sie“."
                    : "Die Baugenehmigung wurde erteilt. Den Bescheid finden Sie unter „Schreiben"
                        + " an Sie“."
                : "Der Bauantrag wurde abgelehnt. Den Bescheid mit Begründung finden Sie unter"
                    + " „Schreiben an Sie“.");
    String project = PermitVariables.text(execution, PermitProcess.Var.PROJECT_DESCRIPTION);
    String plot = PermitVariables.text(execution, PermitProcess.Var.PLOT);
    String clerk = clerks.completerOf(execution.getProcessInstanceId(), PermitProcess.Task.DECIDE);
    Map<String, Object> data = new HashMap<>();
    data.put("project", project);
    data.put("plot", plot);
    List<String> mail = new ArrayList<>();
    if (approved) {
      boolean regular =
          PermitApplicationRequest.Procedure.REGULAR
              .name()
              .equals(PermitVariables.text(execution, PermitProcess.Var.PROCEDURE));
      data.put(
          "procedure",
          regular
              ? "im Baugenehmigungsverfahren (Art. 60 BayBO)"
              : "im vereinfachten Baugenehmigungsverfahren (Art. 59 BayBO)");
      List<Map<String, Object>> groups = new ArrayList<>();
      List<String> notes = new ArrayList<>();
      for (String[] provision : SIDE_PROVISIONS) {
        List<String> items = PermitTexts.lines(execution.getVariable(provision[0]));
        if (items.isEmpty()) {
          continue;
        }
        if (provision[0].equals(PermitProcess.Var.NB_NOTES)) {
          notes.addAll(items);
          continue;
        }
        List<Map<String, Object>> withReasons = new ArrayList<>();
        for (String item : items) {
          String[] parts = splitReason(item);
          Map<String, Object> entry = new HashMap<>();
          entry.put("text", parts[0]);
          entry.put("reason", parts[1]);
          withReasons.add(entry);
        }
        groups.add(Map.of("heading", provision[1], "items", withReasons));
      }
      data.put("provisions", groups);
      data.put("withProvisions", !groups.isEmpty());
      data.put("notes", notes);
      data.put(
          "consentReplaced",
          PermitVariables.flag(execution, PermitProcess.Var.CONSENT_REPLACED)
              ? PermitVariables.text(execution, PermitProcess.Var.CONSENT_REPLACEMENT_REASON)
              : null);
      mail.add(
          "die Baugenehmigung für Ihr Vorhaben „"
              + project
              + "“ ("
              + plot
              + ") ist erteilt"
              + (groups.isEmpty() ? "." : ", mit Nebenbestimmungen.")
              + " Den Bescheid mit allen Nebenbestimmungen und der Rechtsbehelfsbelehrung finden"
              + " Sie im beigefügten Schreiben.");
    } else {
      data.put("reasons", PermitVariables.text(execution, PermitProcess.Var.DECISION_REASONS));
      mail.add(
          "Ihr Bauantrag für das Vorhaben „"
              + project
              + "“ ("
              + plot
              + ") wird abgelehnt. Die Gründe und die Rechtsbehelfsbelehrung stehen im Bescheid.");
    }
    letters.send(
        application,
        new PermitLetters.Letter(
            approved ? "Baugenehmigung" : "Ablehnungsbescheid",
            "decision",
            approved ? "baugenehmigung.pdf" : "ablehnungsbescheid.pdf",
            approved ? "Ihre Baugenehmigung" : "Ablehnung Ihres Bauantrags",
            mail,
            approved ? "baugenehmigung" : "ablehnungsbescheid",
            data,
            clerk));

    BigDecimal fee = fee(execution);
    java.time.LocalDate due = deadlines.lastDay(deadlines.today(), java.time.Period.ofMonths(1));
    String subject =
        "die Bearbeitung Ihres Bauantrags ("
            + PermitVariables.text(execution, PermitProcess.Var.PROCEDURE_TEXT)
            + ", Gebäudeklasse "
            + execution.getVariable(PermitProcess.Var.BUILDING_CLASS)
            + ", Baukosten "
            + PermitVariables.text(execution, PermitProcess.Var.BUILDING_COSTS_TEXT)
            + ")";
    letters.send(
        application,
        new PermitLetters.Letter(
            "Gebührenbescheid",
            "fee-notice",
            "gebuehrenbescheid.pdf",
            "Gebührenbescheid zu Ihrem Bauantrag",
            List.of(
                "für "
                    + subject
                    + " wird eine Gebühr von "
                    + GermanFormats.amount(fee)
                    + " € festgesetzt, zahlbar bis zum "
                    + GermanFormats.date(due)
                    + " unter Angabe des Aktenzeichens. Die Bankverbindung steht im Bescheid."),
            "gebuehrenbescheid",
            Map.of(
                "subject",
                subject,
                "amount",
                GermanFormats.amount(fee) + " €",
                "dueDate",
                GermanFormats.date(due)),
            clerk));
  }

  /**
   * A Nebenbestimmung as the clerk wrote it: "Text Begründung: Grund" (the reason after the word
   * "Begründung:"), as the decision form and the API both write it.
   */
  static String[] splitReason(String line) {
    int at = line.indexOf(REASON_MARK);
    if (at < 0) {
      return new String[] {line.strip(), null};
    }
    String reason = line.substring(at + REASON_MARK.length()).strip();
    String text = line.substring(0, at).strip();
    if (text.endsWith("–") || text.endsWith("-")) {
      text = text.substring(0, text.length() - 1).strip();
    }
    return new String[] {text, reason.isEmpty() ? null : reason};
  }

  /**
   * The fee table's result. A table that leaves a case without a fee must not produce a 0 € notice:
   * the job fails and shows as an incident in Cockpit.
   */
  static BigDecimal fee(DelegateExecution execution) {
    Object fee = execution.getVariable(PermitProcess.Var.FEE);
    if (!(fee instanceof Number n)) {
      throw new IllegalStateException(
          "the fee table (" + PermitProcess.DECISION_FEE + ") gave no fee for this application");
    }
    return new BigDecimal(n.toString()).setScale(2, RoundingMode.HALF_UP);
  }
}
