package de.amtsflow.invoice;

import de.amtsflow.invoice.UnsupportedInvoiceFormatException.Reason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import javax.xml.XMLConstants;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.parsers.SAXParserFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import javax.xml.validation.ValidatorHandler;
import net.sf.saxon.s9api.BuildingContentHandler;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.QName;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmNodeKind;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.xml.sax.ContentHandler;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Turns uploaded bytes into a {@link ParsedInvoice}: sniffs PDF vs. XML from the content (never
 * from a file name or media type), pulls the invoice XML out of a ZUGFeRD/Factur-X/XRechnung PDF
 * and parses it with DOCTYPEs refused, so neither XXE nor entity expansion can happen.
 */
final class InvoiceReader {

  static final String UBL_INVOICE_NS = "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2";
  static final String UBL_CREDIT_NOTE_NS =
      "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2";
  static final String CII_NS = "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100";
  static final String CBC_NS =
      "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2";
  static final String RAM_NS =
      "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100";
  static final String ZUGFERD_1_NS = "urn:ferd:CrossIndustryDocument:invoice:1p0";

  /** Attachment names of ZUGFeRD 2.x, Factur-X and XRechnung-in-PDF, in order of preference. */
  private static final List<String> INVOICE_ATTACHMENTS =
      List.of("factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml", "order-x.xml");

  /** An invoice XML is a few MB at most, even with attachments; XRechnung allows 15 MB of them. */
  static final int MAX_ATTACHMENT_BYTES = 64 * 1024 * 1024;

  private static final QName CBC_CUSTOMIZATION_ID = new QName(CBC_NS, "CustomizationID");
  private static final QName RSM_CONTEXT = new QName(CII_NS, "ExchangedDocumentContext");
  private static final QName RAM_GUIDELINE =
      new QName(RAM_NS, "GuidelineSpecifiedDocumentContextParameter");
  private static final QName RAM_ID = new QName(RAM_NS, "ID");

  private static final ContentHandler NO_CONTENT = new DefaultHandler();

  private final Processor processor;
  private final SAXParserFactory parserFactory;
  private final XMLInputFactory staxFactory;
  // creating a Xerces parser costs about as much as parsing a small invoice: one per thread
  private final ThreadLocal<XMLReader> readers = ThreadLocal.withInitial(this::newXmlReader);

  InvoiceReader(Processor processor) {
    this.processor = processor;
    this.parserFactory = secureParserFactory();
    this.staxFactory = XMLInputFactory.newFactory();
    staxFactory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    staxFactory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
  }

  /** A namespace-aware SAX parser factory that refuses DOCTYPEs and any external access. */
  static SAXParserFactory secureParserFactory() {
    try {
      SAXParserFactory factory = SAXParserFactory.newInstance();
      factory.setNamespaceAware(true);
      factory.setValidating(false);
      factory.setXIncludeAware(false);
      factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
      factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
      factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
      factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
      factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      return factory;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("XML parser cannot be secured", e);
    }
  }

  XMLReader newXmlReader() {
    try {
      XMLReader reader = parserFactory.newSAXParser().getXMLReader();
      reader.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
      reader.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
      // Xerces' default handler prints fatal errors to stderr before throwing them
      reader.setErrorHandler(
          new DefaultHandler() {
            @Override
            public void fatalError(SAXParseException e) throws SAXParseException {
              throw e;
            }
          });
      return reader;
    } catch (ParserConfigurationException | SAXException e) {
      throw new IllegalStateException("XML parser cannot be created", e);
    }
  }

  /** The invoice XML inside the content, with its syntax sniffed from the root element. */
  record Located(byte[] xml, InvoiceSyntax syntax, String embeddedFileName) {}

  /** Reads the content into a tree without XML Schema validation (for extraction). */
  ParsedInvoice read(byte[] content) {
    return parse(locate(content), null);
  }

  /**
   * Finds the invoice XML: the content itself, or the attachment of a PDF. Only the root element is
   * read here, so that foreign XML is refused before it is parsed in full.
   */
  Located locate(byte[] content) {
    if (content == null || content.length == 0) {
      throw new UnsupportedInvoiceFormatException(Reason.NOT_AN_INVOICE, "Empty content");
    }
    if (isPdf(content)) {
      return locateInPdf(content);
    }
    if (!looksLikeXml(content)) {
      throw new UnsupportedInvoiceFormatException(
          Reason.NOT_AN_INVOICE, "Content is neither XML nor PDF");
    }
    return new Located(content, syntaxOf(content), null);
  }

