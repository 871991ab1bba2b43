package de.amtsflow.invoice;

import de.amtsflow.invoice.Scenario.Level;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;

/**
 * Reads KoSIT's {@code scenarios.xml} (namespace {@value #NS}) into {@link Scenario}s: the match
 * XPath compiled with the scenario's namespaces, each {@code validateWithSchematron} resolved to a
 * rule set file of the release by its file name, the {@code customLevel}s of {@code createReport}.
 * The XML Schema step is not read: the schemas (UBL 2.1, CII D16B) are the same in every release,
 * and the validator takes them by syntax.
 */
final class KositScenarios implements Scenario.Reader {

  static final String NS = "http://www.xoev.de/de/validator/framework/1/scenarios";

  private static final Pattern PLACEHOLDER = Pattern.compile("@([A-Za-z0-9._-]+)@");

  private final Processor processor;

  KositScenarios(Processor processor) {
    this.processor = processor;
  }

  @Override
  public List<Scenario> read(
      URL scenariosXml,
      Map<String, String> placeholders,
      Map<String, RuleSetRelease.RuleFile> ruleFiles,
      String origin) {
    Document doc = parse(scenariosXml, origin);
    List<Scenario> scenarios = new ArrayList<>();
    for (Element scenario : children(doc.getDocumentElement(), "scenario")) {
      String name = text(child(scenario, "name", origin)).strip();
      String where = origin + ", scenario '" + name + "'";
      XPathCompiler xpath = processor.newXPathCompiler();
      for (Element ns : children(scenario, "namespace")) {
        xpath.declareNamespace(ns.getAttribute("prefix"), text(ns).strip());
      }
      String match = fill(text(child(scenario, "match", origin)).strip(), placeholders, where);
      List<Scenario.RuleSet> ruleSets = new ArrayList<>();
      for (Element step : children(scenario, "validateWithSchematron")) {
        Element resource = child(step, "resource", where);
        String resourceName = text(child(resource, "name", where)).strip().replaceAll("\\s+", " ");
        String location = text(child(resource, "location", where)).strip();
        String base = location.substring(location.lastIndexOf('/') + 1).replaceAll("\\.[^.]*$", "");
        RuleSetRelease.RuleFile file = ruleFiles.get(base);
        if (file == null) {
          throw new IllegalStateException(
              where + " runs " + location + ": no " + base + ".xsl/.xslt/.sch in the release");
        }
        ruleSets.add(new Scenario.RuleSet(resourceName + " · " + file.version(), file));
      }
      Map<String, Level> levels = new LinkedHashMap<>();
      for (Element report : children(scenario, "createReport")) {
        for (Element level : children(report, "customLevel")) {
          levels.put(text(level).strip(), level(level.getAttribute("level"), where));
        }
      }
      try {
        scenarios.add(new Scenario(name, xpath.compile(match), ruleSets, levels));
      } catch (SaxonApiException e) {
        throw new IllegalStateException(where + ": match '" + match + "' does not compile", e);
      }
    }
    if (scenarios.isEmpty()) {
      throw new IllegalStateException(origin + ": " + scenariosXml + " holds no scenario");
    }
    return scenarios;
  }

  private static Level level(String level, String where) {
    return switch (level.toLowerCase(Locale.ROOT)) {
      case "error" -> Level.ERROR;
      case "warning" -> Level.WARNING;
      case "information", "info" -> Level.INFORMATION;
      default -> throw new IllegalStateException(where + ": unknown customLevel '" + level + "'");
    };
  }

  private static String fill(String text, Map<String, String> placeholders, String where) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = placeholders.get(m.group(1));
      if (value == null) {
        throw new IllegalStateException(
            where
                + ": placeholder @"
                + m.group(1)
                + "@ has no value (build.xml or placeholder."
                + m.group(1)
                + " in "
                + RuleSetRelease.DESCRIPTOR
                + ")");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(value));
    }
    return m.appendTail(out).toString();
  }

  private static Document parse(URL url, String origin) {
    try (InputStream in = url.openStream()) {
      DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setXIncludeAware(false);
      factory.setExpandEntityReferences(false);
      return factory.newDocumentBuilder().parse(in, url.toString());
    } catch (IOException | SAXException | ParserConfigurationException e) {
      throw new IllegalStateException(origin + ": " + url + " cannot be read: " + e, e);
    }
  }

  private static List<Element> children(Element parent, String localName) {
    List<Element> result = new ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e
          && NS.equals(e.getNamespaceURI())
          && localName.equals(e.getLocalName())) {
        result.add(e);
      }
    }
    return result;
  }

  private static Element child(Element parent, String localName, String where) {
    List<Element> found = children(parent, localName);
    if (found.isEmpty()) {
      throw new IllegalStateException(where + ": <" + localName + "> missing");
    }
    return found.get(0);
  }

  private static String text(Element e) {
    return e.getTextContent();
  }
}
