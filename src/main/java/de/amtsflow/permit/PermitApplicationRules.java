package de.amtsflow.permit;

import de.amtsflow.tenant.Tenants;
import de.amtsflow.web.FieldProblems.FieldError;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The rules a Bauantrag must meet: bean validation of {@link PermitApplicationRequest} plus the
 * rules across fields. The one source for the submit and for the web form's check of each step
 * before it moves on ({@code POST /api/permit-applications/checks}), so the form never accepts a
 * step the submit would refuse.
 */
@Component
class PermitApplicationRules {

  /** The parts of an application, as the web form's steps ask for them. */
  enum Section {
    APPLICANT("applicant"),
    BUILDER("builder"),
    DESIGNER("designer"),
    PLOT("plot"),
    PROJECT("project", "procedure");

    private final List<String> fields;

    Section(String... fields) {
      this.fields = List.of(fields);
    }

    /** The section's name in a request ({@code ?sections=applicant,plot}). */
    String key() {
      return fields.get(0);
    }

    boolean covers(String path) {
      return fields.stream().anyMatch(f -> path.equals(f) || path.startsWith(f + "."));
    }

    static Section ofKey(String key) {
      return Arrays.stream(values())
          .filter(s -> s.key().equals(key))
          .findFirst()
          .orElseThrow(() -> new IllegalArgumentException(key));
    }
  }

  private final Validator validator;
  private final PermitDeadlines deadlines;
  private final Tenants tenants;

  PermitApplicationRules(Validator validator, PermitDeadlines deadlines, Tenants tenants) {
    this.validator = validator;
    this.deadlines = deadlines;
    this.tenants = tenants;
  }

  /**
   * Every broken rule, one per field (the first by path order), sorted by field.
   *
   * @param clerk the permit clerk entering a paper application, or null for an online one
   */
  List<FieldError> check(PermitApplicationRequest request, String clerk) {
    List<Ranked> ranked = new ArrayList<>();
    validator
        .validate(request)
        .forEach(
            v ->
                ranked.add(
                    new Ranked(
                        new FieldError(
                            v.getPropertyPath().toString().replace(".<list element>", ""),
                            v.getMessage()),
                        MISSING.contains(
                                v.getConstraintDescriptor().getAnnotation().annotationType())
                            ? 0
                            : 1)));
    List<FieldError> crossField = new ArrayList<>();
    crossField(request, clerk, crossField);
    crossField.forEach(e -> ranked.add(new Ranked(e, 2)));
    // one message per field: for an empty postal code "fehlt" says it, "fünf Ziffern" adds
    // nothing; what is missing is named first, then the field's format, then rules across fields
    Map<String, FieldError> perField = new LinkedHashMap<>();
    ranked.stream()
        .sorted(
            Comparator.comparing((Ranked r) -> r.error().field())
                .thenComparingInt(Ranked::rank)
                .thenComparing(r -> r.error().message()))
        .forEach(r -> perField.putIfAbsent(r.error().field(), r.error()));
    return List.copyOf(perField.values());
  }

  private record Ranked(FieldError error, int rank) {}

  private static final Set<Class<?>> MISSING =
      Set.of(NotNull.class, NotBlank.class, NotEmpty.class);

  /** The broken rules of the given sections only: what one step of the web form asks. */
  List<FieldError> check(
      PermitApplicationRequest request, String clerk, Collection<Section> sections) {
    Set<Section> wanted = Set.copyOf(sections);
    return check(request, clerk).stream()
        .filter(e -> wanted.stream().anyMatch(s -> s.covers(e.field())))
        .toList();
  }

  private void crossField(PermitApplicationRequest request, String clerk, List<FieldError> errors) {
    // the procedure follows from the project (Art. 59, 60 BayBO), it is not a free choice: the
    // Genehmigungsfiktion depends on it
    if (request.procedure() != null
        && request.project() != null
        && request.project().specialBuilding() != null) {
      boolean special = request.project().specialBuilding();
      if (special && request.procedure() == PermitApplicationRequest.Procedure.SIMPLIFIED) {
        errors.add(
            new FieldError(
                "procedure",
                "Sonderbauten werden im Baugenehmigungsverfahren nach Art. 60 BayBO geprüft."
                    + " Bitte diese Verfahrensart wählen."));
      } else if (!special && request.procedure() == PermitApplicationRequest.Procedure.REGULAR) {
        errors.add(
            new FieldError(
                "procedure",
                "Vorhaben, die keine Sonderbauten sind, werden im vereinfachten"
                    + " Baugenehmigungsverfahren nach Art. 59 BayBO geprüft. Bitte diese"
                    + " Verfahrensart wählen."));
      }
    }
    if (clerk == null
        && request.applicant() != null
        && (request.applicant().email() == null || request.applicant().email().isBlank())) {
      errors.add(
          new FieldError(
              "applicant.email",
              "E-Mail-Adresse fehlt (für Eingangsbestätigung, Nachforderungen und Bescheid)."));
    }
    if (request.designer() != null
        && request.designer().qualification() != null
        && request.designer().qualification().needsChamberNumber()
        && (request.designer().chamberMembershipNumber() == null
            || request.designer().chamberMembershipNumber().isBlank())) {
      errors.add(
          new FieldError(
              "designer.chamberMembershipNumber",
              "Mitgliedsnummer der Architekten- oder Ingenieurekammer fehlt (Pflichtangabe für"
                  + " Architektinnen, Architekten und Bauingenieure)."));
    }
    if (request.plot() != null && !tenants.municipalities().isEmpty()) {
      String key = request.plot().municipalityKey();
      if (key == null || key.isBlank()) {
        errors.add(
            new FieldError(
                "plot.municipalityKey", "Bitte die Gemeinde wählen, in der das Grundstück liegt."));
      } else if (tenants.byMunicipalityKey(key).filter(t -> t.kind().isMunicipality()).isEmpty()) {
        errors.add(
            new FieldError(
                "plot.municipalityKey",
                "Diese Gemeinde gehört nicht zu unserem Zuständigkeitsbereich. Bitte eine Gemeinde"
                    + " aus der Liste wählen."));
      }
    }
    if (request.receivedOn() != null) {
      if (clerk == null) {
        errors.add(
            new FieldError(
                "receivedOn", "Das Eingangsdatum setzt nur die Bauaufsicht bei Papieranträgen."));
      } else if (request.receivedOn().isAfter(deadlines.today())
          || request.receivedOn().isBefore(deadlines.today().minusMonths(3))) {
        errors.add(
            new FieldError(
                "receivedOn", "Eingangsdatum: heute oder höchstens drei Monate zurück."));
      }
    }
  }
}