  /**
   * Parses the located XML into a Saxon tree in one pass; when a validator handler is given, the
   * same SAX events run through XML Schema validation on their way into the tree.
   */
  ParsedInvoice parse(Located located, ValidatorHandler schemaValidation) {
    XMLReader xmlReader = readers.get();
    BuildingContentHandler builder;
    try {
      builder = processor.newDocumentBuilder().newBuildingContentHandler();
    } catch (SaxonApiException e) {
      throw new IllegalStateException("Saxon tree builder cannot be created", e);
    }
    try {
      if (schemaValidation != null) {
        schemaValidation.setContentHandler(builder);
        xmlReader.setContentHandler(schemaValidation);
      } else {
        xmlReader.setContentHandler(builder);
      }
      xmlReader.parse(new InputSource(new ByteArrayInputStream(located.xml())));
    } catch (SAXException e) {
      throw new UnsupportedInvoiceFormatException(
          Reason.MALFORMED, "XML is not well-formed or declares a DOCTYPE: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalStateException("In-memory XML cannot be read", e);
    } finally {
      // the pooled reader must not keep the last document alive
      xmlReader.setContentHandler(NO_CONTENT);
      if (schemaValidation != null) {
        schemaValidation.setContentHandler(null);
      }
    }
    XdmNode document;
    try {
      document = builder.getDocumentNode();
    } catch (SaxonApiException e) {
      throw new IllegalStateException("Saxon tree is incomplete after a successful parse", e);
    }
    XdmNode root = rootElement(document);
    String customizationId;
    if (located.syntax() == InvoiceSyntax.CII) {
      XdmNode context = child(root, RSM_CONTEXT);
      XdmNode guideline = context == null ? null : child(context, RAM_GUIDELINE);
      customizationId = guideline == null ? null : childText(guideline, RAM_ID);
    } else {
      customizationId = childText(root, CBC_CUSTOMIZATION_ID);
    }
    return new ParsedInvoice(
        located.syntax(), customizationId, document, located.xml(), located.embeddedFileName());
  }

  /** The syntax named by the root element, read with StAX up to that element only. */
  InvoiceSyntax syntaxOf(byte[] xml) {
    String ns;
    String local;
    try {
      XMLStreamReader stax = staxFactory.createXMLStreamReader(new ByteArrayInputStream(xml));
      try {
        while (stax.next() != XMLStreamConstants.START_ELEMENT) {
          // prolog: declaration, comments, processing instructions
        }
        ns = stax.getNamespaceURI();
        local = stax.getLocalName();
      } finally {
        stax.close();
      }
    } catch (XMLStreamException | NoSuchElementException e) {
      throw new UnsupportedInvoiceFormatException(
          Reason.MALFORMED, "XML is not well-formed: " + e.getMessage(), e);
    }
    if (UBL_INVOICE_NS.equals(ns) && "Invoice".equals(local)) {
      return InvoiceSyntax.UBL_INVOICE;
    } else if (UBL_CREDIT_NOTE_NS.equals(ns) && "CreditNote".equals(local)) {
      return InvoiceSyntax.UBL_CREDIT_NOTE;
    } else if (CII_NS.equals(ns) && "CrossIndustryInvoice".equals(local)) {
      return InvoiceSyntax.CII;
    } else if (ZUGFERD_1_NS.equals(ns)) {
      // ZUGFeRD 1.0 predates EN 16931 and uses its own CII dialect; no EN 16931 rule set applies.
      throw new UnsupportedInvoiceFormatException(
          Reason.NOT_AN_INVOICE, "ZUGFeRD 1.0 is no EN 16931 invoice");
    }
    throw new UnsupportedInvoiceFormatException(
        Reason.NOT_AN_INVOICE, "Unsupported root element {" + ns + "}" + local);
  }

  private Located locateInPdf(byte[] content) {
    List<Attachment> attachments;
    try (PDDocument pdf = Loader.loadPDF(content)) {
      attachments = embeddedFiles(pdf);
    } catch (IOException e) {
      throw new UnsupportedInvoiceFormatException(
          Reason.MALFORMED, "PDF cannot be read: " + e.getMessage(), e);
    }
    for (String preferred : INVOICE_ATTACHMENTS) {
      for (Attachment a : attachments) {
        if (a.name().toLowerCase(Locale.ROOT).equals(preferred) && looksLikeXml(a.content())) {
          return new Located(a.content(), syntaxOf(a.content()), a.name());
        }
      }
    }
    // some producers name the attachment freely; take the first XML that is an invoice
    for (Attachment a : attachments) {
      if (a.name().toLowerCase(Locale.ROOT).endsWith(".xml") && looksLikeXml(a.content())) {
        try {
          return new Located(a.content(), syntaxOf(a.content()), a.name());
        } catch (UnsupportedInvoiceFormatException notThisOne) {
          // try the next attachment
        }
      }
    }
    throw new UnsupportedInvoiceFormatException(
        Reason.NO_EMBEDDED_INVOICE, "PDF carries no embedded invoice XML");
  }

  private record Attachment(String name, byte[] content) {}

  private static List<Attachment> embeddedFiles(PDDocument pdf) throws IOException {
    List<Attachment> result = new ArrayList<>();
    PDDocumentNameDictionary names = pdf.getDocumentCatalog().getNames();
    if (names != null && names.getEmbeddedFiles() != null) {
      collect(names.getEmbeddedFiles(), result, 0);
    }
    return result;
  }

  private static void collect(
      PDNameTreeNode<PDComplexFileSpecification> node, List<Attachment> into, int depth)
      throws IOException {
    if (depth > 16) {
      return; // a name tree deeper than this is hostile, not a real invoice
    }
    Map<String, PDComplexFileSpecification> files = node.getNames();
    if (files != null) {
      for (Map.Entry<String, PDComplexFileSpecification> e : files.entrySet()) {
        PDComplexFileSpecification spec = e.getValue();
        PDEmbeddedFile file = spec.getEmbeddedFileUnicode();
        if (file == null) {
          file = spec.getEmbeddedFile();
        }
        if (file != null) {
          String name = spec.getFileUnicode() != null ? spec.getFileUnicode() : spec.getFile();
          into.add(new Attachment(name != null ? name : e.getKey(), bounded(file)));
        }
      }
    }
    if (node.getKids() != null) {
      for (PDNameTreeNode<PDComplexFileSpecification> kid : node.getKids()) {
        collect(kid, into, depth + 1);
      }
    }
  }

  /** Decompresses at most {@link #MAX_ATTACHMENT_BYTES}: a small PDF may inflate to gigabytes. */
  private static byte[] bounded(PDEmbeddedFile file) throws IOException {
    try (InputStream in = file.createInputStream()) {
      byte[] content = in.readNBytes(MAX_ATTACHMENT_BYTES + 1);
      if (content.length > MAX_ATTACHMENT_BYTES) {
        throw new UnsupportedInvoiceFormatException(
            Reason.MALFORMED, "PDF attachment larger than " + MAX_ATTACHMENT_BYTES + " bytes");
      }
      return content;
    }
  }

  static boolean isPdf(byte[] content) {
    // the header may follow some junk bytes; readers accept it within the first kilobyte
    byte[] magic = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    int limit = Math.min(content.length - magic.length, 1024);
    outer:
    for (int i = 0; i <= limit; i++) {
      for (int j = 0; j < magic.length; j++) {
        if (content[i + j] != magic[j]) {
          continue outer;
        }
      }
      return true;
    }
    return false;
  }

  private static boolean looksLikeXml(byte[] content) {
    int i = 0;
    if (content.length >= 3
        && (content[0] & 0xFF) == 0xEF
        && (content[1] & 0xFF) == 0xBB
        && (content[2] & 0xFF) == 0xBF) {
      i = 3;
    }
    if (content.length >= 2
        && ((content[0] & 0xFF) == 0xFE || (content[0] & 0xFF) == 0xFF)
        && ((content[1] & 0xFF) == 0xFF || (content[1] & 0xFF) == 0xFE)) {
      return true; // UTF-16 with byte order mark
    }
    while (i < content.length && Character.isWhitespace(content[i])) {
      i++;
    }
    return i < content.length && content[i] == '<';
  }

  static XdmNode rootElement(XdmNode document) {
    for (XdmNode node : document.children()) {
      if (node.getNodeKind() == XdmNodeKind.ELEMENT) {
        return node;
      }
    }
    throw new UnsupportedInvoiceFormatException(Reason.NOT_AN_INVOICE, "XML has no root element");
  }

  static XdmNode child(XdmNode parent, QName name) {
    for (XdmNode node : parent.children()) {
      if (node.getNodeKind() == XdmNodeKind.ELEMENT && name.equals(node.getNodeName())) {
        return node;
      }
    }
    return null;
  }

  static String childText(XdmNode parent, QName name) {
    XdmNode child = child(parent, name);
    return child == null ? null : child.getStringValue().strip();
  }
}
