package de.amtsflow.efile;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsflow.AbstractHttpTest;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** The e-file REST API over real HTTP, as an operator would call it with curl. */
class EFileApiTest extends AbstractHttpTest {

  JsonNode createPermitFile() {
    ResponseEntity<JsonNode> created =
        as("bauamt")
            .post()
            .uri("/api/efiles")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("type", "PERMIT", "subject", "Neubau Garage, Flurstück 12/3"))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(created.getStatusCode().value()).isEqualTo(201);
    assertThat(created.getHeaders().getLocation()).isNotNull();
    return created.getBody();
  }

  static MultiValueMap<String, Object> upload(byte[] bytes, String fileName, String title) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add(
        "file",
        new ByteArrayResource(bytes) {
          @Override
          public String getFilename() {
            return fileName;
          }
        });
    form.add("title", title);
    form.add("kind", "plan");
    return form;
  }

  ResponseEntity<JsonNode> post(String user, String efileId, MultiValueMap<String, Object> form) {
    return as(user)
        .post()
        .uri("/api/efiles/{id}/documents", efileId)
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .body(form)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  @Test
  void uploadAndDownloadByteIdenticalWithShaAsETag() {
    JsonNode efile = createPermitFile();
    String id = efile.get("id").asText();
    byte[] bytes = EFileStoreContract.pdf("Lageplan 1:500");

    ResponseEntity<JsonNode> uploaded =
        post("bauamt", id, upload(bytes, "lageplan.pdf", "Lageplan"));
    assertThat(uploaded.getStatusCode().value()).isEqualTo(201);
    JsonNode doc = uploaded.getBody();
    assertThat(doc.get("mediaType").asText()).isEqualTo("application/pdf");
    String sha = doc.get("sha256").asText();
    assertThat(sha).isEqualTo(AuditChain.sha256Hex(bytes));

    ResponseEntity<byte[]> download =
        as("bauamt")
            .get()
            .uri("/api/efiles/{id}/documents/{doc}/content", id, doc.get("id").asText())
            .retrieve()
            .toEntity(byte[].class);
    assertThat(download.getStatusCode().value()).isEqualTo(200);
    assertThat(download.getBody()).isEqualTo(bytes);
    assertThat(download.getHeaders().getETag()).isEqualTo("\"" + sha + "\"");
    assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);

    ResponseEntity<byte[]> notModified =
        as("bauamt")
            .get()
            .uri("/api/efiles/{id}/documents/{doc}/content", id, doc.get("id").asText())
            .header(HttpHeaders.IF_NONE_MATCH, "\"" + sha + "\"")
            .retrieve()
            .toEntity(byte[].class);
    assertThat(notModified.getStatusCode().value()).isEqualTo(304);

    JsonNode byNumber =
        as("bauamt")
            .get()
            .uri("/api/efiles?number={n}", efile.get("fileNumber").asText())
            .retrieve()
            .body(JsonNode.class);
    assertThat(byNumber.get("id").asText()).isEqualTo(id);
    JsonNode audit =
        as("bauamt").get().uri("/api/efiles/{id}/audit", id).retrieve().body(JsonNode.class);
    assertThat(audit).hasSize(2);
    assertThat(audit.get(1).get("actor").asText()).isEqualTo("bauamt");
    assertThat(audit.get(1).get("contentSha256").asText()).isEqualTo(sha);
    JsonNode integrity =
        as("bauamt").get().uri("/api/efiles/{id}/integrity", id).retrieve().body(JsonNode.class);
    assertThat(integrity.get("intact").asBoolean()).isTrue();
  }

  @Test
  void pathInFileNameIsStrippedToASafeName() {
    String id = createPermitFile().get("id").asText();
    ResponseEntity<JsonNode> uploaded =
        post("bauamt", id, upload(EFileStoreContract.pdf("x"), "../../etc/passwd", "Ansicht"));
    assertThat(uploaded.getStatusCode().value()).isEqualTo(201);
    assertThat(uploaded.getBody().get("fileName").asText()).isEqualTo("passwd");
  }

  @Test
  void badUploadsAreProblemsAndStoreNothing() {
    String id = createPermitFile().get("id").asText();

    byte[] exe = new byte[1024];
    exe[0] = 'M';
    exe[1] = 'Z';
    ResponseEntity<JsonNode> exeRefused = post("bauamt", id, upload(exe, "bauplan.pdf", "Bauplan"));
    assertProblem(exeRefused, 415, "media-type-not-allowed");
    // people read formats; the media types are for machines, in their own fields
    assertThat(exeRefused.getBody().get("detail").asText())
        .isEqualTo(
            "Diese Art von Datei wird nicht angenommen. Erlaubt sind: PDF, XML, PNG, JPEG, TIFF.");
    assertThat(exeRefused.getBody().get("detectedMediaType").asText()).isNotBlank();
    assertProblem(
        post("bauamt", id, upload(new byte[0], "leer.pdf", "Leer")), 400, "invalid-field");
    byte[] big = new byte[300 * 1024];
    System.arraycopy(EFileStoreContract.pdf("g"), 0, big, 0, 10);
    ResponseEntity<JsonNode> tooLarge = post("bauamt", id, upload(big, "gross.pdf", "Groß"));
    assertProblem(tooLarge, 413, "too-large");

    MultiValueMap<String, Object> noTitle = upload(EFileStoreContract.pdf("t"), "t.pdf", "");
    ResponseEntity<JsonNode> missingTitle = post("bauamt", id, noTitle);
    assertProblem(missingTitle, 400, "invalid-field");
    assertThat(missingTitle.getBody().get("field").asText()).isEqualTo("title");

    JsonNode docs =
        as("bauamt").get().uri("/api/efiles/{id}/documents", id).retrieve().body(JsonNode.class);
    assertThat(docs).isEmpty();
    JsonNode audit =
        as("bauamt").get().uri("/api/efiles/{id}/audit", id).retrieve().body(JsonNode.class);
    assertThat(audit).hasSize(1);
  }

  @Test
  void unknownEFileIsNotFound() {
    ResponseEntity<JsonNode> response =
        as("bauamt")
            .get()
            .uri("/api/efiles/{id}", UUID.randomUUID())
            .retrieve()
            .toEntity(JsonNode.class);
    assertProblem(response, 404, "efile-not-found");
    ResponseEntity<JsonNode> upload =
        post(
            "bauamt",
            UUID.randomUUID().toString(),
            upload(EFileStoreContract.pdf("u"), "u.pdf", "U"));
    assertProblem(upload, 404, "efile-not-found");
  }

  @Test
  void malformedJsonAndUnknownTypeNameTheProblem() {
    ResponseEntity<JsonNode> malformed =
        as("bauamt")
            .post()
            .uri("/api/efiles")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"type\": \"PERMIT\", ")
            .retrieve()
            .toEntity(JsonNode.class);
    assertProblem(malformed, 400, "malformed-request");

    ResponseEntity<JsonNode> badType =
        as("bauamt")
            .post()
            .uri("/api/efiles")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("type", "GARAGE", "subject", "x"))
            .retrieve()
            .toEntity(JsonNode.class);
    assertProblem(badType, 400, "invalid-field");
    assertThat(badType.getBody().get("field").asText()).isEqualTo("type");

    ResponseEntity<JsonNode> blankSubject =
        as("bauamt")
            .post()
            .uri("/api/efiles")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("type", "PERMIT", "subject", " "))
            .retrieve()
            .toEntity(JsonNode.class);
    assertProblem(blankSubject, 400, "invalid-field");
    assertThat(blankSubject.getBody().get("field").asText()).isEqualTo("subject");
  }

  @Test
  void closedEFileAnswersConflict() {
    String id = createPermitFile().get("id").asText();
    ResponseEntity<JsonNode> closed =
        as("bauamt")
            .post()
            .uri("/api/efiles/{id}/close", id)
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("retentionUntil", java.time.LocalDate.now().plusYears(30).toString()))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(closed.getStatusCode().value()).isEqualTo(200);
    assertThat(closed.getBody().get("status").asText()).isEqualTo("CLOSED");

    assertProblem(
        post("bauamt", id, upload(EFileStoreContract.pdf("s"), "s.pdf", "Spät")),
        409,
        "efile-closed");
  }

  @Test
  void usersSeeOnlyTheTypesOfTheirGroups() {
    String id = createPermitFile().get("id").asText();

    assertProblem(
        as("rechnung").get().uri("/api/efiles/{id}", id).retrieve().toEntity(JsonNode.class),
        403,
        "forbidden");
    assertProblem(
        post("rechnung", id, upload(EFileStoreContract.pdf("r"), "r.pdf", "R")), 403, "forbidden");
    ResponseEntity<JsonNode> invoiceByClerk =
        as("bauamt")
            .post()
            .uri("/api/efiles")
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("type", "INVOICE", "subject", "Rechnung"))
            .retrieve()
            .toEntity(JsonNode.class);
    assertProblem(invoiceByClerk, 403, "forbidden");
    // a Gemeinde reads a permit e-file only when its case asks it for the Einvernehmen (it is
    // then a participant); this one asked no one
    assertProblem(
        as("gemeinde").get().uri("/api/efiles/{id}", id).retrieve().toEntity(JsonNode.class),
        403,
        "forbidden");
    assertThat(
            as("bauamt")
                .get()
                .uri("/api/efiles/{id}", id)
                .retrieve()
                .toEntity(JsonNode.class)
                .getStatusCode()
                .value())
        .isEqualTo(200);
  }

  static void assertProblem(ResponseEntity<JsonNode> response, int status, String code) {
    assertThat(response.getStatusCode().value()).isEqualTo(status);
    assertThat(response.getHeaders().getContentType())
        .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.getBody().get("status").asInt()).isEqualTo(status);
    assertThat(response.getBody().get("code").asText()).isEqualTo(code);
    assertThat(response.getBody().toString()).doesNotContain("Exception", "at de.amtsflow");
  }
}
