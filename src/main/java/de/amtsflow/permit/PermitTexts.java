package de.amtsflow.permit;

import de.amtsflow.letters.GermanFormats;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** German wording of what the applicant reads: the filed application and the letters' bodies. */
final class PermitTexts {

  private PermitTexts() {}

  static String plot(PermitApplicationRequest.Plot plot) {
    StringBuilder text = new StringBuilder("Gemarkung ").append(plot.gemarkung().strip());
    if (plot.flur() != null && !plot.flur().isBlank()) {
      text.append(", Flur ").append(plot.flur().strip());
    }
    text.append(", Fl.-Nr. ")
        .append(String.join(", ", plot.parcels().stream().map(String::strip).toList()));
    return text.toString();
  }

  static String address(PermitApplicationRequest.Address address) {
    return address.street().strip()
        + ", "
        + address.postalCode().strip()
        + " "
        + address.city().strip();
  }

  /** The application as filed in the e-file (PDF "Bauantrag"). */
  static List<String> application(PermitApplicationRequest request) {
    List<String> text = new ArrayList<>();
    var applicant = request.applicant();
    text.add(
        "Antragsteller: "
            + applicant.name()
            + ", "
            + address(applicant.address())
            + (applicant.email() == null || applicant.email().isBlank()
                ? ""
                : ", " + applicant.email()));
    text.add("Bauherr: " + request.builder().name() + ", " + address(request.builder().address()));
    var designer = request.designer();
    text.add(
        "Entwurfsverfasser: "
            + designer.name()
            + " ("
            + switch (designer.qualification()) {
              case ARCHITECT -> "Architekt/in";
              case CIVIL_ENGINEER -> "Bauingenieur/in";
              case OTHER -> "sonstige Bauvorlageberechtigung";
            }
            + (designer.chamberMembershipNumber() == null
                    || designer.chamberMembershipNumber().isBlank()
                ? ""
                : ", Kammer-Nr. " + designer.chamberMembershipNumber())
            + "), bauvorlageberechtigt bestätigt");
    text.add(
        "Grundstück: "
            + plot(request.plot())
            + (request.plot().address() == null ? "" : ", " + address(request.plot().address())));
    var project = request.project();
    text.add("Vorhaben (" + project.measure().label() + "): " + project.description());
    text.add(
        "Gebäudeklasse "
            + project.buildingClass()
            + "; Sonderbau: "
            + (project.specialBuilding() ? "ja" : "nein")
            + "; überwiegend Wohnen: "
            + (project.mainlyResidential() ? "ja" : "nein")
            + "; Baukosten: "
            + GermanFormats.amount(project.buildingCosts())
            + " €");
    text.add("Verfahrensart: " + request.procedure().label());
    if (request.neighbourConsents() != null && !request.neighbourConsents().isEmpty()) {
      text.add("Nachbarunterschriften:");
      request
          .neighbourConsents()
          .forEach(
              n ->
                  text.add(
                      "- "
                          + n.name()
                          + " (Fl.-Nr. "
                          + n.parcel()
                          + "): "
                          + (n.consented() ? "zugestimmt" : "nicht zugestimmt")));
    }
    return text;
  }

  /** Non-blank lines of a multi-line form field. */
  static List<String> lines(Object text) {
    if (text == null) {
      return List.of();
    }
    return Arrays.stream(text.toString().split("\\R"))
        .map(String::strip)
        .filter(l -> !l.isEmpty())
        .toList();
  }
}
