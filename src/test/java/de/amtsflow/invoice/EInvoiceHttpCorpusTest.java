package de.amtsflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsflow.AbstractHttpTest;
import de.amtsflow.efile.Document;
import de.amtsflow.efile.EFileStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;

/**
 * Every file of the shared e-invoice corpus posted to the running app over HTTP, as a supplier
 * would: the answer carries the verdict of the app's own {@link InvoiceValidator} for the same
 * bytes (valid or not, the same error rules; content it cannot read refused alike), and every
 * invoice received is filed with its original byte for byte. The validator is asked, not a table:
 * when its rule sets change, this test follows. Runs only with {@code -Damtsflow.corpus.dir=...};
 * writes its one-line summary to {@code target/corpus-http-summary.txt}.
 *
 * <p>The corpus holds the same invoice more than once; every post is marked {@code X-Resubmission:
 * true}, so each is judged on its own instead of meeting the duplicate check (409).
 */
@EnabledIfSystemProperty(named = "amtsflow.corpus.dir", matches = ".+")
// a context of its own: closed after the class, so the next class's engine 'default' is the
// only one registered (see EFileStoreH2Test)
@org.springframework.test.annotation.DirtiesContext
@TestPropertySource(
    properties = {
      // a context of its own (other limits): its own database and engine name, as the shared
      // context's engine must stay the one engine REST finds as "default"
      "spring.datasource.url=jdbc:h2:mem:invoice-http-corpus;DB_CLOSE_DELAY=-1",
      "amtsflow.data-dir=target/test-data/invoice-http-corpus",
      "camunda.bpm.generate-unique-process-engine-name=true",
      // Camunda's webapps hold their engine lookup in static fields: a second context with them
      // would take Tasklist away from the shared one
      "camunda.bpm.webapp.enabled=false",
      // the corpus has files up to ~0.5 MB; the test profile's 256 KB exercise the 413 path
      "amtsflow.efile.max-upload-size=25MB",
      "amtsflow.invoice.intake-per-minute=1000000",
      "amtsflow.invoice.intake-per-minute-authenticated=1000000"
    })
class EInvoiceHttpCorpusTest extends AbstractHttpTest {

  private static final String TESTSUITE = "xrechnung-testsuite/";

  @Autowired InvoiceValidator validator;
  @Autowired EFileStore efiles;

  private record Expected(int status, String code, boolean valid, List<String> rules) {}

  private Expected expected(byte[] content) {
    try {
      ValidationResult result = validator.validate(content);
      return new Expected(202, null, result.valid(), sortedRules(result));
    } catch (UnsupportedInvoiceFormatException e) {
      var problem = InvoiceProblems.unsupported(e);
      return new Expected(
          problem.getStatusCode().value(),
          problem.getBody().getProperties().get("code") + "",
          false,
          List.of());
    }
  }

  private static List<String> sortedRules(ValidationResult result) {
    return result.errors().stream().map(RuleViolation::rule).sorted().toList();
  }

  private ResponseEntity<JsonNode> post(String path, byte[] content) {
    LinkedMultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add(
        "file",
        new ByteArrayResource(content) {
          @Override
          public String getFilename() {
            return Path.of(path).getFileName().toString();
          }
        });
    return anonymous
        .post()
        .uri("/api/invoices")
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .header(InvoiceIntake.RESUBMISSION_HEADER, "true")
        .body(form)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  @Test
  void everyFileGetsTheValidatorsVerdictOverHttpAndIsFiledAsSent() throws Exception {
    Path corpus = Path.of(System.getProperty("amtsflow.corpus.dir"));
    List<String> paths;
    try (Stream<String> lines = Files.lines(corpus.resolve("INDEX.tsv"))) {
      paths = lines.skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t")[0]).toList();
    }
    List<String> mismatches = new ArrayList<>();
    int equal = 0;
    int testsuite = 0;
    int testsuiteAccepted = 0;
    int filed = 0;
    int valid = 0;
    for (String path : paths) {
      byte[] content = Files.readAllBytes(corpus.resolve(path));
      Expected expected = expected(content);
      ResponseEntity<JsonNode> response = post(path, content);
      JsonNode body = response.getBody();
      Expected actual;
      if (response.getStatusCode().value() == 202) {
        JsonNode validation = body.get("validation");
        List<String> rules = new ArrayList<>();
        validation.get("errors").forEach(e -> rules.add(e.get("rule").asText()));
        actual =
            new Expected(
                202, null, validation.get("valid").asBoolean(), rules.stream().sorted().toList());
        Document original =
            efiles.documents(UUID.fromString(body.get("efileId").asText())).stream()
                .filter(d -> d.kind().equals(InvoiceIntake.KIND_ORIGINAL))
                .findFirst()
                .orElseThrow();
        if (body.get("fileNumber").asText().startsWith("RE-")
            && original.sha256().equals(InvoiceIntakeHttpTest.sha256(content))) {
          filed++;
        } else {
          mismatches.add(path + ": filed as " + original.sha256() + " / " + body.get("fileNumber"));
        }
      } else {
        actual =
            new Expected(
                response.getStatusCode().value(),
                body == null ? "?" : body.path("code").asText(),
                false,
                List.of());
      }
      if (actual.equals(expected)) {
        equal++;
      } else {
        mismatches.add(
            path
                + ": validator "
                + expected
                + ", HTTP "
                + actual
                + (body == null ? "" : " " + body.path("detail").asText()));
      }
      valid += actual.valid() ? 1 : 0;
      if (path.startsWith(TESTSUITE)) {
        testsuite++;
        testsuiteAccepted += actual.status() == 202 && actual.valid() ? 1 : 0;
      }
    }
    String summary =
        String.format(
            "%d/%d testsuite files accepted over HTTP, %d/%d verdicts equal to the validator's,"
                + " %d valid, %d filed with the same SHA-256",
            testsuiteAccepted, testsuite, equal, paths.size(), valid, filed);
    System.out.println("== HTTP corpus: " + summary);
    Files.writeString(
        Path.of("target", "corpus-http-summary.txt"), summary + "\n", StandardCharsets.UTF_8);

    assertThat(mismatches).isEmpty();
    assertThat(testsuiteAccepted).isEqualTo(testsuite);
  }
}
