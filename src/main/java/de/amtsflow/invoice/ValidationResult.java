package de.amtsflow.invoice;

import java.util.List;

/**
 * The verdict on one invoice, equal to the official KoSIT validator's accept/reject.
 *
 * @param valid no finding of level error remains after the scenario's re-levelling
 * @param syntax the XML syntax (of the embedded XML, for a PDF)
 * @param customizationId BT-24 as written in the invoice, {@code null} if absent
 * @param scenario the rule sets applied, e.g. {@code EN16931 XRechnung (CII)}; {@code null} when no
 *     scenario matched, which makes the invoice invalid
 * @param ruleSetRelease the id of the rule set release that judged, e.g. {@code 2026-01-31}
 * @param errors findings that make the invoice invalid
 * @param warnings findings that do not (schematron warnings and rules KoSIT demotes to warnings);
 *     information-level findings are only in the report
 * @param reportXml a self-contained XML report with every finding and the rule set versions, to be
 *     archived with the invoice
 */
public record ValidationResult(
    boolean valid,
    InvoiceSyntax syntax,
    String customizationId,
    String scenario,
    String ruleSetRelease,
    List<RuleViolation> errors,
    List<RuleViolation> warnings,
    String reportXml) {

  public ValidationResult {
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  /** Whether some error or warning carries this rule id. */
  public boolean reports(String ruleId) {
    return errors.stream().anyMatch(v -> ruleId.equals(v.rule()))
        || warnings.stream().anyMatch(v -> ruleId.equals(v.rule()));
  }
}
