package de.amtsflow.permit;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Fiktionsbescheinigung ausstellen": no decision within the fiction period, so the permit counts
 * as granted (Art. 68 Abs. 2 BayBO, Art. 42a BayVwVfG); the certificate states it.
 */
@Component
class IssueFictionCertificateDelegate implements JavaDelegate {

  private final PermitCases cases;
  private final PermitLetters letters;

  IssueFictionCertificateDelegate(PermitCases cases, PermitLetters letters) {
    this.cases = cases;
    this.letters = letters;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String since = PermitVariables.text(execution, PermitProcess.Var.APPROVAL_FICTION_DATE);
    PermitApplicationEntity application =
        cases.moveTo(
            PermitVariables.applicationId(execution),
            PermitStatus.APPROVAL_FICTION,
            "Über den Antrag wurde nicht fristgerecht entschieden; die Baugenehmigung gilt seit "
                + since
                + " als erteilt. Die Bescheinigung finden Sie unter „Schreiben an Sie“.");
    letters.send(
        application,
        new PermitLetters.Letter(
            "Bescheinigung über den Eintritt der Genehmigungsfiktion",
            "decision",
            "fiktionsbescheinigung.pdf",
            "Ihre Baugenehmigung gilt als erteilt",
            List.of(
                "über Ihren vollständigen Bauantrag für folgendes Vorhaben wurde nicht innerhalb"
                    + " der gesetzlichen Frist entschieden: "
                    + PermitVariables.text(execution, PermitProcess.Var.PROJECT_DESCRIPTION)
                    + " ("
                    + PermitVariables.text(execution, PermitProcess.Var.PLOT)
                    + ").",
                "Die Baugenehmigung gilt daher seit "
                    + since
                    + " als erteilt (Art. 68 Abs. 2 BayBO in Verbindung mit Art. 42a BayVwVfG)."
                    + " Diese Bescheinigung steht in ihrer Wirkung einer Baugenehmigung gleich.")));
  }
}
