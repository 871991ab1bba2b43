package de.amtsflow.permit;

/** Where an application stands, as the citizen's status page names it. */
public enum PermitStatus {
  RECEIVED("Eingegangen", false),
  INCOMPLETE("Unvollständig – bitte nachreichen", false),
  IN_PARTICIPATION("In Beteiligung", false),
  IN_REVIEW("In Prüfung", false),
  APPROVED("Genehmigt", true),
  APPROVAL_FICTION("Genehmigung fingiert", true),
  REJECTED("Abgelehnt", true),
  WITHDRAWN("Als zurückgenommen behandelt", true);

  private final String label;
  private final boolean closed;

  PermitStatus(String label, boolean closed) {
    this.label = label;
    this.closed = closed;
  }

  /** German, for citizens. */
  public String label() {
    return label;
  }

  /** The case is decided or ended: it accepts no more documents. */
  public boolean closed() {
    return closed;
  }
}
