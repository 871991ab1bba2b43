package de.amtsflow.permit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The citizen's permit API over real HTTP: every validation rule answers 400 naming the field and
 * stores nothing; wrong tokens answer 404; idempotent retries; uploads that are too large or of a
 * disallowed type; paper applications entered by a clerk; who may read an application.
 */
class PermitApplicationApiTest extends AbstractPermitTest {

  @Autowired JdbcTemplate jdbc;

  long stored() {
    return jdbc.queryForObject("select count(*) from permit_application", Long.class)
        + jdbc.queryForObject("select count(*) from efile where type = 'PERMIT'", Long.class)
        + runtime.createProcessInstanceQuery().processDefinitionKey(PermitProcess.KEY).count();
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> with(String path, Object value) {
    Map<String, Object> body = PermitFixtures.application();
    String[] parts = path.split("\\.");
    Map<String, Object> node = body;
    for (int i = 0; i < parts.length - 1; i++) {
      Map<String, Object> child = new HashMap<>((Map<String, Object>) node.get(parts[i]));
      node.put(parts[i], child);
      node = child;
    }
    node.put(parts[parts.length - 1], value);
    return body;
  }

  JsonNode refused(Object body, Consumer<JsonNode> more) {
    long before = stored();
    ResponseEntity<JsonNode> response = post(anonymous, body, null);
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(400);
    assertThat(response.getHeaders().getContentType().toString())
        .startsWith("application/problem+json");
    more.accept(response.getBody());
    assertThat(stored()).as("nothing half-stored").isEqualTo(before);
    assertThat(response.getBody().toString()).doesNotContain("Exception", "at de.amtsflow");
    return response.getBody();
  }

  static List<String> fields(JsonNode problem) {
    return problem.get("errors").findValuesAsText("field");
  }

  @Test
  void badFieldsAreNamedEachAndNothingIsStored() {
    Map<String, Object> body = with("project.buildingClass", 7);
    body = merge(body, "plot.parcels", List.of(""));
    body = merge(body, "applicant.email", "keine-adresse");
    JsonNode problem =
        refused(
            body,
            p ->
                assertThat(fields(p))
                    .containsExactlyInAnyOrder(
                        "applicant.email", "plot.parcels[0]", "project.buildingClass"));
    assertThat(problem.get("title").asText()).isEqualTo("Ungültige Eingabe");
    assertThat(problem.get("detail").asText())
        .isEqualTo("Bitte prüfen Sie: applicant.email, plot.parcels[0], project.buildingClass.");
    assertThat(problem.get("errors").toString())
        .contains("Gebäudeklasse 1 bis 5.", "Keine gültige E-Mail-Adresse.", "Flurstücksnummer");
  }

  @SuppressWarnings("unchecked")
  static Map<String, Object> merge(Map<String, Object> body, String path, Object value) {
    String[] parts = path.split("\\.");
    Map<String, Object> node = body;
    for (int i = 0; i < parts.length - 1; i++) {
      Map<String, Object> child = new HashMap<>((Map<String, Object>) node.get(parts[i]));
      node.put(parts[i], child);
      node = child;
    }
    node.put(parts[parts.length - 1], value);
    return body;
  }

  @Test
  void everyRuleNamesItsField() {
    Map<String, String> cases = new java.util.LinkedHashMap<>();
    record Case(String field, Object value, String expectedField) {}
    List<Case> all =
        List.of(
            new Case("applicant.name", " ", "applicant.name"),
            new Case("applicant.address.postalCode", "9304", "applicant.address.postalCode"),
            new Case("applicant.email", "", "applicant.email"),
            new Case("builder.name", "", "builder.name"),
            new Case("builder.address", null, "builder.address"),
            new Case("designer.authorizedToSubmit", false, "designer.authorizedToSubmit"),
            new Case("designer.chamberMembershipNumber", "", "designer.chamberMembershipNumber"),
            new Case("designer.qualification", null, "designer.qualification"),
            new Case("plot.gemarkung", "", "plot.gemarkung"),
            new Case("plot.parcels", List.of(), "plot.parcels"),
            new Case("plot.parcels", List.of("12a"), "plot.parcels[0]"),
            new Case("project.description", "", "project.description"),
            new Case("project.measure", null, "project.measure"),
            new Case("project.buildingClass", 0, "project.buildingClass"),
            new Case("project.specialBuilding", null, "project.specialBuilding"),
            new Case("project.mainlyResidential", null, "project.mainlyResidential"),
            new Case("project.buildingCosts", -1, "project.buildingCosts"),
            new Case("procedure", null, "procedure"));
    for (Case c : all) {
      refused(
          with(c.field(), c.value()),
          p -> assertThat(fields(p)).as(c.field()).contains(c.expectedField()));
    }
    // the procedure follows from the project: not a Sonderbau -> vereinfachtes Verfahren
    refused(with("procedure", "REGULAR"), p -> assertThat(fields(p)).containsExactly("procedure"));
    // a Sonderbau is never in the vereinfachtes Verfahren
    refused(
        with("project.specialBuilding", true),
        p -> assertThat(fields(p)).containsExactly("procedure"));
    // an unknown code names the field too
    refused(
        with("procedure", "SCHNELL"),
        p -> assertThat(p.get("field").asText()).isEqualTo("procedure"));
    refused(
        with("project.measure", "ABRISS"),
        p -> assertThat(p.get("field").asText()).isEqualTo("project.measure"));
    // no body at all
    long before = stored();
    ResponseEntity<JsonNode> empty =
        anonymous
            .post()
            .uri("/api/permit-applications")
            .contentType(MediaType.APPLICATION_JSON)
            .body("{}")
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(empty.getStatusCode().value()).isEqualTo(400);
    assertThat(fields(empty.getBody()))
        .contains("applicant", "builder", "designer", "plot", "project", "procedure");
    assertThat(stored()).isEqualTo(before);
    assertThat(cases).isEmpty();
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyReturnsTheSameApplication() {
    String key = UUID.randomUUID().toString();
    ResponseEntity<JsonNode> first = post(anonymous, PermitFixtures.application(), key);
    ResponseEntity<JsonNode> retry = post(anonymous, PermitFixtures.application(), key);

    assertThat(first.getStatusCode().value()).isEqualTo(201);
    assertThat(retry.getStatusCode().value()).isEqualTo(201);
    assertThat(retry.getHeaders().getFirst("Idempotent-Replayed")).isEqualTo("true");
    String id = first.getBody().get("applicationId").asText();
    assertThat(retry.getBody().get("applicationId").asText()).isEqualTo(id);
    assertThat(retry.getBody().get("fileNumber").asText())
        .isEqualTo(first.getBody().get("fileNumber").asText());
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(first.getBody().get("fileNumber").asText())
                .count())
        .isEqualTo(1);
    // the retry's token is the one that works now (the first answer was lost to the citizen)
    assertThat(status(id, retry.getBody().get("trackingToken").asText()).getStatusCode().value())
        .isEqualTo(200);
    assertThat(status(id, first.getBody().get("trackingToken").asText()).getStatusCode().value())
        .isEqualTo(404);

    // the same key for a different application is refused, nothing stored
    long before = stored();
    ResponseEntity<JsonNode> other =
        post(anonymous, with("project.description", "Anbau eines Wintergartens"), key);
    assertThat(other.getStatusCode().value()).isEqualTo(422);
    assertThat(other.getBody().get("code").asText()).isEqualTo("idempotency-key-reused");
    assertThat(stored()).isEqualTo(before);
  }

  @Test
  void wrongOrMissingTokenAnswers404WithoutRevealingTheApplication() {
    Submitted application = submit(PermitFixtures.application());
    ResponseEntity<JsonNode> wrong = status(application.id(), "falsch");
    ResponseEntity<JsonNode> missing = status(application.id(), null);
    ResponseEntity<JsonNode> unknown = status(UUID.randomUUID().toString(), application.token());

    for (ResponseEntity<JsonNode> response : List.of(wrong, missing, unknown)) {
      assertThat(response.getStatusCode().value()).isEqualTo(404);
      assertThat(response.getBody().get("code").asText()).isEqualTo("application-not-found");
    }
    assertThat(wrong.getBody().get("detail")).isEqualTo(unknown.getBody().get("detail"));
    ResponseEntity<JsonNode> upload =
        upload(application.id(), "falsch", "SITE_PLAN", "lageplan.pdf", PermitFixtures.pdf());
    assertThat(upload.getStatusCode().value()).isEqualTo(404);
    assertThat(titles(application)).doesNotContain("Lageplan");
  }

  @Test
  void uploadsThatAreTooLargeOrNotAllowedAreRefusedAndNotStored() {
    Submitted application = submit(PermitFixtures.application());
    int before = documents(application).size();

    ResponseEntity<JsonNode> text =
        upload(
            application.id(),
            application.token(),
            "SITE_PLAN",
            "lageplan.pdf",
            "kein PDF, nur Text".getBytes(StandardCharsets.UTF_8));
    assertThat(text.getStatusCode().value()).isEqualTo(415);
    assertThat(text.getBody().get("field").asText()).isEqualTo("file");

    // the test profile allows 256 KB
    ResponseEntity<JsonNode> large =
        upload(application.id(), application.token(), "SITE_PLAN", "gross.pdf", new byte[300_000]);
    assertThat(large.getStatusCode().value()).isEqualTo(413);

    ResponseEntity<JsonNode> badKind =
        upload(application.id(), application.token(), "FOTO", "lageplan.pdf", PermitFixtures.pdf());
    assertThat(badKind.getStatusCode().value()).isEqualTo(400);
    assertThat(badKind.getBody().get("field").asText()).isEqualTo("kind");

    assertThat(documents(application)).hasSize(before);
    assertThat(efiles.checkIntegrity(UUID.fromString(application.efileId())).intact()).isTrue();

    ResponseEntity<JsonNode> plan =
        upload(
            application.id(),
            application.token(),
            "SITE_PLAN",
            "lageplan.pdf",
            PermitFixtures.pdf());
    assertThat(plan.getStatusCode().value()).isEqualTo(201);
    assertThat(plan.getBody().get("mediaType").asText()).isEqualTo("application/pdf");
    assertThat(plan.getBody().get("answeredRequest").asBoolean()).isFalse();
  }

  @Test
  void aClerkEntersAPaperApplicationWithoutEMail() {
    Map<String, Object> paper = with("applicant.email", null);
    // online, the e-mail is required
    refused(paper, p -> assertThat(fields(p)).containsExactly("applicant.email"));

    // only the Bauaufsicht dates an application back to the day it arrived
    java.time.LocalDate arrived =
        java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).minusDays(5);
    paper.put("receivedOn", arrived.toString());
    refused(paper, p -> assertThat(fields(p)).contains("receivedOn"));

    ResponseEntity<JsonNode> response = post(as("bauamt"), paper, null);

    assertThat(response.getStatusCode().value()).isEqualTo(201);
    String id = response.getBody().get("applicationId").asText();
    PermitApplicationEntity application = applications.findById(UUID.fromString(id)).orElseThrow();
    assertThat(application.channel).isEqualTo(PermitApplicationEntity.Channel.PAPER);
    assertThat(application.enteredBy).isEqualTo("bauamt");
    ProcessInstance pi =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(application.fileNumber)
            .singleResult();
    // its deadlines run from the day it arrived, not from the day it was entered
    assertThat(runtime.getVariable(pi.getId(), PermitProcess.Var.COMPLETENESS_DUE))
        .isEqualTo(
            java.util.Date.from(
                PermitFixtures.workday(arrived.plusDays(21))
                    .plusDays(1)
                    .atStartOfDay(java.time.ZoneId.of("Europe/Berlin"))
                    .toInstant()));
    runJobs(pi);
    // the clerk scans the plans in: the audit trail names the clerk, not the applicant
    ResponseEntity<JsonNode> scanned =
        upload(
            as("bauamt"),
            id,
            response.getBody().get("trackingToken").asText(),
            "SITE_PLAN",
            "lageplan.pdf",
            PermitFixtures.pdf(),
            Map.of());
    assertThat(scanned.getStatusCode().value()).isEqualTo(201);
    assertThat(efiles.audit(application.efileId))
        .anyMatch(e -> e.action().equals("DOCUMENT_ADDED") && e.actor().equals("bauamt"));
    // the receipt cannot be mailed: the e-file says to send it by post
    assertThat(efiles.audit(application.efileId))
        .anyMatch(e -> e.action().equals("NOTICE_NOT_MAILED") && e.details().contains("by post"));
  }

