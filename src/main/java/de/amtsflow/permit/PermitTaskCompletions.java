package de.amtsflow.permit;

import static de.amtsflow.permit.PermitProcess.Var;

import de.amtsflow.tasks.TaskCompletion;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The typed payloads of the permit tasks on {@code /api/tasks/{id}/complete}, one per task. They
 * become the same variables the Camunda Forms write; the rules are the task listener's.
 */
final class PermitTaskCompletions {

  private PermitTaskCompletions() {}

  enum Completeness {
    COMPLETE,
    INCOMPLETE
  }

  /**
   * @param missingDocuments what the applicant must hand in (INCOMPLETE), one item per entry
   * @param resubmissionDeadline the deadline for it (INCOMPLETE)
   * @param agencies the agencies to hear (COMPLETE)
   */
  record CompletenessPayload(
      @NotNull(message = "Ergebnis fehlt (COMPLETE oder INCOMPLETE).") Completeness completeness,
      @Size(max = 30, message = "Höchstens 30 Unterlagen.")
          List<
                  @NotBlank(message = "Leerer Eintrag.")
                  @Size(max = 300, message = "Höchstens 300 Zeichen.") String>
              missingDocuments,
      LocalDate resubmissionDeadline,
      Set<PermitProcess.Agency> agencies) {}

  @Component
  static class CheckCompleteness implements TaskCompletion<CompletenessPayload> {
    @Override
    public Set<String> taskKeys() {
      return Set.of(PermitProcess.Task.CHECK_COMPLETENESS);
    }

    @Override
    public Class<CompletenessPayload> payloadType() {
      return CompletenessPayload.class;
    }

    @Override
    public Map<String, Object> variables(String taskKey, CompletenessPayload payload) {
      Map<String, Object> vars = new HashMap<>();
      vars.put(Var.COMPLETENESS, payload.completeness().name());
      vars.put(
          Var.MISSING_DOCUMENTS,
          payload.missingDocuments() == null
              ? null
              : payload.missingDocuments().stream()
                  .map(String::strip)
                  .collect(Collectors.joining("\n")));
      vars.put(
          Var.RESUBMISSION_DEADLINE,
          payload.resubmissionDeadline() == null
              ? null
              : payload.resubmissionDeadline().toString());
      Set<PermitProcess.Agency> agencies =
          payload.agencies() == null ? Set.of() : payload.agencies();
      for (PermitProcess.Agency agency : PermitProcess.Agency.values()) {
        vars.put(agency.formKey(), agencies.contains(agency));
      }
      return vars;
    }
  }

  enum Consent {
    GRANTED,
    REFUSED
  }

  record ConsentPayload(
      @NotNull(message = "Entscheidung fehlt (GRANTED oder REFUSED).") Consent consent,
      @Size(max = 4000, message = "Höchstens 4000 Zeichen.") String reasons) {}

  @Component
  static class MunicipalConsent implements TaskCompletion<ConsentPayload> {
    @Override
    public Set<String> taskKeys() {
      return Set.of(PermitProcess.Task.MUNICIPAL_CONSENT);
    }

    @Override
    public Class<ConsentPayload> payloadType() {
      return ConsentPayload.class;
    }

    @Override
    public Map<String, Object> variables(String taskKey, ConsentPayload payload) {
      Map<String, Object> vars = new HashMap<>();
      vars.put(Var.CONSENT_DECISION, payload.consent().name());
      vars.put(Var.CONSENT_REASONS, payload.reasons());
      return vars;
    }
  }

  enum Statement {
    CONSENT,
    CONSENT_WITH_CONDITIONS,
    OBJECTION
  }

  record StatementPayload(
      @NotNull(message = "Stellungnahme fehlt (CONSENT, CONSENT_WITH_CONDITIONS oder OBJECTION).")
          Statement statement,
      @Size(max = 4000, message = "Höchstens 4000 Zeichen.") String text) {}

  @Component
  static class AgencyStatement implements TaskCompletion<StatementPayload> {
    @Override
    public Set<String> taskKeys() {
      return Set.of(PermitProcess.Task.AGENCY_STATEMENT);
    }

    @Override
    public Class<StatementPayload> payloadType() {
      return StatementPayload.class;
    }

    @Override
    public Map<String, Object> variables(String taskKey, StatementPayload payload) {
      Map<String, Object> vars = new HashMap<>();
      vars.put(Var.STATEMENT, payload.statement().name());
      vars.put(Var.STATEMENT_TEXT, payload.text());
      return vars;
    }
  }

