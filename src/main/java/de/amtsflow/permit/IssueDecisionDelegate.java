package de.amtsflow.permit;

import de.amtsflow.letters.GermanFormats;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
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

  private final PermitCases cases;
  private final PermitLetters letters;
  private final PermitProperties properties;

  IssueDecisionDelegate(PermitCases cases, PermitLetters letters, PermitProperties properties) {
    this.cases = cases;
    this.letters = letters;
    this.properties = properties;
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
                    ? "Die Baugenehmigung wurde mit Nebenbestimmungen erteilt. Der Bescheid wurde"
                        + " Ihnen zugesandt."
                    : "Die Baugenehmigung wurde erteilt. Der Bescheid wurde Ihnen zugesandt."
                : "Der Bauantrag wurde abgelehnt. Der Bescheid mit Begründung wurde Ihnen"
                    + " zugesandt.");
    String project = PermitVariables.text(execution, PermitProcess.Var.PROJECT_DESCRIPTION);
    String plot = PermitVariables.text(execution, PermitProcess.Var.PLOT);
    List<String> body = new ArrayList<>();
    if (approved) {
      body.add(
          "auf Ihren Antrag wird die Baugenehmigung für folgendes Vorhaben erteilt: "
              + project
              + " ("
              + plot
              + ").");
      body.add(
          "Die Bauvorlagen in der E-Akte zum Aktenzeichen "
              + application.fileNumber
              + " sind Bestandteil dieses Bescheids.");
      for (String[] provision : SIDE_PROVISIONS) {
        List<String> items = PermitTexts.lines(execution.getVariable(provision[0]));
        if (!items.isEmpty()) {
          body.add(provision[1] + ":");
          for (int i = 0; i < items.size(); i++) {
            body.add((i + 1) + ". " + items.get(i));
          }
        }
      }
      String replaced =
          PermitVariables.text(execution, PermitProcess.Var.CONSENT_REPLACEMENT_REASON);
      if (PermitVariables.flag(execution, PermitProcess.Var.CONSENT_REPLACED)) {
        body.add(
            "Das versagte gemeindliche Einvernehmen wird ersetzt (Art. 67 BayBO): " + replaced);
      }
    } else {
      body.add(
          "Ihr Bauantrag für folgendes Vorhaben wird abgelehnt: " + project + " (" + plot + ").");
      body.add(
          "Begründung: " + PermitVariables.text(execution, PermitProcess.Var.DECISION_REASONS));
    }
    body.add(
        "Rechtsbehelfsbelehrung: Gegen diesen Bescheid kann innerhalb eines Monats nach seiner"
            + " Bekanntgabe Klage erhoben werden beim "
            + properties.court()
            + ".");
    letters.send(
        application,
        new PermitLetters.Letter(
            approved ? "Baugenehmigung" : "Ablehnungsbescheid",
            "decision",
            approved ? "baugenehmigung.pdf" : "ablehnungsbescheid.pdf",
            approved ? "Ihre Baugenehmigung" : "Ablehnung Ihres Bauantrags",
            body));

    BigDecimal fee = fee(execution);
    letters.send(
        application,
        new PermitLetters.Letter(
            "Gebührenbescheid",
            "fee-notice",
            "gebuehrenbescheid.pdf",
            "Gebührenbescheid zu Ihrem Bauantrag",
            List.of(
                "für die Bearbeitung Ihres Bauantrags ("
                    + PermitVariables.text(execution, PermitProcess.Var.PROCEDURE_TEXT)
                    + ", Gebäudeklasse "
                    + execution.getVariable(PermitProcess.Var.BUILDING_CLASS)
                    + ", Baukosten "
                    + PermitVariables.text(execution, PermitProcess.Var.BUILDING_COSTS_TEXT)
                    + ") wird eine Gebühr von "
                    + GermanFormats.amount(fee)
                    + " € festgesetzt (Kostengesetz, Kostenverzeichnis).",
                "Bitte überweisen Sie den Betrag innerhalb eines Monats unter Angabe des"
                    + " Aktenzeichens.")));
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
