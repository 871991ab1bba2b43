package de.amtsflow.permit;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * A Bauantrag as the citizen's web form (or a clerk entering a paper application) sends it. Field
 * by field validation; messages are German, citizens read them.
 *
 * @param applicant who applies and receives the letters
 * @param builder the Bauherr (often the applicant)
 * @param designer the Entwurfsverfasser, who must be bauvorlageberechtigt (Art. 61 BayBO)
 * @param plot the Baugrundstück
 * @param project what is to be built
 * @param procedure vereinfachtes (Art. 59 BayBO) or reguläres (Art. 60 BayBO) Verfahren
 * @param neighbourConsents signatures of neighbours already collected (optional)
 * @param receivedOn for a paper application a clerk enters: the day it reached the authority, from
 *     which its deadlines run (empty: today); not for online applications
 */
public record PermitApplicationRequest(
    @NotNull(message = "Angaben zum Antragsteller fehlen.") @Valid Party applicant,
    @NotNull(message = "Angaben zum Bauherrn fehlen.") @Valid Party builder,
    @NotNull(message = "Angaben zum Entwurfsverfasser fehlen.") @Valid Designer designer,
    @NotNull(message = "Angaben zum Grundstück fehlen.") @Valid Plot plot,
    @NotNull(message = "Angaben zum Vorhaben fehlen.") @Valid Project project,
    @NotNull(message = "Bitte die Verfahrensart wählen.") Procedure procedure,
    @Size(max = 50, message = "Höchstens 50 Nachbarunterschriften.")
        List<@NotNull(message = "Leerer Eintrag.") @Valid NeighbourConsent> neighbourConsents,
    LocalDate receivedOn) {

  public enum Procedure {
    SIMPLIFIED("vereinfachtes Baugenehmigungsverfahren"),
    REGULAR("Baugenehmigungsverfahren");

    private final String label;

    Procedure(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** Art der Maßnahme. */
  public enum Measure {
    NEW_BUILDING("Errichtung"),
    ALTERATION("Änderung"),
    CHANGE_OF_USE("Nutzungsänderung"),
    DEMOLITION("Beseitigung");

    private final String label;

    Measure(String label) {
      this.label = label;
    }

    public String label() {
      return label;
    }
  }

  /** How the Entwurfsverfasser is bauvorlageberechtigt (Art. 61 BayBO). */
  public enum Qualification {
    ARCHITECT("Architekt/in", true),
    CIVIL_ENGINEER("Bauingenieur/in", true),
    OTHER("Sonstige bauvorlageberechtigte Person", false);

    private final String label;
    private final boolean chamberNumber;

    Qualification(String label, boolean chamberNumber) {
      this.label = label;
      this.chamberNumber = chamberNumber;
    }

    public String label() {
      return label;
    }

    /** Architects and engineers are members of their chamber; its number is required. */
    public boolean needsChamberNumber() {
      return chamberNumber;
    }
  }

  public record Address(
      @NotBlank(message = "Straße und Hausnummer fehlen.")
          @Size(max = 200, message = "Höchstens 200 Zeichen.")
          String street,
      @NotBlank(message = "Postleitzahl fehlt.")
          @Pattern(regexp = "\\d{5}", message = "Postleitzahl: fünf Ziffern.")
          String postalCode,
      @NotBlank(message = "Ort fehlt.") @Size(max = 100, message = "Höchstens 100 Zeichen.")
          String city) {}

  /** The applicant or the Bauherr; the applicant's e-mail is required for online applications. */
  public record Party(
      @NotBlank(message = "Name fehlt.") @Size(max = 200, message = "Höchstens 200 Zeichen.")
          String name,
      @NotNull(message = "Anschrift fehlt.") @Valid Address address,
      @Email(message = "Keine gültige E-Mail-Adresse.")
          @Size(max = 320, message = "Höchstens 320 Zeichen.")
          String email) {}

  public record Designer(
      @NotBlank(message = "Name fehlt.") @Size(max = 200, message = "Höchstens 200 Zeichen.")
          String name,
      @Email(message = "Keine gültige E-Mail-Adresse.")
          @Size(max = 320, message = "Höchstens 320 Zeichen.")
          String email,
      @NotNull(message = "Bitte die Berufsqualifikation wählen.") Qualification qualification,
      @Size(max = 50, message = "Höchstens 50 Zeichen.") String chamberMembershipNumber,
      @NotNull(message = "Bitte die Bauvorlageberechtigung bestätigen.")
          @AssertTrue(
              message =
                  "Die Bauvorlagen müssen von einer bauvorlageberechtigten Person erstellt und"
                      + " unterschrieben sein (Art. 61 BayBO).")
          Boolean authorizedToSubmit) {}

  /**
   * @param municipalityKey the Amtlicher Gemeindeschlüssel of the Gemeinde the plot lies in, as the
   *     form lists them ({@code GET /form-rules}); it gives the Einvernehmen. Required where the
   *     installation serves several Gemeinden
   * @param gemarkung the cadastral district
   * @param flur only where the Land uses it (not in Bavaria)
   * @param parcels the Flurstücke, e.g. "123/4"
   * @param address the plot's address, if it has one
   */
  public record Plot(
      @Size(max = 8, message = "Höchstens 8 Zeichen.") String municipalityKey,
      @NotBlank(message = "Gemarkung fehlt.") @Size(max = 100, message = "Höchstens 100 Zeichen.")
          String gemarkung,
      @Size(max = 20, message = "Höchstens 20 Zeichen.") String flur,
      @NotEmpty(message = "Mindestens ein Flurstück angeben.")
          @Size(max = 50, message = "Höchstens 50 Flurstücke.")
          List<
                  @NotBlank(message = "Flurstücksnummer fehlt.")
                  @Pattern(
                      regexp = "\\s*|\\s*\\d{1,6}(/\\d{1,4})?\\s*",
                      message = "Flurstücksnummer wie 123 oder 123/4.")
                  String>
              parcels,
      @Valid Address address) {}

  public record Project(
      @NotBlank(message = "Beschreibung des Vorhabens fehlt.")
          @Size(max = 2000, message = "Höchstens 2000 Zeichen.")
          String description,
      @NotNull(message = "Art der Maßnahme fehlt.") Measure measure,
      @NotNull(message = "Gebäudeklasse fehlt.")
          @Min(value = 1, message = "Gebäudeklasse 1 bis 5.")
          @Max(value = 5, message = "Gebäudeklasse 1 bis 5.")
          Integer buildingClass,
      @NotNull(message = "Bitte angeben, ob es ein Sonderbau ist.") Boolean specialBuilding,
      @NotNull(message = "Bitte angeben, ob das Gebäude überwiegend dem Wohnen dient.")
          Boolean mainlyResidential,
      @NotNull(message = "Baukosten fehlen.")
          @PositiveOrZero(message = "Baukosten dürfen nicht negativ sein.")
          @DecimalMax(value = "9999999999", message = "Baukosten zu hoch.")
          BigDecimal buildingCosts) {}

  public record NeighbourConsent(
      @NotBlank(message = "Name fehlt.") @Size(max = 200, message = "Höchstens 200 Zeichen.")
          String name,
      @NotBlank(message = "Flurstück fehlt.") @Size(max = 20, message = "Höchstens 20 Zeichen.")
          String parcel,
      @NotNull(message = "Bitte angeben, ob zugestimmt wurde.") Boolean consented) {}
}
