package de.amtsflow.permit;

/** The Bauvorlagen a citizen can upload, with the e-file's document kind and a German title. */
public enum DocumentKind {
  SITE_PLAN("site-plan", "Lageplan"),
  FLOOR_PLAN("floor-plan", "Grundrisse"),
  SECTIONS_ELEVATIONS("sections", "Schnitte und Ansichten"),
  BUILDING_DESCRIPTION("building-description", "Baubeschreibung"),
  STATICS("statics", "Standsicherheitsnachweis"),
  FIRE_PROTECTION("fire-protection", "Brandschutznachweis"),
  NEIGHBOUR_CONSENT("neighbour-consent", "Nachbarunterschriften"),
  OTHER("other", "Sonstige Unterlage");

  private final String efileKind;
  private final String title;

  DocumentKind(String efileKind, String title) {
    this.efileKind = efileKind;
    this.title = title;
  }

  public String efileKind() {
    return efileKind;
  }

  public String title() {
    return title;
  }
}
