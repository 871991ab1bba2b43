package de.amtsflow.deadlines;

/** What kind of period runs; a fiction is a period whose silent end decides the case. */
public enum DeadlineKind {
  COMPLETENESS_CHECK("Vollständigkeitsprüfung", false),
  RESUBMISSION("Nachreichfrist", false),
  CONSENT_FICTION("Einvernehmensfiktion", true),
  AGENCY_FICTION("Zustimmungsfiktion Fachstelle", true),
  APPROVAL_FICTION("Genehmigungsfiktion", true),
  SKONTO("Skontofrist", false);

  private final String label;
  private final boolean fiction;

  DeadlineKind(String label, boolean fiction) {
    this.label = label;
    this.fiction = fiction;
  }

  /** German, as clerks read it. */
  public String label() {
    return label;
  }

  public boolean fiction() {
    return fiction;
  }
}
