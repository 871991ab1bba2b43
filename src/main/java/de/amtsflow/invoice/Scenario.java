package de.amtsflow.invoice;

import java.net.URL;
import java.util.List;
import java.util.Map;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmNode;

/**
 * One scenario of KoSIT's validator configuration, as its {@code scenarios.xml} writes it: which
 * documents it takes ({@code <match>}, an XPath on the invoice), which schematron rule sets it
 * runs, and which rules its report re-levels ({@code <customLevel>}). The verdict is "accept" when
 * no finding of level {@link Level#ERROR} remains after re-levelling.
 */
record Scenario(
    String name, XPathExecutable match, List<RuleSet> ruleSets, Map<String, Level> customLevels) {

  enum Level {
    ERROR,
    WARNING,
    INFORMATION
  }

  /**
   * A schematron rule set a scenario runs.
   *
   * @param label how reports name it: KoSIT's resource name and the version of the artefact
   * @param file where it is
   */
  record RuleSet(String label, RuleSetRelease.RuleFile file) {}

  /** Reads a release's scenarios.xml. */
  @FunctionalInterface
  interface Reader {
    List<Scenario> read(
        URL scenariosXml,
        Map<String, String> placeholders,
        Map<String, RuleSetRelease.RuleFile> ruleFiles,
        String origin);
  }

  static final String EN16931 = "urn:cen.eu:en16931:2017";
  static final String XRECHNUNG = EN16931 + "#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0";

  Scenario {
    ruleSets = List.copyOf(ruleSets);
    customLevels = Map.copyOf(customLevels);
  }

  boolean matches(XdmNode document) {
    try {
      XPathSelector selector = match.load();
      selector.setContextItem(document);
      return selector.effectiveBooleanValue();
    } catch (SaxonApiException e) {
      throw new IllegalStateException("scenario '" + name + "': match failed: " + e, e);
    }
  }

  Level relevel(String ruleId, Level schematronLevel) {
    return ruleId == null ? schematronLevel : customLevels.getOrDefault(ruleId, schematronLevel);
  }

  /** How KoSIT's scenario names write a syntax: "EN16931 (UBL Invoice)". */
  static String syntaxLabel(InvoiceSyntax syntax) {
    return switch (syntax) {
      case UBL_INVOICE -> "UBL Invoice";
      case UBL_CREDIT_NOTE -> "UBL CreditNote";
      case CII -> "CII";
    };
  }
}