  @Test
  void clerksReadApplicationsOtherUsersDoNot() {
    Submitted application = submit(PermitFixtures.application());
    String uri = "/api/permit-applications/" + application.id();

    assertThat(anonymous.get().uri(uri).retrieve().toEntity(JsonNode.class).getStatusCode().value())
        .isEqualTo(401);
    assertThat(
            as("rechnung")
                .get()
                .uri(uri)
                .retrieve()
                .toEntity(JsonNode.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    // the Gemeinde reads an application once it is asked for its Einvernehmen, not before
    assertThat(
            as("gemeinde")
                .get()
                .uri(uri)
                .retrieve()
                .toEntity(JsonNode.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    JsonNode view = as("bauamt").get().uri(uri).retrieve().body(JsonNode.class);
    assertThat(view.get("fileNumber").asText()).isEqualTo(application.fileNumber());
    assertThat(view.get("application").get("plot").get("gemarkung").asText())
        .isEqualTo("Kumpfmühl");
    runJobs(instance(application));
    // a clerk follows the status without the citizen's token
    JsonNode status = as("bauamt").get().uri(uri + "/status").retrieve().body(JsonNode.class);
    assertThat(status.get("statusText").asText()).isEqualTo("Eingegangen");
    assertThat(status.get("openDeadlines").findValuesAsText("label"))
        .contains("Vollständigkeitsprüfung durch die Bauaufsicht")
        .anyMatch(l -> l.startsWith("Genehmigungsfiktion"));
  }

  @Test
  void theFristenOverviewShowsClerksTheCasesTheEngineLetsThemRead() {
    Submitted application = submit(PermitFixtures.application());
    ProcessInstance pi = instance(application);
    runJobs(pi);
    java.time.LocalDate lastDay =
        PermitFixtures.workday(
            java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(21));

    ResponseEntity<JsonNode> clerk = deadlines("bauamt", "");
    assertThat(clerk.getStatusCode().value()).isEqualTo(200);
    assertThat(rowsOf(clerk.getBody(), application.fileNumber()))
        .anySatisfy(
            row -> {
              assertThat(row.get("kind").asText()).isEqualTo("COMPLETENESS_CHECK");
              assertThat(row.get("endsOn").asText()).isEqualTo(lastDay.toString());
              assertThat(row.get("groupName").asText()).isEqualTo("Bauaufsicht");
              assertThat(row.get("overdue").asBoolean()).isFalse();
            });
    // filtered by kind; an unknown kind names the parameter
    assertThat(rowsOf(deadlines("bauamt", "?kind=SKONTO").getBody(), application.fileNumber()))
        .isEmpty();
    ResponseEntity<JsonNode> unknown = deadlines("bauamt", "?kind=FRIST");
    assertThat(unknown.getStatusCode().value()).isEqualTo(400);
    assertThat(unknown.getBody().get("field").asText()).isEqualTo("kind");
    // the invoice clerks may not read permit cases: the engine leaves them out
    ResponseEntity<JsonNode> invoiceClerk = deadlines("rechnung", "");
    assertThat(invoiceClerk.getStatusCode().value()).isEqualTo(200);
    assertThat(rowsOf(invoiceClerk.getBody(), application.fileNumber())).isEmpty();
    // the Gemeinde is no clerk of the authority; without login nobody
    assertThat(deadlines("gemeinde", "").getStatusCode().value()).isEqualTo(403);
    assertThat(anonymous.get().uri("/api/deadlines").retrieve().toBodilessEntity().getStatusCode())
        .matches(s -> s.value() == 401);
  }

  ResponseEntity<JsonNode> deadlines(String user, String query) {
    return as(user).get().uri("/api/deadlines" + query).retrieve().toEntity(JsonNode.class);
  }

  static List<JsonNode> rowsOf(JsonNode rows, String fileNumber) {
    List<JsonNode> found = new java.util.ArrayList<>();
    rows.forEach(
        row -> {
          if (row.get("fileNumber").asText().equals(fileNumber)) {
            found.add(row);
          }
        });
    return found;
  }
}
