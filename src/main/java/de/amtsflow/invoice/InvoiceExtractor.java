package de.amtsflow.invoice;

import de.amtsflow.invoice.InvoiceData.Address;
import de.amtsflow.invoice.InvoiceData.Line;
import de.amtsflow.invoice.InvoiceData.Party;
import de.amtsflow.invoice.InvoiceData.PaymentTerms;
import de.amtsflow.invoice.InvoiceData.Skonto;
import de.amtsflow.invoice.InvoiceData.Totals;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.sf.saxon.s9api.Processor;
import net.sf.saxon.s9api.SaxonApiException;
import net.sf.saxon.s9api.XPathCompiler;
import net.sf.saxon.s9api.XPathExecutable;
import net.sf.saxon.s9api.XPathSelector;
import net.sf.saxon.s9api.XdmItem;
import net.sf.saxon.s9api.XdmNode;
import net.sf.saxon.s9api.XdmValue;
import org.springframework.stereotype.Service;

/**
 * Reads the fields a clerk works with from a UBL or CII invoice (or the XML in a PDF). It does not
 * validate: run {@link InvoiceValidator} first. Thread-safe; XPath expressions are compiled once.
 */
@Service
public class InvoiceExtractor {

  private enum Field {
    NUMBER,
    TYPE,
    ISSUE_DATE,
    DUE_DATE,
    CURRENCY,
    BUYER_REFERENCE,
    ORDER_REFERENCE,
    SELLER_NAME,
    SELLER_VAT_ID,
    SELLER_EMAIL,
    LINE1,
    LINE2,
    LINE3,
    CITY,
    POSTCODE,
    SUBDIVISION,
    COUNTRY,
    NET,
    TAX,
    GROSS,
    DUE,
    IBAN,
    PAYMENT_TERMS,
    LINES,
    LINE_ID,
    LINE_NAME,
    LINE_QUANTITY,
    LINE_UNIT,
    LINE_PRICE,
    LINE_AMOUNT,
    LINE_VAT_CATEGORY,
    LINE_VAT_RATE
  }

  private static final Map<Field, String> UBL = new EnumMap<>(Field.class);
  private static final Map<Field, String> CII = new EnumMap<>(Field.class);

