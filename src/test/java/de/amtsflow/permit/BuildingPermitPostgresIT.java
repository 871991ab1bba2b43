package de.amtsflow.permit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsflow.PostgresTestDatabase;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The permit on a real PostgreSQL (the production database): its migration, a whole case with a
 * Nachforderung, and two simultaneous submits with one Idempotency-Key, which the unique key turns
 * into one application.
 */
@ActiveProfiles({"dev", "test", "postgres"})
class BuildingPermitPostgresIT extends AbstractPermitTest {

  @DynamicPropertySource
  static void postgres(DynamicPropertyRegistry registry) {
    PostgresTestDatabase.register(registry);
  }

  @Test
  void aCaseWithANachforderungRunsToApprovalOnPostgres() {
    Submitted application = submit(PermitFixtures.regularApplication());
    ProcessInstance pi = instance(application);
    runJobs(pi);
    requestDocuments(
        pi, List.of("Baubeschreibung"), PermitFixtures.workday(LocalDate.now().plusDays(14)));
    runJobs(pi);
    ResponseEntity<JsonNode> answer =
        upload(
            application.id(),
            application.token(),
            "BUILDING_DESCRIPTION",
            "baubeschreibung.pdf",
            PermitFixtures.pdf());
    assertThat(answer.getBody().get("answeredRequest").asBoolean()).isTrue();
    confirmComplete(pi, "ROADS");
    completeOk(
        "gemeinde", task(pi, PermitProcess.Task.MUNICIPAL_CONSENT), Map.of("consent", "GRANTED"));
    completeOk(
        "fachstelle",
        task(pi, PermitProcess.Task.AGENCY_STATEMENT),
        Map.of("statement", "CONSENT"));
    completeOk("bauamt", task(pi, PermitProcess.Task.REVIEW), Map.of());
    completeOk("bauamt", task(pi, PermitProcess.Task.DECIDE), Map.of("decision", "APPROVE"));
    runJobs(pi);

    assertThat(pi).isEnded();
    JsonNode status = status(application);
    assertThat(status.get("statusText").asText()).isEqualTo("Genehmigt");
    assertThat(status.get("timeline").findValuesAsText("status"))
        .containsExactly(
            "RECEIVED", "INCOMPLETE", "RECEIVED", "IN_PARTICIPATION", "IN_REVIEW", "APPROVED");
    assertThat(titles(application))
        .contains("Bauantrag", "Nachforderung 1", "Baubeschreibung", "Baugenehmigung");
    assertThat(efiles.checkIntegrity(UUID.fromString(application.efileId())).intact()).isTrue();
  }

  @Test
  void simultaneousSubmitsWithOneIdempotencyKeyMakeOneApplication() {
    String key = UUID.randomUUID().toString();
    CyclicBarrier start = new CyclicBarrier(2);
    List<CompletableFuture<ResponseEntity<JsonNode>>> submits =
        List.of(1, 2).stream()
            .map(
                i ->
                    CompletableFuture.supplyAsync(
                        () -> {
                          try {
                            start.await();
                          } catch (Exception e) {
                            throw new IllegalStateException(e);
                          }
                          return post(anonymous, PermitFixtures.application(), key);
                        }))
            .toList();
    List<ResponseEntity<JsonNode>> responses =
        submits.stream().map(CompletableFuture::join).toList();

    assertThat(responses).allSatisfy(r -> assertThat(r.getStatusCode().value()).isEqualTo(201));
    assertThat(responses.stream().map(r -> r.getBody().get("applicationId").asText()).distinct())
        .hasSize(1);
    assertThat(applications.findByIdempotencyKey(key)).isPresent();
    assertThat(
            runtime
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(responses.get(0).getBody().get("fileNumber").asText())
                .count())
        .isEqualTo(1);
  }
}
