package de.amtsflow.invoice;

import de.amtsflow.invoice.Scenario.RuleSet;
import java.util.ArrayList;
import java.util.List;
import org.xml.sax.Attributes;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads the SVRL a schematron rule set writes, as SAX events, keeping only failed asserts and
 * successful reports: building the whole SVRL tree would cost more than the findings are worth.
 */
final class SvrlCollector extends DefaultHandler {

  static final String SVRL_NS = "http://purl.oclc.org/dsdl/svrl";

  private final RuleSet ruleSet;
  private final Scenario scenario;
  private final List<Finding> findings = new ArrayList<>();
  private final StringBuilder text = new StringBuilder();
  private String rule;
  private String flag;
  private String location;
  private boolean inFinding;
  private boolean inText;

  SvrlCollector(RuleSet ruleSet, Scenario scenario) {
    this.ruleSet = ruleSet;
    this.scenario = scenario;
  }

  List<Finding> findings() {
    return findings;
  }

  @Override
  public void startElement(String uri, String localName, String qName, Attributes attributes) {
    if (!SVRL_NS.equals(uri)) {
      return;
    }
    if ("failed-assert".equals(localName) || "successful-report".equals(localName)) {
      inFinding = true;
      rule = attributes.getValue("", "id");
      flag = attributes.getValue("", "flag");
      location = attributes.getValue("", "location");
      text.setLength(0);
    } else if (inFinding && "text".equals(localName)) {
      inText = true;
    }
  }

  @Override
  public void characters(char[] ch, int start, int length) {
    if (inText) {
      text.append(ch, start, length);
    }
  }

  @Override
  public void endElement(String uri, String localName, String qName) {
    if (!SVRL_NS.equals(uri)) {
      return;
    }
    if ("text".equals(localName)) {
      inText = false;
    } else if ("failed-assert".equals(localName) || "successful-report".equals(localName)) {
      inFinding = false;
      findings.add(
          new Finding(
              ruleSet.label(),
              rule,
              scenario.relevel(rule, levelOf(flag)),
              flag,
              text.toString().strip().replaceAll("\\s+", " "),
              location));
    }
  }

  /** The schematron flag as KoSIT's report reads it; a finding without flag is an error. */
  static Scenario.Level levelOf(String flag) {
    if (flag == null) {
      return Scenario.Level.ERROR;
    }
    return switch (flag) {
      case "warning" -> Scenario.Level.WARNING;
      case "information", "info" -> Scenario.Level.INFORMATION;
      default -> Scenario.Level.ERROR;
    };
  }
}