  static {
    String seller = "/*/cac:AccountingSupplierParty/cac:Party";
    String address = seller + "/cac:PostalAddress/";
    UBL.put(Field.NUMBER, "/*/cbc:ID");
    UBL.put(Field.TYPE, "(/*/cbc:InvoiceTypeCode, /*/cbc:CreditNoteTypeCode)[1]");
    UBL.put(Field.ISSUE_DATE, "/*/cbc:IssueDate");
    UBL.put(Field.DUE_DATE, "(/*/cbc:DueDate, /*/cac:PaymentMeans/cbc:PaymentDueDate)[1]");
    UBL.put(Field.CURRENCY, "/*/cbc:DocumentCurrencyCode");
    UBL.put(Field.BUYER_REFERENCE, "/*/cbc:BuyerReference");
    UBL.put(Field.ORDER_REFERENCE, "/*/cac:OrderReference/cbc:ID");
    UBL.put(Field.SELLER_NAME, seller + "/cac:PartyLegalEntity/cbc:RegistrationName");
    UBL.put(
        Field.SELLER_VAT_ID,
        seller + "/cac:PartyTaxScheme[cac:TaxScheme/cbc:ID='VAT']/cbc:CompanyID");
    // BT-43 seller contact e-mail, else BT-34 electronic address with scheme EM
    UBL.put(
        Field.SELLER_EMAIL,
        "("
            + seller
            + "/cac:Contact/cbc:ElectronicMail, "
            + seller
            + "/cbc:EndpointID[@schemeID='EM'])[1]");
    UBL.put(Field.LINE1, address + "cbc:StreetName");
    UBL.put(Field.LINE2, address + "cbc:AdditionalStreetName");
    UBL.put(Field.LINE3, address + "cac:AddressLine/cbc:Line");
    UBL.put(Field.CITY, address + "cbc:CityName");
    UBL.put(Field.POSTCODE, address + "cbc:PostalZone");
    UBL.put(Field.SUBDIVISION, address + "cbc:CountrySubentity");
    UBL.put(Field.COUNTRY, address + "cac:Country/cbc:IdentificationCode");
    UBL.put(Field.NET, "/*/cac:LegalMonetaryTotal/cbc:TaxExclusiveAmount");
    UBL.put(
        Field.TAX,
        "(/*/cac:TaxTotal/cbc:TaxAmount[@currencyID = /*/cbc:DocumentCurrencyCode],"
            + " /*/cac:TaxTotal/cbc:TaxAmount)[1]");
    UBL.put(Field.GROSS, "/*/cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount");
    UBL.put(Field.DUE, "/*/cac:LegalMonetaryTotal/cbc:PayableAmount");
    UBL.put(Field.IBAN, "/*/cac:PaymentMeans/cac:PayeeFinancialAccount/cbc:ID");
    UBL.put(Field.PAYMENT_TERMS, "/*/cac:PaymentTerms/cbc:Note");
    UBL.put(Field.LINES, "/*/cac:InvoiceLine | /*/cac:CreditNoteLine");
    UBL.put(Field.LINE_ID, "cbc:ID");
    UBL.put(Field.LINE_NAME, "cac:Item/cbc:Name");
    UBL.put(Field.LINE_QUANTITY, "(cbc:InvoicedQuantity, cbc:CreditedQuantity)[1]");
    UBL.put(Field.LINE_UNIT, "(cbc:InvoicedQuantity, cbc:CreditedQuantity)[1]/@unitCode");
    UBL.put(Field.LINE_PRICE, "cac:Price/cbc:PriceAmount");
    UBL.put(Field.LINE_AMOUNT, "cbc:LineExtensionAmount");
    UBL.put(Field.LINE_VAT_CATEGORY, "cac:Item/cac:ClassifiedTaxCategory/cbc:ID");
    UBL.put(Field.LINE_VAT_RATE, "cac:Item/cac:ClassifiedTaxCategory/cbc:Percent");

    String tx = "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/";
    String agreement = tx + "ram:ApplicableHeaderTradeAgreement/";
    String settlement = tx + "ram:ApplicableHeaderTradeSettlement/";
    String sum = settlement + "ram:SpecifiedTradeSettlementHeaderMonetarySummation/";
    String cSeller = agreement + "ram:SellerTradeParty/";
    String cAddress = cSeller + "ram:PostalTradeAddress/";
    CII.put(Field.NUMBER, "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:ID");
    CII.put(Field.TYPE, "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:TypeCode");
    CII.put(
        Field.ISSUE_DATE,
        "/rsm:CrossIndustryInvoice/rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString");
    CII.put(
        Field.DUE_DATE,
        settlement + "ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString");
    CII.put(Field.CURRENCY, settlement + "ram:InvoiceCurrencyCode");
    CII.put(Field.BUYER_REFERENCE, agreement + "ram:BuyerReference");
    CII.put(
        Field.ORDER_REFERENCE, agreement + "ram:BuyerOrderReferencedDocument/ram:IssuerAssignedID");
    CII.put(Field.SELLER_NAME, cSeller + "ram:Name");
    CII.put(Field.SELLER_VAT_ID, cSeller + "ram:SpecifiedTaxRegistration/ram:ID[@schemeID='VA']");
    CII.put(
        Field.SELLER_EMAIL,
        "("
            + cSeller
            + "ram:DefinedTradeContact/ram:EmailURIUniversalCommunication/ram:URIID, "
            + cSeller
            + "ram:URIUniversalCommunication/ram:URIID[@schemeID='EM'])[1]");
    CII.put(Field.LINE1, cAddress + "ram:LineOne");
    CII.put(Field.LINE2, cAddress + "ram:LineTwo");
    CII.put(Field.LINE3, cAddress + "ram:LineThree");
    CII.put(Field.CITY, cAddress + "ram:CityName");
    CII.put(Field.POSTCODE, cAddress + "ram:PostcodeCode");
    CII.put(Field.SUBDIVISION, cAddress + "ram:CountrySubDivisionName");
    CII.put(Field.COUNTRY, cAddress + "ram:CountryID");
    CII.put(Field.NET, sum + "ram:TaxBasisTotalAmount");
    CII.put(
        Field.TAX,
        "("
            + sum
            + "ram:TaxTotalAmount[@currencyID = "
            + settlement
            + "ram:InvoiceCurrencyCode], "
            + sum
            + "ram:TaxTotalAmount)[1]");
    CII.put(Field.GROSS, sum + "ram:GrandTotalAmount");
    CII.put(Field.DUE, sum + "ram:DuePayableAmount");
    CII.put(
        Field.IBAN,
        settlement
            + "ram:SpecifiedTradeSettlementPaymentMeans/ram:PayeePartyCreditorFinancialAccount"
            + "/ram:IBANID");
    CII.put(Field.PAYMENT_TERMS, settlement + "ram:SpecifiedTradePaymentTerms/ram:Description");
    CII.put(Field.LINES, tx + "ram:IncludedSupplyChainTradeLineItem");
    CII.put(Field.LINE_ID, "ram:AssociatedDocumentLineDocument/ram:LineID");
    CII.put(Field.LINE_NAME, "ram:SpecifiedTradeProduct/ram:Name");
    CII.put(Field.LINE_QUANTITY, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity");
    CII.put(Field.LINE_UNIT, "ram:SpecifiedLineTradeDelivery/ram:BilledQuantity/@unitCode");
    CII.put(
        Field.LINE_PRICE,
        "ram:SpecifiedLineTradeAgreement/ram:NetPriceProductTradePrice/ram:ChargeAmount");
    CII.put(
        Field.LINE_AMOUNT,
        "ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation"
            + "/ram:LineTotalAmount");
    CII.put(
        Field.LINE_VAT_CATEGORY,
        "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:CategoryCode");
    CII.put(
        Field.LINE_VAT_RATE,
        "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:RateApplicablePercent");
  }

  // XRechnung 3.0, chapter "Skonto": one line per tier, each ending with '#'
  private static final Pattern SKONTO =
      Pattern.compile(
          "#SKONTO#TAGE=(\\d+)#PROZENT=(\\d+(?:\\.\\d+)?)#(?:BASISBETRAG=(-?\\d+(?:\\.\\d+)?)#)?");
  private static final DateTimeFormatter CII_DATE = DateTimeFormatter.BASIC_ISO_DATE;

  /** Saxon and the compiled XPaths, built on first use: they cost ~1 s of start-up otherwise. */
  private record Compiled(
      InvoiceReader reader, Map<InvoiceSyntax, Map<Field, XPathExecutable>> expressions) {}

  private final Lazy<Compiled> compiled = new Lazy<>(InvoiceExtractor::compileAll);

  public InvoiceExtractor() {}

  private Compiled compiled() {
    return compiled.get();
  }

  private static Compiled compileAll() {
    Processor processor = new Processor(false);
    XPathCompiler ubl = processor.newXPathCompiler();
    ubl.declareNamespace("cbc", InvoiceReader.CBC_NS);
    ubl.declareNamespace(
        "cac", "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2");
    XPathCompiler cii = processor.newXPathCompiler();
    cii.declareNamespace("rsm", InvoiceReader.CII_NS);
    cii.declareNamespace("ram", InvoiceReader.RAM_NS);
    cii.declareNamespace("udt", "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100");
    Map<InvoiceSyntax, Map<Field, XPathExecutable>> expressions =
        new EnumMap<>(InvoiceSyntax.class);
    Map<Field, XPathExecutable> ublExpressions = compile(ubl, UBL);
    expressions.put(InvoiceSyntax.UBL_INVOICE, ublExpressions);
    expressions.put(InvoiceSyntax.UBL_CREDIT_NOTE, ublExpressions);
    expressions.put(InvoiceSyntax.CII, compile(cii, CII));
    return new Compiled(new InvoiceReader(processor), expressions);
  }

  private static Map<Field, XPathExecutable> compile(
      XPathCompiler compiler, Map<Field, String> paths) {
    Map<Field, XPathExecutable> compiled = new EnumMap<>(Field.class);
    paths.forEach(
        (field, path) -> {
          try {
            compiled.put(field, compiler.compile(path));
          } catch (SaxonApiException e) {
            throw new IllegalStateException("XPath for " + field + " does not compile: " + path, e);
          }
        });
    return compiled;
  }

  /**
   * Extracts the fields of an invoice given as XML or as PDF with embedded XML.
   *
   * @throws UnsupportedInvoiceFormatException for anything that is no such invoice
   */
  /** The invoice XML itself: the content, or the XML embedded in a PDF. */
  byte[] invoiceXml(byte[] content) {
    return compiled().reader().locate(content).xml();
  }

  public InvoiceData extract(byte[] content) {
    Compiled c = compiled();
    ParsedInvoice invoice = c.reader().read(content);
    Map<Field, XPathExecutable> x = c.expressions().get(invoice.syntax());
    XdmNode doc = invoice.document();
    boolean cii = invoice.syntax() == InvoiceSyntax.CII;

    String buyerReference = text(x, Field.BUYER_REFERENCE, doc);
    Party seller =
        new Party(
            text(x, Field.SELLER_NAME, doc),
            text(x, Field.SELLER_VAT_ID, doc),
            text(x, Field.SELLER_EMAIL, doc),
            new Address(
                text(x, Field.LINE1, doc),
                text(x, Field.LINE2, doc),
                text(x, Field.LINE3, doc),
                text(x, Field.CITY, doc),
                text(x, Field.POSTCODE, doc),
                text(x, Field.SUBDIVISION, doc),
                text(x, Field.COUNTRY, doc)));
    Totals totals =
        new Totals(
            amount(x, Field.NET, doc),
            amount(x, Field.TAX, doc),
            amount(x, Field.GROSS, doc),
            amount(x, Field.DUE, doc));
    List<Line> lines = new ArrayList<>();
    for (XdmItem item : evaluate(x.get(Field.LINES), doc)) {
      XdmNode line = (XdmNode) item;
      lines.add(
          new Line(
              text(x, Field.LINE_ID, line),
              text(x, Field.LINE_NAME, line),
              amount(x, Field.LINE_QUANTITY, line),
              text(x, Field.LINE_UNIT, line),
              amount(x, Field.LINE_PRICE, line),
              amount(x, Field.LINE_AMOUNT, line),
              text(x, Field.LINE_VAT_CATEGORY, line),
              amount(x, Field.LINE_VAT_RATE, line)));
    }
    return new InvoiceData(
        invoice.syntax(),
        text(x, Field.NUMBER, doc),
        text(x, Field.TYPE, doc),
        date(text(x, Field.ISSUE_DATE, doc), cii),
        date(text(x, Field.DUE_DATE, doc), cii),
        text(x, Field.CURRENCY, doc),
        buyerReference,
        LeitwegId.validate(buyerReference),
        text(x, Field.ORDER_REFERENCE, doc),
        seller,
        totals,
        text(x, Field.IBAN, doc),
        paymentTerms(allText(x.get(Field.PAYMENT_TERMS), doc)),
        lines);
  }

  /** Parses the XRechnung Skonto lines out of BT-20; other text stays in {@code text}. */
  static PaymentTerms paymentTerms(String text) {
    if (text == null) {
      return new PaymentTerms(null, List.of());
    }
    List<Skonto> skonto = new ArrayList<>();
    Matcher m = SKONTO.matcher(text.replaceAll("\\s", ""));
    while (m.find()) {
      skonto.add(
          new Skonto(
              Integer.parseInt(m.group(1)),
              new BigDecimal(m.group(2)),
              m.group(3) == null ? null : new BigDecimal(m.group(3))));
    }
    return new PaymentTerms(text, skonto);
  }

  private static XdmValue evaluate(XPathExecutable expression, XdmNode context) {
    try {
      XPathSelector selector = expression.load();
      selector.setContextItem(context);
      return selector.evaluate();
    } catch (SaxonApiException e) {
      throw new IllegalStateException("XPath evaluation failed", e);
    }
  }

  private static String text(Map<Field, XPathExecutable> x, Field field, XdmNode context) {
    XdmValue value = evaluate(x.get(field), context);
    if (value.size() == 0) {
      return null;
    }
    String text = value.itemAt(0).getStringValue().strip();
    return text.isEmpty() ? null : text;
  }

  /** All matches joined by line breaks (CII may carry several payment terms). */
  private static String allText(XPathExecutable expression, XdmNode context) {
    List<String> parts = new ArrayList<>();
    for (XdmItem item : evaluate(expression, context)) {
      String part = item.getStringValue().strip();
      if (!part.isEmpty()) {
        parts.add(part);
      }
    }
    return parts.isEmpty() ? null : String.join("\n", parts);
  }

  private static BigDecimal amount(Map<Field, XPathExecutable> x, Field field, XdmNode context) {
    String text = text(x, field, context);
    try {
      return text == null ? null : new BigDecimal(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static LocalDate date(String text, boolean cii) {
    if (text == null) {
      return null;
    }
    try {
      return cii ? LocalDate.parse(text, CII_DATE) : LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
