package de.amtsflow.invoice;

import de.amtsflow.invoice.Scenario.Level;
import de.amtsflow.invoice.Scenario.RuleSet;
import de.amtsflow.invoice.ValidationReport.Step;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.URISyntaxException;
import java.net.URL;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.ValidatorHandler;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SAXDestination;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmDestination;
import net.sf.saxon.s9api.XsltCompiler;
import net.sf.saxon.s9api.XsltExecutable;
import net.sf.saxon.s9api.XsltTransformer;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * Validates e-invoices with the verdict of the official KoSIT validator: KoSIT's scenarios (which
 * rule sets, which re-levelled rules) and rule sets are data, one {@link RuleSetRelease} per KoSIT
 * configuration release, and the release in force on the receipt date judges (see {@link
 * RuleSetCatalog}). The XML Schemas are those Mustang's validator and ph-cii ship.
 *
 * <p>Why not Mustang's {@code ZUGFeRDValidator} per call: it re-reads and re-wraps its XSLT per
 * call (~45 ms median per invoice), its rule sets are fixed at its build, and its verdict differs
 * from KoSIT's. (1) After the rules, Mustang recomputes the invoice with its own importer ({@code
 * XMLValidator.checkArithmetics}); for VAT category O (not subject to VAT) there is no rate, {@code
 * Item.enrichProductFromVATBreakdown} compares {@code null} and the NullPointerException is
 * reported as a validation exception, so valid invoices fail. KoSIT has no such step: the EN 16931
 * rules (BR-CO-*, BR-O-*) are the arithmetic check, so this class runs only the rules. (2) Mustang
 * has no scenario levels, so it rejects Extension and CVD documents on code-list rules that KoSIT's
 * scenarios.xml demotes, and accepts CII documents on warnings KoSIT raises to errors (CII-SR-452
 * to -454).
 *
 * <p>Thread-safe: XML Schemas and XSLT executables are compiled once (lazily, on first use of each,
 * or by {@link #warmUp}) and shared; parsers, validators and transformers are created per call.
 */
@Service
public class InvoiceValidator {

  private static final Map<InvoiceSyntax, String> SCHEMAS =
      Map.of(
          InvoiceSyntax.UBL_INVOICE, "/schema/UBL_21/maindoc/UBL-Invoice-2.1.xsd",
          InvoiceSyntax.UBL_CREDIT_NOTE, "/schema/UBL_21/maindoc/UBL-CreditNote-2.1.xsd",
          // the full UN/CEFACT CII D16B schema as KoSIT uses it (shipped in ph-cii-d16b, which
          // Mustang brings); Mustang's own Factur-X profile schemas are narrower
          InvoiceSyntax.CII,
              "/external/schemas/d16b/data/standard/CrossIndustryInvoice_100pD16B.xsd");

  /** SchXslt 1.10.1, the Schematron compiler KoSIT's configuration build uses. */
  private static final String SCHXSLT_PIPELINE = "/xslt/2.0/pipeline-for-svrl.xsl";

  private final Processor processor;
  private final InvoiceReader reader;
  private final RuleSetCatalog catalog;
  private final Clock clock;
  private final Map<InvoiceSyntax, Schema> schemas = new ConcurrentHashMap<>();
  private final Map<String, XsltExecutable> ruleSets = new ConcurrentHashMap<>();
  private final ThreadLocal<Map<InvoiceSyntax, ValidatorHandler>> validatorHandlers =
      ThreadLocal.withInitial(() -> new EnumMap<>(InvoiceSyntax.class));

  /** The shipped rule set releases, chosen by today's date in Germany. */
  public InvoiceValidator() {
    this(new RuleSetProperties(null, null), Clock.system(ZoneId.of("Europe/Berlin")));
  }

  @Autowired
  InvoiceValidator(RuleSetProperties rules, Clock clock) {
    this.processor = new Processor(false);
    this.reader = new InvoiceReader(processor);
    this.catalog = RuleSetCatalog.load(new KositScenarios(processor), rules.folder(), rules.pin());
    this.clock = clock;
  }

  /** The releases known, oldest first, each with its validity. */
  List<RuleSetRelease> releases() {
    return catalog.releases();
  }

  /** The release that judges an invoice received on this date. */
  RuleSetRelease inForce(LocalDate receiptDate) {
    return catalog.inForce(receiptDate);
  }

  /**
   * Validates an invoice received today.
   *
   * @see #validate(byte[], LocalDate)
   */
  public ValidationResult validate(byte[] content) {
    return validate(content, LocalDate.now(clock));
  }

  /**
   * Validates an invoice given as XML (UBL Invoice/CreditNote, CII) or as PDF with embedded XML,
   * with the rule set release in force on its receipt date.
   *
   * @throws UnsupportedInvoiceFormatException for anything that is no such invoice
   */
  public ValidationResult validate(byte[] content, LocalDate receiptDate) {
    return validate(content, catalog.inForce(receiptDate));
  }

  /** Validates with the given release (the corpus test runs every release). */
  ValidationResult validate(byte[] content, RuleSetRelease release) {
    InvoiceReader.Located located = reader.locate(content);
    List<Finding> schemaFindings = new ArrayList<>();
    ValidatorHandler schemaValidation = validatorHandler(located.syntax());
    schemaValidation.setErrorHandler(new CollectingErrorHandler(schemaFindings));
    ParsedInvoice invoice;
    try {
      invoice = reader.parse(located, schemaValidation);
    } finally {
      schemaValidation.setErrorHandler(null);
    }
    Scenario scenario = release.select(invoice);
    List<Step> steps = new ArrayList<>();
    if (scenario == null) {
      Finding none =
          new Finding(
              "scenario",
              "NO-SCENARIO",
              Level.ERROR,
              null,
              "No EN 16931 rule set applies to customization id (BT-24) '"
                  + invoice.customizationId()
                  + "': only EN 16931 invoices (urn:cen.eu:en16931:2017…) are accepted",
              null);
      steps.add(new Step("scenario selection", release.name(), false, List.of(none)));
      return result(content, invoice, release, null, steps);
    }

    steps.add(new Step("XML Schema", SCHEMAS.get(invoice.syntax()), false, schemaFindings));
    // like KoSIT: the rules assume a schema-valid document, so they run only on one
    boolean schemaValid = schemaFindings.stream().noneMatch(f -> f.level() == Level.ERROR);
    for (RuleSet ruleSet : scenario.ruleSets()) {
      List<Finding> findings = schemaValid ? runSchematron(ruleSet, invoice, scenario) : List.of();
      steps.add(
          new Step(
              ruleSet.label(), release.id() + "/" + ruleSet.file().path(), !schemaValid, findings));
    }
    return result(content, invoice, release, scenario, steps);
  }

  /** Compiles the rule sets of the release in force today, so the first invoice does not wait. */
  void warmUp() {
    RuleSetRelease release = catalog.inForce(LocalDate.now(clock));
    release.scenarios().stream()
        .flatMap(s -> s.ruleSets().stream())
        .distinct()
        .forEach(r -> ruleSets.computeIfAbsent(r.file().url().toString(), k -> compile(r)));
    SCHEMAS
        .keySet()
        .forEach(syntax -> schemas.computeIfAbsent(syntax, InvoiceValidator::loadSchema));
  }

  private static ValidationResult result(
      byte[] content,
      ParsedInvoice invoice,
      RuleSetRelease release,
      Scenario scenario,
      List<Step> steps) {
    List<RuleViolation> errors = new ArrayList<>();
    List<RuleViolation> warnings = new ArrayList<>();
    for (Step step : steps) {
      for (Finding f : step.findings()) {
        if (f.level() == Level.ERROR) {
          errors.add(f.toViolation());
        } else if (f.level() == Level.WARNING) {
          warnings.add(f.toViolation());
        }
      }
    }
    boolean valid = errors.isEmpty();
    return new ValidationResult(
        valid,
        invoice.syntax(),
        invoice.customizationId(),
        scenario == null ? null : scenario.name(),
        release.id(),
        errors,
        warnings,
        ValidationReport.write(content, invoice, release, scenario, steps, valid));
  }

  /** One validator handler per thread and syntax: creating one costs more than using it. */
  private ValidatorHandler validatorHandler(InvoiceSyntax syntax) {
    return validatorHandlers
        .get()
        .computeIfAbsent(
            syntax,
            key -> {
              ValidatorHandler handler =
                  schemas.computeIfAbsent(key, InvoiceValidator::loadSchema).newValidatorHandler();
              try {
                handler.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
                handler.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
              } catch (SAXException e) {
                throw new IllegalStateException("XML Schema validator cannot be secured", e);
              }
              return handler;
            });
  }

  private static Finding schemaFinding(String message, SAXParseException e) {
    String location = e == null ? null : e.getLineNumber() + ":" + e.getColumnNumber();
    return new Finding(
        "XML Schema", RuleViolation.XML_SCHEMA, Level.ERROR, null, message, location);
  }

  private record CollectingErrorHandler(List<Finding> findings) implements ErrorHandler {
    @Override
    public void warning(SAXParseException e) {
      // XML Schema warnings do not concern validity; KoSIT does not report them either
    }

    @Override
    public void error(SAXParseException e) {
      findings.add(schemaFinding(e.getMessage(), e));
    }

    @Override
    public void fatalError(SAXParseException e) throws SAXParseException {
      findings.add(schemaFinding(e.getMessage(), e));
      throw e;
    }
  }

  private List<Finding> runSchematron(RuleSet ruleSet, ParsedInvoice invoice, Scenario scenario) {
    XsltExecutable executable =
        ruleSets.computeIfAbsent(ruleSet.file().url().toString(), key -> compile(ruleSet));
    XsltTransformer transformer = executable.load();
    transformer.setMessageHandler(message -> {});
    SvrlCollector svrl = new SvrlCollector(ruleSet, scenario);
    try {
      transformer.setInitialContextNode(invoice.document());
      transformer.setDestination(new SAXDestination(svrl));
      transformer.transform();
    } catch (SaxonApiException e) {
      // a rule set that cannot run on a schema-valid document is our defect, not the sender's
      throw new IllegalStateException(ruleSet.label() + " failed: " + e.getMessage(), e);
    }
    return svrl.findings();
  }

  /**
   * Compiles a rule set (a Schematron source first to XSLT, with SchXslt as KoSIT's build does)
   * after dropping its {@code svrl:fired-rule} output. The skeletons write one such element per
   * rule and matching node, thousands for a large invoice, and no verdict reads them; asserts,
   * reports and their flags stay untouched.
   */
  private XsltExecutable compile(RuleSet ruleSet) {
    URL url = ruleSet.file().url();
    XsltCompiler compiler = processor.newXsltCompiler();
    // the generated rule sets trigger style warnings (xsl:value-of in functions) that mean nothing
    compiler.setErrorReporter(error -> {});
    try (InputStream in = url.openStream()) {
      StreamSource source = new StreamSource(in, url.toURI().toString());
      javax.xml.transform.Source stylesheet = source;
      if (ruleSet.file().isSchematronSource()) {
        XsltTransformer schxslt = schematronCompiler().load();
        schxslt.setSource(source);
        XdmDestination compiled = new XdmDestination();
        compiled.setBaseURI(url.toURI());
        schxslt.setDestination(compiled);
        schxslt.transform();
        stylesheet = compiled.getXdmNode().asSource();
      }
      XsltTransformer slim = slimmer().load();
      slim.setSource(stylesheet);
      XdmDestination slimmed = new XdmDestination();
      slimmed.setBaseURI(url.toURI());
      slim.setDestination(slimmed);
      slim.transform();
      return compiler.compile(slimmed.getXdmNode().asSource());
    } catch (SaxonApiException | IOException | URISyntaxException e) {
      throw new IllegalStateException("Rule set " + url + " cannot be compiled", e);
    }
  }

  private XsltExecutable schematronCompiler() throws SaxonApiException, URISyntaxException {
    URL pipeline = resource(SCHXSLT_PIPELINE);
    try (InputStream in = pipeline.openStream()) {
      return processor.newXsltCompiler().compile(new StreamSource(in, pipeline.toURI().toString()));
    } catch (IOException e) {
      throw new IllegalStateException("SchXslt cannot be read", e);
    }
  }

  private XsltExecutable slimmer() throws SaxonApiException {
    String identityWithoutFiredRules =
        """
        <xsl:stylesheet version="2.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
            xmlns:svrl="http://purl.oclc.org/dsdl/svrl">
          <xsl:template match="@*|node()">
            <xsl:copy><xsl:apply-templates select="@*|node()"/></xsl:copy>
          </xsl:template>
          <xsl:template match="svrl:fired-rule"/>
        </xsl:stylesheet>
        """;
    return processor
        .newXsltCompiler()
        .compile(new StreamSource(new StringReader(identityWithoutFiredRules)));
  }

  private static Schema loadSchema(InvoiceSyntax syntax) {
    URL url = resource(SCHEMAS.get(syntax));
    try {
      SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      // imports resolve inside the jars only; "nested" is how the JDK sees a jar inside Spring
      // Boot's executable jar (jar:nested:/app.jar/!BOOT-INF/lib/x.jar!/...)
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "jar,file,nested");
      return factory.newSchema(url);
    } catch (SAXException e) {
      throw new IllegalStateException("XML Schema " + url + " cannot be loaded", e);
    }
  }

  private static URL resource(String name) {
    URL url = InvoiceValidator.class.getResource(name);
    if (url == null) {
      throw new IllegalStateException(name + " is missing from the classpath");
    }
    return url;
  }
}
