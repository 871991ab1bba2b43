package de.amtsflow.tenant;

/** What kind of authority a tenant is; Gemeinden and Städte give the Einvernehmen. */
public enum TenantKind {
  LANDRATSAMT("Landratsamt"),
  GEMEINDE("Gemeinde"),
  STADT("Stadt"),
  ZWECKVERBAND("Zweckverband");

  private final String label;

  TenantKind(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** A Gemeinde or Stadt: plots lie in it, and it gives the Einvernehmen (§ 36 BauGB). */
  public boolean isMunicipality() {
    return this == GEMEINDE || this == STADT;
  }
}
