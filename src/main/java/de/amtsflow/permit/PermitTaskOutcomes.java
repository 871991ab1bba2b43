package de.amtsflow.permit;

import static de.amtsflow.permit.PermitProcess.Var;

import de.amtsflow.casehistory.TaskOutcomes;
import de.amtsflow.letters.GermanFormats;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What each permit task decided, in the words of the case history ("Verlauf"). */
@Component
class PermitTaskOutcomes implements TaskOutcomes {

  @Override
  public String processKey() {
    return PermitProcess.KEY;
  }

  @Override
  public Optional<String> of(String taskKey, Map<String, Object> variables) {
    return Optional.ofNullable(
        switch (taskKey) {
          case PermitProcess.Task.CHECK_COMPLETENESS -> completeness(variables);
          case PermitProcess.Task.MUNICIPAL_CONSENT ->
              withReason(
                  PermitStatements.consentResult(text(variables, Var.CONSENT_DECISION)),
                  PermitProcess.CONSENT_REFUSED.equals(text(variables, Var.CONSENT_DECISION))
                      ? text(variables, Var.CONSENT_REASONS)
                      : "");
          case PermitProcess.Task.AGENCY_STATEMENT -> statement(variables);
          case PermitProcess.Task.REVIEW -> review(variables);
          case PermitProcess.Task.DECIDE -> decision(variables);
          default -> null;
        });
  }

  private static String completeness(Map<String, Object> variables) {
    if (PermitProcess.COMPLETENESS_INCOMPLETE.equals(text(variables, Var.COMPLETENESS))) {
      String missing = String.join("; ", PermitTexts.lines(variables.get(Var.MISSING_DOCUMENTS)));
      String deadline = germanDate(text(variables, Var.RESUBMISSION_DEADLINE));
      return "unvollständig – nachgefordert: "
          + (missing.isEmpty() ? "Unterlagen" : missing)
          + (deadline.isEmpty() ? "" : "; Frist bis " + deadline);
    }
    List<String> agencies =
        Arrays.stream(PermitProcess.Agency.values())
            .filter(a -> Boolean.TRUE.equals(variables.get(a.formKey())))
            .map(PermitProcess.Agency::label)
            .toList();
    return agencies.isEmpty()
        ? "vollständig"
        : "vollständig; beteiligt: " + String.join(", ", agencies);
  }

  private static String statement(Map<String, Object> variables) {
    String agency = text(variables, Var.AGENCY);
    String result =
        PermitStatements.statementResult(text(variables, Var.STATEMENT))
            + (PermitProcess.STATEMENT_CONSENT.equals(text(variables, Var.STATEMENT))
                ? ""
                : withText(text(variables, Var.STATEMENT_TEXT)));
    return agency.isEmpty() ? result : agency + ": " + result;
  }

  private static String review(Map<String, Object> variables) {
    if (Boolean.TRUE.equals(variables.get(Var.CONSENT_REPLACED))) {
      return "geprüft; versagtes Einvernehmen ersetzt (Art. 67 BayBO) – Begründung: "
          + text(variables, Var.CONSENT_REPLACEMENT_REASON);
    }
    String notes = text(variables, Var.REVIEW_NOTES);
    return notes.isEmpty() ? "geprüft" : "geprüft – Vermerk: " + notes;
  }

  private static String decision(Map<String, Object> variables) {
    return switch (text(variables, Var.DECISION)) {
      case PermitProcess.DECISION_APPROVE -> "genehmigt";
      case PermitProcess.DECISION_APPROVE_WITH_CONDITIONS -> "genehmigt mit Nebenbestimmungen";
      case PermitProcess.DECISION_REJECT ->
          withReason("abgelehnt", text(variables, Var.DECISION_REASONS));
      default -> null;
    };
  }

  private static String withReason(String result, String reason) {
    return reason.isEmpty() ? result : result + " – Begründung: " + reason;
  }

  private static String withText(String text) {
    return text.isEmpty() ? "" : " – " + text;
  }

  private static String text(Map<String, Object> variables, String name) {
    Object value = variables.get(name);
    return value == null ? "" : value.toString().strip();
  }

  /** "2026-03-12" as "12.03.2026"; anything else as it is. */
  private static String germanDate(String isoDate) {
    try {
      return isoDate.isEmpty() ? "" : GermanFormats.date(LocalDate.parse(isoDate));
    } catch (DateTimeParseException notIso) {
      return isoDate;
    }
  }
}
