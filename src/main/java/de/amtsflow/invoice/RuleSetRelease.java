package de.amtsflow.invoice;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.SAXParser;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.helpers.DefaultHandler;

/**
 * One release of the e-invoice rule sets: a folder shaped like KoSIT's validator configuration (its
 * {@code scenarios.xml}, the EN 16931 and XRechnung rule sets as compiled XSLT or Schematron
 * source), read as data. Releases ship in {@code src/main/resources/einvoice-rules/<id>/}; an
 * operator adds one by dropping such a folder into {@code amtsflow.invoice.rules.dir}.
 *
 * <p>What a folder says about itself, each from an optional {@code release.properties} first:
 *
 * <ul>
 *   <li>{@code name}: otherwise "KoSIT XRechnung <version>, Konfiguration <id>" from KoSIT's {@code
 *       build.xml} beside {@code scenarios.xml};
 *   <li>{@code valid-from} / {@code valid-until} (ISO dates, inclusive): otherwise from the folder
 *       name (a date such as {@code 2026-01-31}) until the day before the next release starts;
 *   <li>{@code placeholder.<key>}: the value of {@code @key@} in {@code scenarios.xml}, otherwise
 *       the property of that name in {@code build.xml} (as KoSIT's build fills them);
 *   <li>{@code rules.<name>} (and {@code rules.<name>.version}): where the rule set a scenario
 *       names by {@code .../<name>.xsl} is; otherwise the file {@code <name>.xsl}, {@code .xslt} or
 *       {@code .sch} anywhere in the folder, its version the name of its top folder (e.g. {@code
 *       cen-en16931-1.3.15}).
 * </ul>
 *
 * @param id the folder name, e.g. {@code 2026-01-31}
 * @param name the release as reports name it
 * @param validFrom first receipt date this release judges
 * @param validUntil last receipt date it judges, {@code null} if open-ended (then it ends when the
 *     next release starts)
 * @param scenarios KoSIT's scenarios in their order (the first that matches applies)
 * @param origin where the release was read from, for logs
 */
