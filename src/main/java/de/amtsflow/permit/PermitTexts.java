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

  /** One line of the filed application: a label and its value, in one or more lines. */
  record Entry(String label, List<String> lines) {
    Entry {
      lines = List.copyOf(lines);
    }

    Entry(String label, String line) {
      this(label, List.of(line));
    }
  }

  /** The application as filed in the e-file (PDF "Bauantrag", template {@code antrag}). */
  static List<Entry> application(PermitApplicationRequest request) {
    List<Entry> entries = new ArrayList<>();
    var applicant = request.applicant();
    List<String> applicantLines = new ArrayList<>();
    applicantLines.add(applicant.name());
    applicantLines.add(address(applicant.address()));
    if (applicant.email() != null && !applicant.email().isBlank()) {
      applicantLines.add(applicant.email());
    }
    entries.add(new Entry("Antragsteller", applicantLines));
    entries.add(
        new Entry(
            "Bauherr", List.of(request.builder().name(), address(request.builder().address()))));
    var designer = request.designer();
    entries.add(
        new Entry(
            "Entwurfsverfasser",
            List.of(
                designer.name()
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
                    + ")",
                "Bauvorlageberechtigung bestätigt")));
    List<String> plotLines = new ArrayList<>();
    plotLines.add(plot(request.plot()));
    if (request.plot().address() != null) {
      plotLines.add(address(request.plot().address()));
    }
    entries.add(new Entry("Grundstück", plotLines));
    var project = request.project();
    entries.add(new Entry("Vorhaben", List.of(project.measure().label(), project.description())));
    entries.add(new Entry("Gebäudeklasse", String.valueOf(project.buildingClass())));
    entries.add(new Entry("Sonderbau", project.specialBuilding() ? "ja" : "nein"));
    entries.add(new Entry("Überwiegend Wohnen", project.mainlyResidential() ? "ja" : "nein"));
    entries.add(new Entry("Baukosten", GermanFormats.amount(project.buildingCosts()) + " €"));
    entries.add(new Entry("Verfahrensart", request.procedure().label()));
    if (request.neighbourConsents() != null && !request.neighbourConsents().isEmpty()) {
      entries.add(
          new Entry(
              "Nachbarunterschriften",
              request.neighbourConsents().stream()
                  .map(
                      n ->
                          n.name()
                              + " (Fl.-Nr. "
                              + n.parcel()
                              + "): "
                              + (n.consented() ? "zugestimmt" : "nicht zugestimmt"))
                  .toList()));
    }
    return entries;
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
