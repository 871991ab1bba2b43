package de.amtsflow.permit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;

/** Applications as the citizen's form sends them, and small real PDFs as plans. */
public final class PermitFixtures {

  /** The Amtlicher Gemeindeschlüssel of the dev profile's Gemeinde Adorf (gemeinde-a). */
  static final String GEMEINDE_A = "09375111";

  /** Markt Bergheim (gemeinde-b). */
  static final String GEMEINDE_B = "09375122";

  private PermitFixtures() {}

  static Map<String, Object> address(String street) {
    return Map.of("street", street, "postalCode", "93047", "city", "Regensburg");
  }

  /** A complete, valid application: Einfamilienhaus, Gebäudeklasse 1, vereinfachtes Verfahren. */
  public static Map<String, Object> application() {
    Map<String, Object> project = new HashMap<>();
    project.put("description", "Neubau eines Einfamilienhauses mit Garage");
    project.put("measure", "NEW_BUILDING");
    project.put("buildingClass", 1);
    project.put("specialBuilding", false);
    project.put("mainlyResidential", true);
    project.put("buildingCosts", 350000);
    Map<String, Object> body = new HashMap<>();
    body.put(
        "applicant",
        Map.of(
            "name", "Erika Mustermann",
            "address", address("Lindenweg 3"),
            "email", "erika@buerger.test"));
    body.put("builder", Map.of("name", "Erika Mustermann", "address", address("Lindenweg 3")));
    body.put(
        "designer",
        Map.of(
            "name", "Dipl.-Ing. Max Planer",
            "qualification", "ARCHITECT",
            "chamberMembershipNumber", "BY-12345",
            "authorizedToSubmit", true));
    body.put(
        "plot",
        Map.of(
            // Gemeinde Adorf (the dev profile's gemeinde-a): its user "gemeinde" gives the
            // Einvernehmen
            "municipalityKey",
            PermitFixtures.GEMEINDE_A,
            "gemarkung",
            "Kumpfmühl",
            "parcels",
            List.of("123/4"),
            "address",
            address("Am Feld 1")));
    body.put("project", project);
    body.put("procedure", "SIMPLIFIED");
    body.put(
        "neighbourConsents",
        List.of(Map.of("name", "Hans Nachbar", "parcel", "123/5", "consented", true)));
    return body;
  }

  /**
   * A Sonderbau (a Kindertagesstätte, Art. 2 Abs. 4 BayBO) in the Baugenehmigungsverfahren (Art. 60
   * BayBO, no Genehmigungsfiktion), Gebäudeklasse 3.
   */
  /** {@link #regularApplication()} for a plot in the Gemeinde with this Gemeindeschlüssel. */
  static Map<String, Object> regularApplicationIn(String municipalityKey) {
    Map<String, Object> application = new java.util.HashMap<>(regularApplication());
    @SuppressWarnings("unchecked")
    Map<String, Object> plot =
        new java.util.HashMap<>((Map<String, Object>) application.get("plot"));
    plot.put("municipalityKey", municipalityKey);
    application.put("plot", plot);
    return application;
  }

  static Map<String, Object> regularApplication() {
    Map<String, Object> body = application();
    body.put("procedure", "REGULAR");
    @SuppressWarnings("unchecked")
    Map<String, Object> project = new HashMap<>((Map<String, Object>) body.get("project"));
    project.put("description", "Neubau einer Kindertagesstätte mit vier Gruppen");
    project.put("buildingClass", 3);
    project.put("specialBuilding", true);
    project.put("mainlyResidential", false);
    body.put("project", project);
    return body;
  }

  /**
   * The day itself, or the next working day in Bavaria when it falls on a weekend or public holiday
   * (deadlines a clerk sets end on working days).
   */
  static java.time.LocalDate workday(java.time.LocalDate day) {
    return BAVARIA.periodEnd(day);
  }

  static final de.amtsflow.calendar.WorkingCalendar BAVARIA =
      de.amtsflow.calendar.WorkingCalendar.of("BY");

  static byte[] pdf() {
    try (PDDocument pdf = new PDDocument();
        ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      pdf.addPage(new PDPage());
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
