package de.amtsflow.permit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What the citizen's pages ask the server before and after sending, over real HTTP: step checks
 * with the submit's own rules, the published form rules, a chosen file checked at once, the
 * tracking lookup by Aktenzeichen and access code, and the letters to download.
 */
class PermitTrackingApiTest extends AbstractPermitTest {

  /** Enum constants and field paths the citizen must never read in a message. */
  private static final String CODE_WORD = ".*\\b([A-Z]{2,}_[A-Z_]+|SIMPLIFIED|REGULAR|OTHER)\\b.*";

  @Autowired JdbcTemplate jdbc;

  long stored() {
    return jdbc.queryForObject("select count(*) from permit_application", Long.class)
        + jdbc.queryForObject("select count(*) from efile", Long.class);
  }

  ResponseEntity<JsonNode> check(Object body, String sections) {
    return anonymous
        .post()
        .uri(
            sections == null
                ? "/api/permit-applications/checks"
                : "/api/permit-applications/checks?sections=" + sections)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  /** A copy of {@code body} with the value at a dotted path replaced (null: removed). */
  @SuppressWarnings("unchecked")
  static Map<String, Object> put(Map<String, Object> body, String path, Object value) {
    Map<String, Object> copy = new HashMap<>(body);
    int dot = path.indexOf('.');
    if (dot < 0) {
      if (value == null) {
        copy.remove(path);
      } else {
        copy.put(path, value);
      }
      return copy;
    }
    String head = path.substring(0, dot);
    copy.put(head, put((Map<String, Object>) body.get(head), path.substring(dot + 1), value));
    return copy;
  }

  static List<String> fields(JsonNode check) {
    return check.get("errors").findValuesAsText("field");
  }

  @Test
  void aStepCheckAnswersTheSubmitsRulesForTheStepsSectionsOnlyAndStoresNothing() {
    Map<String, Object> body = PermitFixtures.application();
    body = put(body, "applicant.email", "erika@");
    body = put(body, "applicant.address.postalCode", "9304");
    body = put(body, "designer.qualification", "ARCHITECT");
    body = put(body, "designer.chamberMembershipNumber", null);
    body = put(body, "plot.parcels", List.of("12a"));
    long before = stored();

    JsonNode applicant = check(body, "applicant").getBody();
    assertThat(applicant.get("valid").asBoolean()).isFalse();
    assertThat(fields(applicant))
        .containsExactlyInAnyOrder("applicant.email", "applicant.address.postalCode");
    assertThat(applicant.get("errors").findValuesAsText("message"))
        .containsExactlyInAnyOrder("Keine gültige E-Mail-Adresse.", "Postleitzahl: fünf Ziffern.");

    JsonNode designer = check(body, "designer").getBody();
    assertThat(fields(designer)).containsExactly("designer.chamberMembershipNumber");
    assertThat(designer.get("errors").get(0).get("message").asText())
        .contains("Mitgliedsnummer", "kammer")
        .doesNotMatch(CODE_WORD);

    JsonNode all = check(body, null).getBody();
    assertThat(fields(all))
        .containsExactlyInAnyOrder(
            "applicant.email",
            "applicant.address.postalCode",
            "designer.chamberMembershipNumber",
            "plot.parcels[0]");
    assertThat(fields(all)).doesNotHaveDuplicates();
    // the submit refuses exactly what the checks named
    ResponseEntity<JsonNode> submitted = post(anonymous, body, null);
    assertThat(submitted.getStatusCode().value()).isEqualTo(400);
    assertThat(submitted.getBody().get("errors").findValuesAsText("field"))
        .containsExactlyInAnyOrderElementsOf(fields(all));

    JsonNode fine = check(PermitFixtures.application(), "applicant,builder,designer").getBody();
    assertThat(fine.get("valid").asBoolean()).isTrue();
    assertThat(fine.get("errors")).isEmpty();
    assertThat(stored()).as("a check stores nothing").isEqualTo(before);
  }

  @Test
  void anEmptyStepGetsOneGermanMessagePerMissingFieldWithoutCodeWords() {
    Map<String, Object> empty =
        Map.of(
            "applicant", Map.of(),
            "designer", Map.of(),
            "plot", Map.of(),
            "project", Map.of());
    JsonNode all = check(empty, null).getBody();
    List<String> fields = fields(all);
    assertThat(fields).doesNotHaveDuplicates().contains("applicant.name", "procedure");
    for (JsonNode error : all.get("errors")) {
      assertThat(error.get("message").asText())
          .as(error.get("field").asText())
          .doesNotMatch(CODE_WORD)
          .doesNotContain("must not", "darf nicht null sein");
    }
    // the builder is the applicant unless given: its fields are not asked for again
    assertThat(fields).noneMatch(f -> f.startsWith("builder."));

    ResponseEntity<JsonNode> unknown = check(empty, "applicant,roof");
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(unknown.getBody().toString()).contains("sections", "roof");
  }

  @Test
  void theFormRulesAreTheOnesTheServerApplies() {
    JsonNode rules =
        anonymous
            .get()
            .uri("/api/permit-applications/form-rules")
            .retrieve()
            .toEntity(JsonNode.class)
            .getBody();
    assertThat(rules.at("/upload/maxBytes").asLong()).isPositive();
    assertThat(rules.at("/upload/formats").findValuesAsText("mediaType"))
        .contains("application/pdf");
    assertThat(rules.get("documentKinds").findValuesAsText("label")).contains("Lageplan");
    JsonNode architect = null;
    for (JsonNode q : rules.get("qualifications")) {
      assertThat(q.get("label").asText()).doesNotMatch(CODE_WORD);
      if (q.get("value").asText().equals("ARCHITECT")) {
        architect = q;
      }
    }
    assertThat(architect).isNotNull();
    assertThat(architect.get("chamberNumberRequired").asBoolean()).isTrue();
  }

  ResponseEntity<JsonNode> documentCheck(byte[] head, long size) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add(
        "head",
        new ByteArrayResource(head) {
          @Override
          public String getFilename() {
            return "blob";
          }
        });
    form.add("size", Long.toString(size));
    return anonymous
        .post()
        .uri("/api/permit-applications/document-checks")
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(form)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  @Test
  void aChosenFileIsCheckedAtOnceAsTheUploadWouldBe() {
    byte[] pdf = PermitFixtures.pdf();
    ResponseEntity<JsonNode> fine = documentCheck(pdf, pdf.length);
    assertThat(fine.getStatusCode().value()).isEqualTo(200);
    assertThat(fine.getBody().get("mediaType").asText()).isEqualTo("application/pdf");

    byte[] fake =
        "Dies ist kein PDF, nur Text mit der Endung .pdf".getBytes(StandardCharsets.UTF_8);
    ResponseEntity<JsonNode> refused = documentCheck(fake, fake.length);
    assertThat(refused.getStatusCode().value()).isEqualTo(415);
    assertThat(refused.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    assertThat(refused.getBody().toString()).doesNotContain("Exception");

    long max =
        anonymous
            .get()
            .uri("/api/permit-applications/form-rules")
            .retrieve()
            .body(JsonNode.class)
            .at("/upload/maxBytes")
            .asLong();
    ResponseEntity<JsonNode> tooLarge = documentCheck(pdf, max + 1);
    assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
    assertThat(documentCheck(pdf, max).getStatusCode().value()).isEqualTo(200);
  }

  ResponseEntity<JsonNode> lookup(String fileNumber, String code) {
    Map<String, String> body = new HashMap<>();
    body.put("fileNumber", fileNumber);
    body.put("accessCode", code);
    return anonymous
        .post()
        .uri("/api/permit-applications/lookup")
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  @Test
  void theAktenzeichenAndTheAccessCodeOfTheReceiptOpenTheCaseAndItsLetters() throws Exception {
    ResponseEntity<JsonNode> response = post(anonymous, PermitFixtures.application(), null);
    JsonNode receipt = response.getBody();
    String id = receipt.get("applicationId").asText();
    String fileNumber = receipt.get("fileNumber").asText();
    String code = receipt.get("accessCode").asText();
    assertThat(code).matches("[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}");
    JsonNode otherReceipt = post(anonymous, PermitFixtures.application(), null).getBody();
    Submitted other =
        new Submitted(
            otherReceipt.get("applicationId").asText(),
            otherReceipt.get("trackingToken").asText(),
            otherReceipt.get("fileNumber").asText(),
            null);
    String otherCode = otherReceipt.get("accessCode").asText();

    JsonNode found = lookup(fileNumber, code).getBody();
    assertThat(found.get("applicationId").asText()).isEqualTo(id);
    // as people type it: lower case, without dashes, O for 0
    String typed = code.replace("-", "").toLowerCase().replace('0', 'o');
    assertThat(lookup(" " + fileNumber + " ", typed).getBody().get("applicationId").asText())
        .isEqualTo(id);
    // another case's code, a wrong code, an unknown number: one 404 for all, nothing revealed
    for (var wrong :
        List.of(
            List.of(fileNumber, "0000-0000-0000"),
            List.of(fileNumber, otherCode),
            List.of("BAU-1999-000001", code),
            List.of(other.fileNumber(), code))) {
      ResponseEntity<JsonNode> refused = lookup(wrong.get(0), wrong.get(1));
      assertThat(refused.getStatusCode().value()).as("%s", wrong).isEqualTo(404);
      assertThat(refused.getBody().toString()).doesNotContain(id, "Exception");
    }

    // the code serves as the tracking token; the receipt letter is listed and downloadable
    runJobs(
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(fileNumber).singleResult());
    JsonNode status = status(id, code).getBody();
    JsonNode letter = status.get("letters").get(0);
    assertThat(letter.get("title").asText()).isEqualTo("Eingangsbestätigung");
    ResponseEntity<byte[]> pdf = letter(letter.get("url").asText(), code);
    assertThat(pdf.getStatusCode().value()).isEqualTo(200);
    assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(pdf.getHeaders().getContentDisposition().getFilename())
        .isEqualTo(letter.get("fileName").asText());
    try (PDDocument document = Loader.loadPDF(pdf.getBody())) {
      String text = sortedStripper().getText(document).replaceAll("\\s+", " ");
      assertThat(text).contains(fileNumber, code, "verfolgen");
    }

    // not with a wrong token, not another case's letter, not a document that is no letter
    assertThat(letter(letter.get("url").asText(), other.token()).getStatusCode().value())
        .isEqualTo(404);
    assertThat(letter(letter.get("url").asText(), null).getStatusCode().value()).isEqualTo(404);
    String foreign = letter.get("url").asText().replace(id, other.id());
    assertThat(letter(foreign, other.token()).getStatusCode().value()).isEqualTo(404);
    String form =
        efiles
            .documents(applications.findById(java.util.UUID.fromString(id)).orElseThrow().efileId)
            .stream()
            .filter(d -> !PermitLetters.TO_APPLICANT.contains(d.kind()))
            .findFirst()
            .orElseThrow()
            .id()
            .toString();
    String notALetter = "/api/permit-applications/" + id + "/letters/" + form;
    ResponseEntity<byte[]> refused = letter(notALetter, code);
    assertThat(refused.getStatusCode().value()).isEqualTo(404);
    assertThat(new String(refused.getBody(), StandardCharsets.UTF_8))
        .contains("Schreiben nicht gefunden");
  }

  ResponseEntity<byte[]> letter(String url, String token) {
    return anonymous
        .get()
        .uri(url)
        .headers(
            h -> {
              if (token != null) {
                h.set("X-Tracking-Token", token);
              }
            })
        .retrieve()
        .toEntity(byte[].class);
  }

  /** Text in reading order (line by line on the page), as a person reads the letter. */
  private static PDFTextStripper sortedStripper() throws java.io.IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setSortByPosition(true);
    return stripper;
  }
}