record RuleSetRelease(
    String id,
    String name,
    LocalDate validFrom,
    LocalDate validUntil,
    List<Scenario> scenarios,
    String origin) {

  static final String DESCRIPTOR = "release.properties";
  static final String SCENARIOS = "scenarios.xml";

  /** A rule set file of a release: where it is and how reports name it. */
  record RuleFile(URL url, String path, String version) {
    boolean isSchematronSource() {
      return path.endsWith(".sch");
    }
  }

  boolean judges(LocalDate receiptDate) {
    return !receiptDate.isBefore(validFrom)
        && (validUntil == null || !receiptDate.isAfter(validUntil));
  }

  RuleSetRelease endingBefore(LocalDate nextStart) {
    return validUntil != null ? this : withValidUntil(nextStart.minusDays(1));
  }

  private RuleSetRelease withValidUntil(LocalDate until) {
    return new RuleSetRelease(id, name, validFrom, until, scenarios, origin);
  }

  /** The scenario that judges this document, or {@code null}. */
  Scenario select(ParsedInvoice invoice) {
    for (Scenario scenario : scenarios) {
      if (scenario.matches(invoice.document())) {
        return scenario;
      }
    }
    // § 4 ERechV obliges an authority to accept every EN 16931 invoice, KoSIT's XRechnung
    // configuration matches only the bare CEN id: any other EN 16931 customization (Peppol BIS,
    // Factur-X/ZUGFeRD EN16931 and EXTENDED, older XRechnung) gets the release's plain EN 16931
    // scenario for its syntax. Factur-X MINIMUM/BASIC WL (no complete invoices) get none.
    String id = invoice.customizationId();
    if (id == null || !id.startsWith(Scenario.EN16931)) {
      return null;
    }
    String plain = "EN16931 (" + Scenario.syntaxLabel(invoice.syntax()) + ")";
    return scenarios.stream().filter(s -> s.name().equals(plain)).findFirst().orElse(null);
  }

  /**
   * Reads a release.
   *
   * @param files every file of the release folder by its path relative to the folder ({@code /}
   *     separated)
   * @param scenarioCompiler turns the scenarios.xml into scenarios (it compiles their XPaths)
   */
  static RuleSetRelease read(
      String id, Map<String, URL> files, String origin, Scenario.Reader scenarioCompiler) {
    Properties descriptor = properties(files.get(DESCRIPTOR));
    String scenariosPath =
        files.keySet().stream()
            .filter(p -> p.equals(SCENARIOS) || p.endsWith("/" + SCENARIOS))
            .sorted((a, b) -> Integer.compare(a.length(), b.length()))
            .findFirst()
            .orElseThrow(() -> new IllegalStateException(origin + " has no " + SCENARIOS));
    String folder =
        scenariosPath.contains("/")
            ? scenariosPath.substring(0, scenariosPath.lastIndexOf('/') + 1)
            : "";
    Map<String, String> placeholders = antProperties(files.get(folder + "build.xml"), origin);
    descriptor.stringPropertyNames().stream()
        .filter(k -> k.startsWith("placeholder."))
        .forEach(k -> placeholders.put(k.substring(12), descriptor.getProperty(k)));

    Map<String, RuleFile> rules = ruleFiles(files, descriptor, origin);
    List<Scenario> scenarios =
        scenarioCompiler.read(files.get(scenariosPath), placeholders, rules, origin);

    String name =
        descriptor.getProperty(
            "name",
            "KoSIT XRechnung "
                + placeholders.getOrDefault("xrechnung.version", "?")
                + ", Konfiguration "
                + placeholders.getOrDefault("validator.configuration.version.full", id));
    LocalDate validFrom = date(descriptor.getProperty("valid-from", id), "valid-from", origin);
    String until = descriptor.getProperty("valid-until");
    return new RuleSetRelease(
        id,
        name,
        validFrom,
        until == null ? null : date(until, "valid-until", origin),
        scenarios,
        origin);
  }

  private static Map<String, RuleFile> ruleFiles(
      Map<String, URL> files, Properties descriptor, String origin) {
    Map<String, RuleFile> rules = new LinkedHashMap<>();
    files.forEach(
        (path, url) -> {
          Matcher m = RULE_FILE.matcher(path);
          if (m.matches()) {
            String top = path.contains("/") ? path.substring(0, path.indexOf('/')) : path;
            rules.putIfAbsent(m.group(1), new RuleFile(url, path, top));
          }
        });
    for (String key : descriptor.stringPropertyNames()) {
      if (key.startsWith("rules.") && !key.endsWith(".version")) {
        String name = key.substring(6);
        String location = descriptor.getProperty(key);
        URL url =
            location.startsWith("classpath:")
                ? RuleSetRelease.class.getResource(location.substring(10))
                : files.get(location);
        if (url == null) {
          throw new IllegalStateException(origin + ": " + key + " names " + location + ", missing");
        }
        rules.put(
            name, new RuleFile(url, location, descriptor.getProperty(key + ".version", location)));
      }
    }
    return rules;
  }

  private static final Pattern RULE_FILE = Pattern.compile("(?:.*/)?([^/]+)\\.(?:xslt?|sch)");

  private static LocalDate date(String text, String what, String origin) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      throw new IllegalStateException(
          origin
              + ": "
              + what
              + " '"
              + text
              + "' is no ISO date; name the folder by its release date (2026-01-31) or set "
              + what
              + " in "
              + DESCRIPTOR);
    }
  }

  private static Properties properties(URL url) {
    Properties properties = new Properties();
    if (url != null) {
      try (InputStream in = url.openStream()) {
        properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return properties;
  }

  /** The {@code <property name value>} of an Ant build file, {@code ${x}} resolved in order. */
  static Map<String, String> antProperties(URL buildXml, String origin) {
    Map<String, String> properties = new LinkedHashMap<>();
    if (buildXml == null) {
      return properties;
    }
    try (InputStream in = buildXml.openStream()) {
      SAXParser parser = InvoiceReader.secureParserFactory().newSAXParser();
      parser.parse(
          new InputSource(in),
          new DefaultHandler() {
            @Override
            public void startElement(String uri, String local, String qName, Attributes a) {
              String name = a.getValue("name");
              String value = a.getValue("value");
              if ("property".equals(qName) && name != null && value != null) {
                properties.putIfAbsent(name, resolve(value, properties));
              }
            }
          });
    } catch (IOException | SAXException | javax.xml.parsers.ParserConfigurationException e) {
      throw new IllegalStateException(origin + ": build.xml cannot be read: " + e.getMessage(), e);
    }
    return properties;
  }

  private static final Pattern ANT_REFERENCE = Pattern.compile("\\$\\{([^}]+)}");

  private static String resolve(String value, Map<String, String> known) {
    return ANT_REFERENCE
        .matcher(value)
        .replaceAll(m -> Matcher.quoteReplacement(known.getOrDefault(m.group(1), m.group())));
  }
}
