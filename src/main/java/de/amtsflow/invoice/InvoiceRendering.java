package de.amtsflow.invoice;

import de.amtsflow.efile.EFileStore;
import de.amtsflow.efile.NewDocument;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.transform.Templates;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.URIResolver;
import javax.xml.transform.sax.SAXResult;
import javax.xml.transform.stream.StreamResult;
import javax.xml.transform.stream.StreamSource;
import org.apache.fop.apps.FOPException;
import org.apache.fop.apps.FOUserAgent;
import org.apache.fop.apps.FopFactory;
import org.apache.fop.apps.FopFactoryBuilder;
import org.apache.fop.apps.MimeConstants;
import org.apache.fop.apps.io.ResourceResolverFactory;
import org.apache.fop.configuration.ConfigurationException;
import org.apache.fop.configuration.DefaultConfigurationBuilder;
import org.mustangproject.ClasspathResolverURIAdapter;
import org.mustangproject.XMLTools;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The invoice as a clerk reads it: German HTML for the browser and a PDF/A-3b for the e-file, from
 * the XRechnung stylesheets that Mustang ships (CII or UBL → XR intermediate → HTML or XSL-FO).
 *
 * <p>Mustang's {@code ZUGFeRDVisualizer} compiles its stylesheets per instance and builds a new FOP
 * factory per PDF; compiling the UBL stylesheet alone takes ~2 s on a cold JVM. Here they are
 * compiled once, lazily, and warmed up before readiness ({@link InvoiceWarmUps}), so the first
 * "Lesbare Ansicht" after a restart does not pay for it. Thread-safe.
 */
@Service
class InvoiceRendering {

  static final String KIND = "invoice-rendering";
  static final String TITLE = "Lesbare Fassung der Rechnung";
  static final String FILE_NAME = "rechnung-lesbar.pdf";
  static final String NOTE_FAILED = "RENDERING_FAILED";

  private static final Logger log = LoggerFactory.getLogger(InvoiceRendering.class);
  private static final String STYLESHEETS = "stylesheets/";
  private static final ClassLoader CLASSES = InvoiceRendering.class.getClassLoader();

  /** Resolves the stylesheets' imports and their l10n documents as Mustang does: by name. */
  private static final URIResolver RESOLVER =
      (href, base) ->
          CLASSES.getResource(STYLESHEETS + href) == null
              ? null
              : classpathSource(STYLESHEETS + href);

  private final InvoiceRepository invoices;
  private final InvoiceExtractor extractor;
  private final EFileStore efiles;

  private record Compiled(
      Templates cii,
      Templates ubl,
      Templates creditNote,
      Templates html,
      Templates fo,
      TransformerFactory saxon,
      FopFactory fop) {}

  private final Lazy<Compiled> compiled = new Lazy<>(InvoiceRendering::compile);

  InvoiceRendering(InvoiceRepository invoices, InvoiceExtractor extractor, EFileStore efiles) {
    this.invoices = invoices;
    this.extractor = extractor;
    this.efiles = efiles;
  }

  /** The invoice XML (CII or UBL, invoice or credit note) as a German HTML page. */
  String html(byte[] invoiceXml) {
    return new String(
        transform(compiled().html(), intermediate(invoiceXml)), StandardCharsets.UTF_8);
  }

  /** The invoice XML as a PDF/A-3b with embedded (subset) fonts. */
  byte[] pdf(byte[] invoiceXml) {
    Compiled c = compiled();
    byte[] fo = transform(c.fo(), intermediate(invoiceXml));
    // one rendering at a time: FOP loads fonts lazily into the shared factory, and two first uses
    // at once (the warm-up and a job, or two jobs) left one PDF with an unembedded fallback font
    // ("For PDF/A-3b, all fonts ... have to be embedded! Offending font: /Times-Bold")
    synchronized (c.fop()) {
      return fo(c, fo);
    }
  }

  private static byte[] fo(Compiled c, byte[] fo) {
    try {
      FOUserAgent agent = c.fop().newFOUserAgent();
      agent.getRendererOptions().put("pdf-a-mode", "PDF/A-3b");
      ByteArrayOutputStream pdf = new ByteArrayOutputStream();
      var fop = c.fop().newFop(MimeConstants.MIME_PDF, agent, pdf);
      // the compiling factory, not a new one: each new Saxon factory builds a configuration of its
      // own (catalogs, function library), which cost more than the identity transform itself
      c.saxon()
          .newTransformer()
          .transform(
              new StreamSource(new ByteArrayInputStream(fo)),
              new SAXResult(fop.getDefaultHandler()));
      return pdf.toByteArray();
    } catch (FOPException | TransformerException e) {
      throw new IllegalStateException("cannot render the invoice as PDF", e);
    }
  }