  /**
   * @param consentReplaced replace a refused Einvernehmen (Art. 67 BayBO); needs the reason
   */
  record ReviewPayload(
      Boolean consentReplaced,
      @Size(max = 4000, message = "Höchstens 4000 Zeichen.") String consentReplacementReason,
      @Size(max = 10000, message = "Höchstens 10000 Zeichen.") String notes) {}

  @Component
  static class Review implements TaskCompletion<ReviewPayload> {
    @Override
    public Set<String> taskKeys() {
      return Set.of(PermitProcess.Task.REVIEW);
    }

    @Override
    public Class<ReviewPayload> payloadType() {
      return ReviewPayload.class;
    }

    @Override
    public Map<String, Object> variables(String taskKey, ReviewPayload payload) {
      Map<String, Object> vars = new HashMap<>();
      vars.put(Var.CONSENT_REPLACED, Boolean.TRUE.equals(payload.consentReplaced()));
      vars.put(Var.CONSENT_REPLACEMENT_REASON, payload.consentReplacementReason());
      vars.put(Var.REVIEW_NOTES, payload.notes());
      return vars;
    }
  }

  enum Decision {
    APPROVE,
    APPROVE_WITH_CONDITIONS,
    REJECT
  }

  /** Kinds of Nebenbestimmung (§ 36 VwVfG), each a variable of the decision form. */
  enum ProvisionType {
    CONDITION(Var.NB_CONDITIONS),
    OBLIGATION(Var.NB_OBLIGATIONS),
    TIME_LIMIT(Var.NB_TIME_LIMIT),
    REVOCATION(Var.NB_REVOCATION),
    NOTE(Var.NB_NOTES);

    private final String variable;

    ProvisionType(String variable) {
      this.variable = variable;
    }
  }

  /**
   * A Nebenbestimmung with its reason: a written administrative act gives its reasons (Art. 39
   * BayVwVfG), so every kind but a mere Hinweis needs one. The Bescheid prints it under the text.
   */
  record Provision(
      @NotNull(message = "Art fehlt (CONDITION, OBLIGATION, TIME_LIMIT, REVOCATION oder NOTE).")
          ProvisionType type,
      @NotBlank(message = "Text fehlt.") @Size(max = 2000, message = "Höchstens 2000 Zeichen.")
          String text,
      @Size(max = 2000, message = "Höchstens 2000 Zeichen.") String reason) {

    /** Bean validation: the reason, unless the provision is a Hinweis. */
    @jakarta.validation.constraints.AssertTrue(
        message =
            "Begründung fehlt: jede Nebenbestimmung außer einem Hinweis ist zu begründen"
                + " (Art. 39 BayVwVfG).")
    boolean isReason() {
      return type == null
          || type == ProvisionType.NOTE
          || (reason != null && !reason.isBlank())
          || (text != null && text.contains(IssueDecisionDelegate.REASON_MARK));
    }

    /** The line the decision form writes, too: "Text Begründung: Grund". */
    String line() {
      String plain = text.strip().replaceAll("\\R", " ");
      return reason == null || reason.isBlank()
          ? plain
          : plain
              + " "
              + IssueDecisionDelegate.REASON_MARK
              + " "
              + reason.strip().replaceAll("\\R", " ");
    }
  }

  record DecisionPayload(
      @NotNull(message = "Entscheidung fehlt (APPROVE, APPROVE_WITH_CONDITIONS oder REJECT).")
          Decision decision,
      @Size(max = 50, message = "Höchstens 50 Nebenbestimmungen.")
          List<@NotNull(message = "Leerer Eintrag.") @Valid Provision> provisions,
      @Size(max = 10000, message = "Höchstens 10000 Zeichen.") String reasons) {}

  @Component
  static class Decide implements TaskCompletion<DecisionPayload> {
    @Override
    public Set<String> taskKeys() {
      return Set.of(PermitProcess.Task.DECIDE);
    }

    @Override
    public Class<DecisionPayload> payloadType() {
      return DecisionPayload.class;
    }

    @Override
    public Map<String, Object> variables(String taskKey, DecisionPayload payload) {
      Map<String, Object> vars = new HashMap<>();
      vars.put(Var.DECISION, payload.decision().name());
      vars.put(Var.DECISION_REASONS, payload.reasons());
      Map<ProvisionType, String> byType = new EnumMap<>(ProvisionType.class);
      if (payload.provisions() != null) {
        payload.provisions().forEach(p -> byType.merge(p.type(), p.line(), (a, b) -> a + "\n" + b));
      }
      for (ProvisionType type : ProvisionType.values()) {
        vars.put(type.variable, byType.get(type));
      }
      return vars;
    }
  }
}
