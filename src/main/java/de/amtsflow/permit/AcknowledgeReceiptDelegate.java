package de.amtsflow.permit;

import de.amtsflow.letters.GermanFormats;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Eingangsbestätigung senden": files the Bauantrag as received, then the receipt letter with the
 * file number, the access code that opens the tracking page with it, and what happens next.
 */
@Component
class AcknowledgeReceiptDelegate implements JavaDelegate {

  private final PermitCases cases;
  private final PermitLetters letters;
  private final PermitDeadlines deadlines;
  private final AccessCodes accessCodes;
  private final PermitProperties properties;

  AcknowledgeReceiptDelegate(
      PermitCases cases,
      PermitLetters letters,
      PermitDeadlines deadlines,
      AccessCodes accessCodes,
      PermitProperties properties) {
    this.cases = cases;
    this.letters = letters;
    this.deadlines = deadlines;
    this.accessCodes = accessCodes;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PermitApplicationEntity application = cases.get(PermitVariables.applicationId(execution));
    letters.fileApplication(application);
    Date due = (Date) execution.getVariable(PermitProcess.Var.COMPLETENESS_DUE);
    List<String> body = new ArrayList<>();
    body.add(
        "Ihr Bauantrag ist am "
            + GermanFormats.date(deadlines.dayOf(application.receivedAt))
            + " bei uns eingegangen. Bitte geben Sie bei Rückfragen das Aktenzeichen an.");
    body.add(
        "Wir prüfen den Antrag bis zum "
            + GermanFormats.date(deadlines.dayOf(due).minusDays(1))
            + " auf Vollständigkeit und teilen Ihnen mit, falls Unterlagen fehlen.");
    String fiction = PermitVariables.text(execution, PermitProcess.Var.APPROVAL_FICTION_DATE);
    if (!fiction.isEmpty()) {
      body.add(
          "Ist der Antrag vollständig und entscheiden wir nicht rechtzeitig, gilt die Genehmigung"
              + " nach Art. 68 Abs. 2 BayBO als erteilt (derzeit ab "
              + fiction
              + ").");
    }
    body.add(
        "Den Stand Ihres Antrags und unsere Schreiben finden Sie jederzeit auf der Seite „Antrag"
            + " verfolgen“, mit dem Aktenzeichen und Ihrem Zugangscode (unten). Bitte bewahren Sie"
            + " den Zugangscode auf und geben Sie ihn nicht weiter.");
    java.util.Map<String, Object> tracking =
        java.util.Map.of(
            "url", properties.trackingUrl(),
            "fileNumber", application.fileNumber,
            "accessCode", accessCodes.of(application.id));
    letters.send(
        application,
        new PermitLetters.Letter(
            "Eingangsbestätigung",
            "receipt",
            "eingangsbestaetigung.pdf",
            "Eingangsbestätigung Ihres Bauantrags",
            body,
            "brief",
            java.util.Map.of("tracking", tracking),
            null));
  }
}
