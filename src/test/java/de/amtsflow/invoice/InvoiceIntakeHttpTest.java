package de.amtsflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsflow.AbstractHttpTest;
import de.amtsflow.efile.Document;
import de.amtsflow.efile.EFileStore;
import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.web.client.RestClient;

/**
 * The supplier intake over real HTTP: every encoding the validator reads is filed (the e-file
 * store's sniffing agrees with the invoice reader), the texts suppliers read, and the rate limits
 * per address and per logged-in user at their production defaults.
 */
// a context of its own: closed after the class, so the next class's engine 'default' is the
// only one registered (see EFileStoreH2Test)
@org.springframework.test.annotation.DirtiesContext
@TestPropertySource(
    properties = {
      // a context of its own (other limits): its own database and engine name, as the shared
      // context's engine must stay the one engine REST finds as "default"
      "spring.datasource.url=jdbc:h2:mem:invoice-intake-http;DB_CLOSE_DELAY=-1",
      "amtsflow.data-dir=target/test-data/invoice-intake-http",
      "camunda.bpm.generate-unique-process-engine-name=true",
      // Camunda's webapps hold their engine lookup in static fields: a second context with them
      // would take Tasklist away from the shared one
      "camunda.bpm.webapp.enabled=false",
      "amtsflow.invoice.intake-per-minute=30",
      "amtsflow.invoice.intake-per-minute-authenticated=600"
    })
class InvoiceIntakeHttpTest extends AbstractHttpTest {

  private static final String DECLARATION = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>";

  @Autowired EFileStore efiles;
  @Autowired InvoiceValidator validator;

  private static String ubl(String number) {
    return new String(InvoiceApprovalProcessTest.small(number), StandardCharsets.UTF_8);
  }

