package de.amtsflow.invoice;

import java.util.List;
import java.util.Map;

/**
 * What KoSIT's validator configuration for XRechnung 3.0.2 does with one kind of document: which
 * XML Schema and schematron rule sets it runs, and which rules its report re-levels ({@code
 * <customLevel>} in its scenarios.xml). The verdict is "accept" when there is no finding of level
 * {@link Level#ERROR} after re-levelling.
 */
record Scenario(String name, List<RuleSet> ruleSets, Map<String, Level> customLevels) {

  enum Level {
    ERROR,
    WARNING,
    INFORMATION
  }

  /** The compiled schematron rule sets shipped in Mustang's validator jar. */
  enum RuleSet {
    EN16931_UBL("EN 16931 1.3.14.2 (UBL)", "/xslt/en16931schematron/EN16931-UBL-validation.xslt"),
    EN16931_CII("EN 16931 1.3.14.2 (CII)", "/xslt/en16931schematron/EN16931-CII-validation.xslt"),
    XRECHNUNG_UBL(
        "XRechnung 3.0.2 schematron 2.4.0 (UBL)", "/xslt/XR_30/XRechnung-UBL-validation.xslt"),
    XRECHNUNG_CII(
        "XRechnung 3.0.2 schematron 2.4.0 (CII)", "/xslt/XR_30/XRechnung-CII-validation.xslt");

    final String label;
    final String resource;

    RuleSet(String label, String resource) {
      this.label = label;
      this.resource = resource;
    }
  }

  static final String EN16931 = "urn:cen.eu:en16931:2017";
  static final String XRECHNUNG = EN16931 + "#compliant#urn:xeinkauf.de:kosit:xrechnung_3.0";
  static final String XRECHNUNG_EXTENSION =
      XRECHNUNG + "#conformant#urn:xeinkauf.de:kosit:extension:xrechnung_3.0";
  static final String XRECHNUNG_CVD =
      XRECHNUNG + "#compliant#urn:xeinkauf.de:kosit:xrechnung:cvd_0.9";

  // KoSIT: BR-CL-21 (item standard identifier scheme) and BR-CL-23 (unit codes) only warn, because
  // the code lists lag behind what is used in practice.
  private static final Map<String, Level> XRECHNUNG_LEVELS =
      Map.of("BR-CL-21", Level.WARNING, "BR-CL-23", Level.WARNING);

  // The Extension adds identifier schemes and sub-invoice lines (third-party payments, BR-CO-16)
  // that the core code lists and sums do not know; KoSIT keeps reporting them but does not reject.
  private static final Map<String, Level> EXTENSION_UBL_LEVELS =
      Map.of(
          "BR-CL-21", Level.INFORMATION,
          "BR-CL-23", Level.WARNING,
          "BR-CL-24", Level.WARNING,
          "BR-CL-10", Level.INFORMATION,
          "BR-CL-11", Level.INFORMATION,
          "BR-CL-25", Level.INFORMATION,
          "BR-CL-26", Level.INFORMATION,
          "BR-CO-16", Level.INFORMATION);
  private static final Map<String, Level> EXTENSION_CII_LEVELS =
      Map.of(
          "BR-CL-23", Level.WARNING,
          "BR-CL-21", Level.INFORMATION,
          "BR-CL-11", Level.INFORMATION,
          "BR-CL-10", Level.INFORMATION,
          "BR-CL-25", Level.INFORMATION,
          "BR-CL-26", Level.INFORMATION);

  // CVD widens UNTDID 7143 by the scheme "CVD" for the vehicle category (BT-158). The XRechnung
  // schematron checks that scheme itself (BR-TMP-CVD-01), so KoSIT demotes the core BR-CL-13.
  private static final Map<String, Level> CVD_LEVELS =
      Map.of("BR-CL-21", Level.WARNING, "BR-CL-23", Level.WARNING, "BR-CL-13", Level.INFORMATION);

  /**
   * KoSIT's scenario selection. XRechnung ids select XSD + EN 16931 + XRechnung rules. Any other EN
   * 16931 customization (plain, Peppol BIS Billing 3.0, Factur-X/ZUGFeRD BASIC, EN16931, EXTENDED,
   * older XRechnung) gets XSD + EN 16931 rules: KoSIT's XRechnung configuration matches only the
   * bare {@code urn:cen.eu:en16931:2017} there, but § 4 ERechV obliges authorities to accept every
   * EN 16931 invoice. Anything else (Factur-X MINIMUM/BASIC WL, which are no complete invoices, or
   * no id at all) has no scenario: {@code null}.
   */
  static Scenario select(InvoiceSyntax syntax, String customizationId) {
    if (customizationId == null) {
      return null;
    }
    boolean ubl = syntax != InvoiceSyntax.CII;
    String suffix =
        switch (syntax) {
          case UBL_INVOICE -> " (UBL Invoice)";
          case UBL_CREDIT_NOTE -> " (UBL CreditNote)";
          case CII -> " (CII)";
        };
    List<RuleSet> xrechnung =
        ubl
            ? List.of(RuleSet.EN16931_UBL, RuleSet.XRECHNUNG_UBL)
            : List.of(RuleSet.EN16931_CII, RuleSet.XRECHNUNG_CII);
    switch (customizationId) {
      case XRECHNUNG:
        return new Scenario("EN16931 XRechnung" + suffix, xrechnung, XRECHNUNG_LEVELS);
      case XRECHNUNG_EXTENSION:
        // KoSIT has no Extension scenario for UBL credit notes; the invoice one fits best
        return new Scenario(
            "EN16931 XRechnung Extension" + suffix,
            xrechnung,
            ubl ? EXTENSION_UBL_LEVELS : EXTENSION_CII_LEVELS);
      case XRECHNUNG_CVD:
        return new Scenario("EN16931 XRechnung CVD" + suffix, xrechnung, CVD_LEVELS);
      default:
        if (customizationId.startsWith(EN16931)) {
          return new Scenario(
              "EN16931" + suffix,
              List.of(ubl ? RuleSet.EN16931_UBL : RuleSet.EN16931_CII),
              Map.of());
        }
        return null;
    }
  }

  Level relevel(String ruleId, Level schematronLevel) {
    return ruleId == null ? schematronLevel : customLevels.getOrDefault(ruleId, schematronLevel);
  }
}
