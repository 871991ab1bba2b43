package de.amtsflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsflow.invoice.UnsupportedInvoiceFormatException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class InvoiceValidatorTest {

  // one instance for the class: compiling the rule sets is the expensive part
  private static final InvoiceValidator VALIDATOR = new InvoiceValidator();

  @ParameterizedTest
  @ValueSource(
      strings = {
        "xrechnung-testsuite/01.01a-INVOICE_ubl.xml",
        "xrechnung-testsuite/01.06a-INVOICE_ubl.xml",
        "xrechnung-testsuite/01.10a-INVOICE_ubl.xml",
        "xrechnung-testsuite/01.10a-INVOICE_uncefact.xml"
      })
  void acceptsXRechnungFromTheOfficialTestsuite(String fixture) {
    ValidationResult result = VALIDATOR.validate(Fixtures.read(fixture));

    assertThat(result.valid()).as("%s: %s", fixture, result.errors()).isTrue();
    assertThat(result.customizationId()).isEqualTo(Scenario.XRECHNUNG);
    assertThat(result.scenario()).startsWith("EN16931 XRechnung (");
  }

  @Test
  void acceptsVatCategoryOWhereMustangThrows() {
    // Mustang 2.25.0 reports a NullPointerException from its arithmetic re-import here
    ValidationResult result =
        VALIDATOR.validate(Fixtures.read("xrechnung-testsuite/01.04a-INVOICE_uncefact.xml"));

    assertThat(result.valid()).as("%s", result.errors()).isTrue();
    assertThat(result.syntax()).isEqualTo(InvoiceSyntax.CII);
  }

  @Test
  void demotesCodeListRulesForExtensionCii() {
    ValidationResult result =
        VALIDATOR.validate(Fixtures.read("xrechnung-testsuite/04.05a-INVOICE_uncefact.xml"));

    assertThat(result.valid()).as("%s", result.errors()).isTrue();
    assertThat(result.scenario()).isEqualTo("EN16931 XRechnung Extension (CII)");
    // demoted to information: not among the warnings, but in the archived report
    assertThat(result.reportXml()).contains("level=\"information\" rule=\"BR-CL-10\"");
  }

  @Test
  void demotesBrCo16ForThirdPartyPaymentExtension() {
    ValidationResult result =
        VALIDATOR.validate(Fixtures.read("xrechnung-testsuite/05.01a-INVOICE_ubl.xml"));

    assertThat(result.valid()).as("%s", result.errors()).isTrue();
    assertThat(result.reportXml()).contains("level=\"information\" rule=\"BR-CO-16\"");
  }

  @Test
  void demotesBrCl13ForCleanVehiclesDirective() {
    ValidationResult result =
        VALIDATOR.validate(Fixtures.read("xrechnung-testsuite/02.01a-cvd_INVOICE_uncefact.xml"));

    assertThat(result.valid()).as("%s", result.errors()).isTrue();
    assertThat(result.scenario()).isEqualTo("EN16931 XRechnung CVD (CII)");
    assertThat(result.reportXml()).contains("level=\"information\" rule=\"BR-CL-13\"");
  }

  @Test
  void reportsTheRuleIdsOfAnInvalidXRechnung() {
    ValidationResult result =
        VALIDATOR.validate(
            Fixtures.read("mustangproject/invalidXRV30.xml"), LocalDate.of(2026, 12, 3));

    assertThat(result.valid()).isFalse();
    assertThat(result.ruleSetRelease()).isEqualTo("2026-01-31");
    assertThat(result.errors())
        .extracting(RuleViolation::rule)
        .containsExactlyInAnyOrder("BR-CO-16", "BR-DE-15");
    assertThat(result.errors()).allSatisfy(e -> assertThat(e.location()).startsWith("/"));
    assertThat(result.reportXml())
        .contains("<assessment accept=\"false\"/>")
        .contains("rule=\"BR-DE-15\"")
        .contains("<ruleSetRelease id=\"2026-01-31\"")
        .contains("2026-01-31/xrechnung-schematron-2.5.0/cii/XRechnung-CII-validation.sch");
  }

  /** XRechnung Schematron 2.4.0 still carried Peppol's rules; 2.5.0 (2026-01-31) dropped them. */
  @Test
  void anInvoiceReceivedBeforeTheReleaseIsJudgedByTheOneBefore() {
    ValidationResult result =
        VALIDATOR.validate(
            Fixtures.read("mustangproject/invalidXRV30.xml"), LocalDate.of(2026, 1, 30));

    assertThat(result.ruleSetRelease()).isEqualTo("2025-07-10");
    assertThat(result.errors())
        .extracting(RuleViolation::rule)
        .containsExactlyInAnyOrder(
            "BR-CO-16", "BR-DE-15", "PEPPOL-EN16931-R001", "PEPPOL-EN16931-R020");
    assertThat(result.reportXml())
        .contains("name=\"KoSIT XRechnung 3.0.2, Konfiguration 2025-07-10\"")
        .contains("validUntil=\"2026-01-30\"");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "zugferd-corpus/EN16931_Einfach.ubl.xml",
        "zugferd-corpus/EN16931_Einfach.cii.xml"
      })
  void acceptsPlainEn16931AndPeppolWithoutXRechnungRules(String fixture) {
    ValidationResult result = VALIDATOR.validate(Fixtures.read(fixture));

    assertThat(result.valid()).as("%s", result.errors()).isTrue();
    assertThat(result.scenario()).startsWith("EN16931 (");
  }

  @Test
  void refusesFacturXMinimumForWantOfAnEn16931Scenario() {
    String cii =
        new String(Fixtures.read("zugferd-corpus/EN16931_Einfach.cii.xml"), StandardCharsets.UTF_8)
            .replace(
                "<ram:ID>urn:cen.eu:en16931:2017</ram:ID>",
                "<ram:ID>urn:factur-x.eu:1p0:minimum</ram:ID>");

    ValidationResult result = VALIDATOR.validate(cii.getBytes(StandardCharsets.UTF_8));

    assertThat(result.valid()).isFalse();
    assertThat(result.scenario()).isNull();
    assertThat(result.errors()).extracting(RuleViolation::rule).containsExactly("NO-SCENARIO");
  }

  @Test
  void reportsSchemaErrorsAndSkipsTheRulesLikeKosit() {
    String ubl =
        new String(
                Fixtures.read("xrechnung-testsuite/01.01a-INVOICE_ubl.xml"), StandardCharsets.UTF_8)
            .replace("<cbc:IssueDate>", "<cbc:Unexpected/><cbc:IssueDate>");

    ValidationResult result = VALIDATOR.validate(ubl.getBytes(StandardCharsets.UTF_8));

    assertThat(result.valid()).isFalse();
    assertThat(result.errors())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.rule()).isEqualTo(RuleViolation.XML_SCHEMA);
              assertThat(e.message()).contains("Unexpected");
              assertThat(e.location()).matches("\\d+:\\d+");
            });
    assertThat(result.reportXml()).contains("skipped=\"true\"");
  }

  @Test
  void validatesTheInvoiceEmbeddedInAPdf() {
    byte[] xml = Fixtures.read("xrechnung-testsuite/01.10a-INVOICE_uncefact.xml");

    ValidationResult result = VALIDATOR.validate(Fixtures.pdf("factur-x.xml", xml));

    assertThat(result.valid()).as("%s", result.errors()).isTrue();
    assertThat(result.reportXml()).contains("embeddedFile=\"factur-x.xml\"");
  }

  @Test
  void refusesAPdfWithoutEmbeddedInvoice() {
    assertThatThrownBy(() -> VALIDATOR.validate(Fixtures.pdf(null, null)))
        .isInstanceOfSatisfying(
            UnsupportedInvoiceFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NO_EMBEDDED_INVOICE));
  }

  @Test
  void refusesRandomBytesThatClaimToBeAPdf() {
    byte[] junk = new byte[2048];
    new Random(42).nextBytes(junk);
    System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, junk, 0, 9);

    assertThatThrownBy(() -> VALIDATOR.validate(junk))
        .isInstanceOfSatisfying(
            UnsupportedInvoiceFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.MALFORMED));
  }

  @Test
  void refusesXmlThatIsNoInvoice() {
    byte[] xml =
        "<?xml version=\"1.0\"?><order xmlns=\"urn:example\"/>".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> VALIDATOR.validate(xml))
        .isInstanceOfSatisfying(
            UnsupportedInvoiceFormatException.class,
            e -> assertThat(e.reason()).isEqualTo(Reason.NOT_AN_INVOICE));
  }

  @Test
  void refusesContentThatIsNeitherXmlNorPdf() {
    assertThatThrownBy(() -> VALIDATOR.validate("Rechnung 4711".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnsupportedInvoiceFormatException.class);
  }

  @Test
  void refusesXxeWithoutReadingTheFile() {
    String xxe =
        """
        <?xml version="1.0"?>
        <!DOCTYPE Invoice [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
        <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2"
            xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
          <cbc:CustomizationID>urn:cen.eu:en16931:2017</cbc:CustomizationID>
          <cbc:ID>&xxe;</cbc:ID>
        </Invoice>
        """;

    assertThatThrownBy(() -> VALIDATOR.validate(xxe.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOfSatisfying(
            UnsupportedInvoiceFormatException.class,
            e -> {
              assertThat(e.reason()).isEqualTo(Reason.MALFORMED);
              assertThat(e.getMessage()).doesNotContain("root:");
            });
  }

  @Test
  void refusesEntityExpansion() {
    String billionLaughs =
        """
        <?xml version="1.0"?>
        <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">]>
        <CrossIndustryInvoice xmlns="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100">&lol2;</CrossIndustryInvoice>
        """;

    assertThatThrownBy(() -> VALIDATOR.validate(billionLaughs.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(UnsupportedInvoiceFormatException.class);
  }
}
