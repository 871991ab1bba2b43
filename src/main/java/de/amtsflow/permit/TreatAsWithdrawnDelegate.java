package de.amtsflow.permit;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Als zurückgenommen behandeln" (Rücknahmefiktion, Art. 65 Abs. 2 BayBO): the Nachforderung's
 * deadline passed without the documents.
 */
@Component
class TreatAsWithdrawnDelegate implements JavaDelegate {

  private final PermitCases cases;
  private final PermitLetters letters;

  TreatAsWithdrawnDelegate(PermitCases cases, PermitLetters letters) {
    this.cases = cases;
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    PermitApplicationEntity application =
        cases.moveTo(
            PermitVariables.applicationId(execution),
            PermitStatus.WITHDRAWN,
            "Die nachgeforderten Unterlagen sind nicht fristgerecht eingegangen; der Antrag gilt"
                + " als zurückgenommen.");
    letters.send(
        application,
        new PermitLetters.Letter(
            "Mitteilung Rücknahmefiktion",
            "notice",
            "ruecknahme.pdf",
            "Ihr Bauantrag gilt als zurückgenommen",
            List.of(
                "die mit unserer Nachforderung verlangten Unterlagen sind nicht fristgerecht"
                    + " eingegangen. Ihr Bauantrag gilt daher als zurückgenommen (Art. 65 Abs. 2"
                    + " BayBO).",
                "Sie können jederzeit einen neuen, vollständigen Bauantrag stellen.")));
  }
}