  private static byte[] encoded(byte[] bom, String text, Charset charset) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(bom);
    out.writeBytes(text.getBytes(charset));
    return out.toByteArray();
  }

  /** From one fixture: what suppliers' software produces besides the plain UTF-8 file. */
  private static Map<String, byte[]> variants() {
    byte[] utf8Bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] le = {(byte) 0xFF, (byte) 0xFE};
    byte[] be = {(byte) 0xFE, (byte) 0xFF};
    String utf16Declaration = "<?xml version=\"1.0\" encoding=\"UTF-16\"?>";
    Map<String, byte[]> v = new LinkedHashMap<>();
    v.put(
        "without declaration",
        encoded(new byte[0], body(InvoiceApprovalProcessTest.unique()), StandardCharsets.UTF_8));
    v.put(
        "UTF-8 with BOM",
        encoded(utf8Bom, ubl(InvoiceApprovalProcessTest.unique()), StandardCharsets.UTF_8));
    v.put(
        "UTF-8 with BOM, without declaration",
        encoded(utf8Bom, body(InvoiceApprovalProcessTest.unique()), StandardCharsets.UTF_8));
    v.put(
        "UTF-16LE with BOM",
        encoded(
            le,
            utf16Declaration + body(InvoiceApprovalProcessTest.unique()),
            StandardCharsets.UTF_16LE));
    v.put(
        "UTF-16BE with BOM",
        encoded(
            be,
            utf16Declaration + body(InvoiceApprovalProcessTest.unique()),
            StandardCharsets.UTF_16BE));
    v.put(
        "UTF-16LE with BOM, without declaration",
        encoded(le, body(InvoiceApprovalProcessTest.unique()), StandardCharsets.UTF_16LE));
    v.put(
        "UTF-16BE with BOM, without declaration",
        encoded(be, body(InvoiceApprovalProcessTest.unique()), StandardCharsets.UTF_16BE));
    v.put(
        "PDF/A-3 with factur-x.xml",
        Fixtures.pdf("factur-x.xml", Fixtures.read("zugferd-corpus/EN16931_Einfach.cii.xml")));
    return v;
  }

  private static String body(String number) {
    String xml = ubl(number);
    assertThat(xml).startsWith(DECLARATION);
    return xml.substring(DECLARATION.length()).stripLeading();
  }

  private ResponseEntity<JsonNode> upload(RestClient client, byte[] content, String fileName) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add(
        "file",
        new ByteArrayResource(content) {
          @Override
          public String getFilename() {
            return fileName;
          }
        });
    return client
        .post()
        .uri("/api/invoices")
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(form)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  private ResponseEntity<JsonNode> raw(RestClient client, byte[] content, String from) {
    return client
        .post()
        .uri("/api/invoices")
        .contentType(MediaType.APPLICATION_XML)
        .header("X-Forwarded-For", from)
        .body(content)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  static String sha256(byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
  }

  @Test
  void everyEncodingTheValidatorReadsIsFiledAsSent() throws Exception {
    for (Map.Entry<String, byte[]> variant : variants().entrySet()) {
      byte[] content = variant.getValue();
      assertThat(validator.validate(content).valid()).as(variant.getKey()).isTrue();

      // raw as portals post it (the Content-Type is only a hint), the PDF as the page uploads it
      ResponseEntity<JsonNode> response =
          variant.getKey().startsWith("PDF")
              ? upload(anonymous, content, "rechnung.pdf")
              : raw(anonymous, content, "198.51.100.1");

      assertThat(response.getStatusCode().value()).as(variant.getKey()).isEqualTo(202);
      assertThat(response.getBody().get("validation").get("valid").asBoolean()).isTrue();
      UUID efileId = UUID.fromString(response.getBody().get("efileId").asText());
      Document original =
          efiles.documents(efileId).stream()
              .filter(d -> d.kind().equals(InvoiceIntake.KIND_ORIGINAL))
              .findFirst()
              .orElseThrow();
      assertThat(original.sha256()).as(variant.getKey()).isEqualTo(sha256(content));
      assertThat(original.mediaType())
          .as(variant.getKey())
          .isEqualTo(variant.getKey().startsWith("PDF") ? "application/pdf" : "application/xml");
    }
  }

  @Test
  void duplicatePointsToTheCheckboxAndNamesTheHeaderApart() {
    byte[] invoice = InvoiceApprovalProcessTest.small(InvoiceApprovalProcessTest.unique());
    assertThat(raw(anonymous, invoice, "198.51.100.2").getStatusCode().value()).isEqualTo(202);

    ResponseEntity<JsonNode> again = raw(anonymous, invoice, "198.51.100.2");

    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getBody().get("detail").asText())
        .contains("Häkchen „Korrigierte Rechnung“")
        .doesNotContain("X-Resubmission")
        .doesNotContain("Header");
    assertThat(again.getBody().get("resubmissionHeader").asText())
        .isEqualTo("X-Resubmission: true");
  }

  @Test
  void resubmittedCopiesStillPointToTheOriginal() {
    byte[] invoice = InvoiceApprovalProcessTest.small(InvoiceApprovalProcessTest.unique());
    ResponseEntity<JsonNode> original = raw(anonymous, invoice, "198.51.100.4");
    assertThat(original.getStatusCode().value()).isEqualTo(202);
    for (int copy = 0; copy < 3; copy++) {
      ResponseEntity<JsonNode> resubmitted =
          anonymous
              .post()
              .uri("/api/invoices")
              .contentType(MediaType.APPLICATION_XML)
              .header("X-Forwarded-For", "198.51.100.4")
              .header("X-Resubmission", "true")
              .body(invoice)
              .retrieve()
              .toEntity(JsonNode.class);
      assertThat(resubmitted.getStatusCode().value()).isEqualTo(202);
    }

    ResponseEntity<JsonNode> again = raw(anonymous, invoice, "198.51.100.4");

    // the duplicate check reads one row, the first received: the original, not a copy
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getBody().get("detail").asText())
        .contains("Aktenzeichen " + original.getBody().get("fileNumber").asText() + ")");
  }

  @Test
  void refusalsArePlainGermanWithoutMediaTypes() {
    List<ResponseEntity<JsonNode>> refusals = new ArrayList<>();
    refusals.add(raw(anonymous, "kein xml".getBytes(StandardCharsets.UTF_8), "198.51.100.3"));
    refusals.add(
        raw(
            anonymous,
            "<html xmlns=\"http://www.w3.org/1999/xhtml\"/>".getBytes(StandardCharsets.UTF_8),
            "198.51.100.3"));
    refusals.add(upload(anonymous, Fixtures.pdf(null, null), "scan.pdf"));
    refusals.add(raw(anonymous, "<Invoice><ID>".getBytes(StandardCharsets.UTF_8), "198.51.100.3"));

    for (ResponseEntity<JsonNode> refused : refusals) {
      assertThat(refused.getStatusCode().value()).isIn(400, 415);
      assertThat(refused.getBody().get("detail").asText())
          .doesNotContainPattern("(application|text|image)/[a-z]")
          .doesNotContain("Exception");
    }
  }

  @Test
  void supplierReadsNothingOfOurTaskNames() {
    String invoice =
        ubl(InvoiceApprovalProcessTest.unique()).replace("04011000-12345-03", "99000000-01944-98");

    ResponseEntity<JsonNode> response =
        raw(anonymous, invoice.getBytes(StandardCharsets.UTF_8), "198.51.100.4");

    assertThat(response.getStatusCode().value()).isEqualTo(202);
    JsonNode leitweg = response.getBody().get("validation").get("warnings").get(0);
    assertThat(leitweg.get("rule").asText()).isEqualTo("LEITWEG-ID");
    assertThat(leitweg.toString()).doesNotContain("Zuordnung klären").contains("von Hand");
  }

  @Test
  void loggedInCallersHaveTheirOwnLimitAnonymousOnesStayLimited() {
    int refused = 0;
    for (int i = 0; i < 45; i++) {
      ResponseEntity<JsonNode> r =
          upload(
              as("rechnung"),
              InvoiceApprovalProcessTest.small(InvoiceApprovalProcessTest.unique()),
              "scan-" + i + ".xml");
      assertThat(r.getStatusCode().value()).isIn(202, 429);
      refused += r.getStatusCode().value() == 429 ? 1 : 0;
    }
    assertThat(refused).as("429 among 45 posts as rechnung").isZero();

    // anonymous, from one address: 30 per minute (refused ones count, they cost validation)
    byte[] junk = "kein xml".getBytes(StandardCharsets.UTF_8);
    for (int i = 0; i < 30; i++) {
      assertThat(raw(anonymous, junk, "203.0.113.9").getStatusCode().value()).isEqualTo(415);
    }
    ResponseEntity<JsonNode> limited = raw(anonymous, junk, "203.0.113.9");
    assertThat(limited.getStatusCode().value()).isEqualTo(429);
    assertThat(limited.getHeaders().getFirst("Retry-After")).matches("[1-9][0-9]*");
    assertThat(limited.getBody().get("code").asText()).isEqualTo("rate-limited");
    // another address is not affected, nor is the logged-in user
    assertThat(raw(anonymous, junk, "203.0.113.10").getStatusCode().value()).isEqualTo(415);
    assertThat(raw(as("rechnung"), junk, "203.0.113.9").getStatusCode().value()).isEqualTo(415);
    // a wrong password is no way around the address limit
    assertThat(raw(as("rechnung", "falsch"), junk, "203.0.113.9").getStatusCode().value())
        .isEqualTo(401);
  }
}
