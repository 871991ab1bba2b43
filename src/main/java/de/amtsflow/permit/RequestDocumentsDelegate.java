package de.amtsflow.permit;

import de.amtsflow.letters.GermanFormats;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Unterlagen nachfordern": the Nachforderung letter (what is missing, until when, and that the
 * application counts as withdrawn otherwise); the status page shows the list.
 */
@Component
class RequestDocumentsDelegate implements JavaDelegate {

  private final PermitCases cases;
  private final PermitLetters letters;
  private final PermitDeadlines deadlines;

  RequestDocumentsDelegate(PermitCases cases, PermitLetters letters, PermitDeadlines deadlines) {
    this.cases = cases;
    this.letters = letters;
    this.deadlines = deadlines;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<String> missing =
        PermitTexts.lines(execution.getVariable(PermitProcess.Var.MISSING_DOCUMENTS));
    Date deadlineAt = (Date) execution.getVariable(PermitProcess.Var.RESUBMISSION_DEADLINE_AT);
    String lastDay = GermanFormats.date(deadlines.dayOf(deadlineAt).minusDays(1));
    int round = (Integer) execution.getVariable(PermitProcess.Var.REQUEST_ROUND);
    // sent before the fiction period began: the documents will restart it (Art. 68 Abs. 2 BayBO)
    Object periodStart = execution.getVariable(PermitProcess.Var.FICTION_PERIOD_START);
    execution.setVariable(
        PermitProcess.Var.REQUEST_IN_TIME,
        !(periodStart instanceof Date start) || deadlines.now().before(start));

    PermitApplicationEntity application =
        cases.moveTo(
            PermitVariables.applicationId(execution),
            PermitStatus.INCOMPLETE,
            "Unvollständig – bitte bis " + lastDay + " nachreichen: " + String.join("; ", missing));
    application.missingDocuments = String.join("\n", missing);

    List<String> body = new ArrayList<>();
    body.add("Ihr Bauantrag ist nicht vollständig. Bitte reichen Sie folgende Unterlagen nach:");
    missing.forEach(m -> body.add("- " + m));
    body.add(
        "Bitte laden Sie die Unterlagen bis zum "
            + lastDay
            + " mit Ihrem Zugangscode hoch. Gehen sie nicht rechtzeitig ein, gilt der Antrag als"
            + " zurückgenommen (Art. 65 Abs. 2 BayBO).");
    letters.send(
        application,
        new PermitLetters.Letter(
            "Nachforderung " + round,
            "request",
            "nachforderung-" + round + ".pdf",
            "Bitte reichen Sie Unterlagen nach",
            body));
  }
}
