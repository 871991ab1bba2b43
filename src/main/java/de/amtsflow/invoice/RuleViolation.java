package de.amtsflow.invoice;

/**
 * One finding of a validation step.
 *
 * @param rule the rule id as the rule set names it (e.g. {@code BR-CO-16}, {@code BR-DE-15}); XML
 *     Schema findings use {@value #XML_SCHEMA}
 * @param message the rule's text
 * @param location an XPath for schematron findings, {@code line:column} for XML Schema findings
 */
public record RuleViolation(String rule, String message, String location) {

  /** Rule id of findings from the XML Schema step, which has no ids of its own. */
  public static final String XML_SCHEMA = "XML-SCHEMA";
}