  /**
   * "Lesbare Fassung ablegen": files the PDF rendering in the invoice's e-file, once (a retried job
   * finds it there). A rendering that fails is noted in the e-file's audit trail and logged, not
   * retried: the same XML fails the same way, and the original and the validation report are filed
   * already. A failing e-file store throws, so the job is retried.
   */
  void file(UUID invoiceId) throws IOException {
    InvoiceEntity invoice = invoices.findById(invoiceId).orElseThrow();
    if (efiles.documents(invoice.efileId).stream().anyMatch(d -> KIND.equals(d.kind()))) {
      return;
    }
    byte[] original = efiles.content(invoice.efileId, invoice.originalDocumentId, 1).readAllBytes();
    long started = System.nanoTime();
    byte[] pdf;
    try {
      pdf = pdf(extractor.invoiceXml(original));
    } catch (RuntimeException e) {
      log.warn("invoice {} ({}): no readable rendering", invoice.id, invoice.fileNumber, e);
      efiles.note(
          invoice.efileId,
          NOTE_FAILED,
          "the readable rendering could not be made: " + e.getMessage(),
          "system");
      return;
    }
    efiles.addDocument(invoice.efileId, NewDocument.ofBytes(TITLE, KIND, FILE_NAME, pdf, "system"));
    log.info(
        "invoice {} ({}): readable rendering filed, {} bytes in {} ms",
        invoice.id,
        invoice.fileNumber,
        pdf.length,
        (System.nanoTime() - started) / 1_000_000);
  }

  /**
   * After the node is ready, in a thread of its own: readiness and the first requests do not wait,
   * and the first clerk to open an invoice finds the stylesheets compiled.
   */
  void warmUp() {
    long started = System.nanoTime();
    try (InputStream in = CLASSES.getResourceAsStream("invoice/warm-up-invoice.xml")) {
      byte[] xml = extractor.invoiceXml(in.readAllBytes());
      html(xml);
      pdf(xml);
      log.info("invoice rendering ready in {} ms", (System.nanoTime() - started) / 1_000_000);
    } catch (IOException | RuntimeException e) {
      // the first real rendering compiles them then
      log.warn("invoice rendering warm-up failed", e);
    }
  }

  private Compiled compiled() {
    return compiled.get();
  }

  private static Compiled compile() {
    long started = System.nanoTime();
    TransformerFactory saxon = XMLTools.getTransformerFactory();
    saxon.setURIResolver(RESOLVER);
    try {
      Compiled c =
          new Compiled(
              saxon.newTemplates(classpathSource(STYLESHEETS + "cii-xr.xsl")),
              saxon.newTemplates(classpathSource(STYLESHEETS + "ubl-invoice-xr.xsl")),
              saxon.newTemplates(classpathSource(STYLESHEETS + "ubl-creditnote-xr.xsl")),
              saxon.newTemplates(classpathSource(STYLESHEETS + "xrechnung-html.de.xsl")),
              saxon.newTemplates(classpathSource(STYLESHEETS + "xr-pdf.xsl")),
              saxon,
              fopFactory());
      log.info("invoice stylesheets compiled in {} ms", (System.nanoTime() - started) / 1_000_000);
      return c;
    } catch (TransformerException e) {
      throw new IllegalStateException("cannot compile the invoice stylesheets", e);
    }
  }

  /**
   * Mustang's FOP configuration: A4, its Source Sans/Serif fonts embedded as subsets. Without FOP's
   * complex-script support: a German invoice needs no Arabic shaping or Indic reordering, and with
   * it FOP reads each font's advanced typographic tables (GSUB, GPOS) anew for every document, a
   * tenth of a rendering's CPU time (issue 15's profile).
   */
  private static FopFactory fopFactory() {
    try (InputStream config = CLASSES.getResourceAsStream("fop-config.xconf")) {
      var base = new java.io.File(".").toURI();
      FopFactory factory =
          new FopFactoryBuilder(base, new ClasspathResolverURIAdapter())
              .setConfiguration(new DefaultConfigurationBuilder().build(config))
              .setComplexScriptFeatures(false)
              .build();
      factory
          .getFontManager()
          .setResourceResolver(
              ResourceResolverFactory.createInternalResourceResolver(
                  base, new ClasspathResolverURIAdapter()));
      return factory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ConfigurationException e) {
      throw new IllegalStateException("cannot read Mustang's FOP configuration", e);
    }
  }

  /** First pass: CII, UBL invoice or UBL credit note into the XRechnung intermediate format. */
  private byte[] intermediate(byte[] invoiceXml) {
    Compiled c = compiled();
    Templates first =
        switch (rootName(invoiceXml)) {
          case "CrossIndustryInvoice" -> c.cii();
          case "Invoice" -> c.ubl();
          case "CreditNote" -> c.creditNote();
          default -> throw new IllegalArgumentException("neither CII nor UBL");
        };
    return transform(first, invoiceXml);
  }

  private static byte[] transform(Templates templates, byte[] input) {
    try {
      var transformer = templates.newTransformer();
      transformer.setURIResolver(RESOLVER);
      transformer.setParameter("lang", "de");
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      transformer.transform(
          new StreamSource(new ByteArrayInputStream(input)), new StreamResult(out));
      return out.toByteArray();
    } catch (TransformerException e) {
      throw new IllegalStateException("cannot transform the invoice", e);
    }
  }

  private static String rootName(byte[] xml) {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    try {
      XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(xml));
      try {
        reader.nextTag();
        return reader.getLocalName();
      } finally {
        reader.close();
      }
    } catch (XMLStreamException e) {
      throw new IllegalArgumentException("not XML", e);
    }
  }

  private static StreamSource classpathSource(String name) {
    InputStream in = CLASSES.getResourceAsStream(name);
    if (in == null) {
      throw new IllegalStateException("missing on the classpath: " + name);
    }
    return new StreamSource(in, "classpath:" + name);
  }
}
