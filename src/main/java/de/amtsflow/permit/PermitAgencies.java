package de.amtsflow.permit;

import org.springframework.stereotype.Component;

/**
 * The Fachstellen for the model's expressions: {@code ${permitAgencies.group(agency)}} offers a
 * statement task to the one Fachstelle it asks, not to every Fachstelle.
 */
@Component("permitAgencies")
public class PermitAgencies {

  /** The Fachstelle's user group for its label (the multi-instance's {@code agency}). */
  public String group(String label) {
    return PermitProcess.Agency.byLabel(label)
        .map(PermitProcess.Agency::group)
        .orElseThrow(() -> new IllegalArgumentException("no Fachstelle '" + label + "'"));
  }
}
