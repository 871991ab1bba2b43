package de.amtsflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsflow.invoice.InvoiceData.Skonto;
import de.amtsflow.invoice.LeitwegId.Status;
import java.math.BigDecimal;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvoiceExtractorTest {

  private static final InvoiceExtractor EXTRACTOR = new InvoiceExtractor();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "xrechnung-testsuite/01.10a-INVOICE_ubl.xml",
        "xrechnung-testsuite/01.10a-INVOICE_uncefact.xml"
      })
  void extractsTheSameInvoiceFromUblAndCii(String fixture) {
    InvoiceData data = EXTRACTOR.extract(Fixtures.read(fixture));

    assertThat(data.invoiceNumber()).isEqualTo("Rechnungsnummer");
    assertThat(data.typeCode()).isEqualTo("380");
    assertThat(data.issueDate()).isEqualTo(LocalDate.of(2016, 6, 27));
    assertThat(data.currency()).isEqualTo("EUR");
    assertThat(data.buyerReference()).isEqualTo("04011000-12350-85");
    assertThat(data.leitwegId().status()).isEqualTo(Status.VALID);
    assertThat(data.seller().name()).isEqualTo("[Seller name]");
    assertThat(data.seller().vatId()).isEqualTo("DE123456789");
    assertThat(data.seller().address().line1()).isEqualTo("[Seller address line 1]");
    assertThat(data.seller().address().city()).isEqualTo("[Seller city]");
    assertThat(data.seller().address().postcode()).isEqualTo("12345");
    assertThat(data.seller().address().countryCode()).isEqualTo("DE");
    assertThat(data.totals().net()).isEqualByComparingTo("2180");
    assertThat(data.totals().tax()).isEqualByComparingTo("414.2");
    assertThat(data.totals().gross()).isEqualByComparingTo("2594.2");
    assertThat(data.totals().amountDue()).isEqualByComparingTo("2594.2");
    assertThat(data.iban()).isEqualTo("DE79000000001234567890");
    assertThat(data.paymentTerms().skonto())
        .containsExactly(
            new Skonto(7, new BigDecimal("2.00"), null),
            new Skonto(14, new BigDecimal("1.00"), null),
            new Skonto(30, new BigDecimal("0.00"), null));
    assertThat(data.lines())
        .singleElement()
        .satisfies(
            line -> {
              assertThat(line.id()).isEqualTo("1");
              assertThat(line.name()).isEqualTo("Drehstuhl");
              assertThat(line.quantity()).isEqualByComparingTo("10");
              assertThat(line.unitCode()).isEqualTo("XPP");
              assertThat(line.netPrice()).isEqualByComparingTo("218");
              assertThat(line.netAmount()).isEqualByComparingTo("2180");
              assertThat(line.vatCategory()).isEqualTo("S");
              assertThat(line.vatRate()).isEqualByComparingTo("19");
            });
  }

  @Test
  void extractsThePurchaseOrderReferenceNotTheSalesOrder() {
    assertThat(
            EXTRACTOR
                .extract(Fixtures.read("xrechnung-testsuite/01.10a-INVOICE_ubl.xml"))
                .orderReference())
        .isEqualTo("Dummywert");
    // the CII twin carries only BT-14 (SellerOrderReferencedDocument), which is not BT-13
    assertThat(
            EXTRACTOR
                .extract(Fixtures.read("xrechnung-testsuite/01.10a-INVOICE_uncefact.xml"))
                .orderReference())
        .isNull();
  }

  @Test
  void flagsTheTestsuiteLeitwegIdWithWrongCheckDigits() {
    InvoiceData data =
        EXTRACTOR.extract(Fixtures.read("xrechnung-testsuite/01.06a-INVOICE_ubl.xml"));

    assertThat(data.buyerReference()).isEqualTo("99000000-01944-98");
    assertThat(data.leitwegId().status()).isEqualTo(Status.CHECK_DIGITS_FAILED);
  }

  @Test
  void extractsFromTheXmlEmbeddedInAPdf() {
    byte[] xml = Fixtures.read("xrechnung-testsuite/01.10a-INVOICE_uncefact.xml");

    InvoiceData data = EXTRACTOR.extract(Fixtures.pdf("xrechnung.xml", xml));

    assertThat(data.syntax()).isEqualTo(InvoiceSyntax.CII);
    assertThat(data.invoiceNumber()).isEqualTo("Rechnungsnummer");
  }

  @Test
  void parsesSkontoWithBaseAmountAndKeepsOtherText() {
    InvoiceData.PaymentTerms terms =
        InvoiceExtractor.paymentTerms(
            "Zahlbar in 30 Tagen.\n#SKONTO#TAGE=10#PROZENT=3.00#BASISBETRAG=-1000.50#\n");

    assertThat(terms.text()).startsWith("Zahlbar in 30 Tagen.");
    assertThat(terms.skonto())
        .containsExactly(new Skonto(10, new BigDecimal("3.00"), new BigDecimal("-1000.50")));
    assertThat(InvoiceExtractor.paymentTerms(null).skonto()).isEmpty();
    assertThat(InvoiceExtractor.paymentTerms("2 % Skonto bei Zahlung in 7 Tagen").skonto())
        .isEmpty();
  }
}
