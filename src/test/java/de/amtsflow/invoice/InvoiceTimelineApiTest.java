package de.amtsflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsflow.AbstractHttpTest;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An approved invoice's e-file as clerks read it: the kinds and who filed them in the words of the
 * invoice module, and the Verlauf with who confirmed "sachlich" and "rechnerisch richtig".
 */
class InvoiceTimelineApiTest extends AbstractHttpTest {

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  void complete(String user, ProcessInstance pi, String taskKey) {
    String task =
        tasks
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey(taskKey)
            .singleResult()
            .getId();
    ResponseEntity<JsonNode> done =
        as(user)
            .post()
            .uri("/api/tasks/{id}/complete", task)
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("decision", "APPROVE"))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(done.getStatusCode().value()).as("%s", done.getBody()).isEqualTo(200);
    runJobs(pi);
  }

  @Test
  void anApprovedInvoiceNamesItsDocumentsAndWhoConfirmedIt() {
    JsonNode receipt =
        anonymous
            .post()
            .uri("/api/invoices")
            .contentType(MediaType.APPLICATION_XML)
            .body(InvoiceApprovalProcessTest.small(InvoiceApprovalProcessTest.unique()))
            .retrieve()
            .body(JsonNode.class);
    String efileId = receipt.get("efileId").asText();
    ProcessInstance pi =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(receipt.get("fileNumber").asText())
            .singleResult();
    runJobs(pi);
    complete("pruefer", pi, InvoiceProcess.Task.CONFIRM_FACTUAL);
    complete("rechnung", pi, InvoiceProcess.Task.CONFIRM_ARITHMETIC);

    JsonNode documents =
        as("rechnung")
            .get()
            .uri("/api/efiles/{id}/documents", efileId)
            .retrieve()
            .body(JsonNode.class);
    assertThat(documents)
        .extracting(d -> d.get("kindLabel").asText(), d -> d.get("createdByName").asText())
        .containsExactly(
            tuple("Originalrechnung", "Rechnungseingang (automatisch)"),
            tuple("Prüfbericht", "Rechnungseingang (automatisch)"),
            tuple("Lesbare Fassung der Rechnung", "automatisch (System)"),
            tuple("Zahlungsanordnung", "automatisch (System)"));

    JsonNode timeline =
        as("rechnung")
            .get()
            .uri("/api/efiles/{id}/timeline", efileId)
            .retrieve()
            .body(JsonNode.class);
    assertThat(timeline.get("withheld").asBoolean()).isFalse();
    Set<String> process = Set.of("PROCESS_STARTED", "TASK_COMPLETED", "PROCESS_ENDED");
    assertThat(timeline.get("steps"))
        .filteredOn(s -> process.contains(s.get("type").asText()))
        .extracting(
            s -> s.get("text").asText(),
            s -> s.get("actorName").asText(),
            s -> s.get("detail").asText())
        .containsExactly(
            tuple(
                "E-Rechnung eingegangen", "automatisch (System)", "E-Rechnung freigeben begonnen"),
            tuple("Sachlich richtig feststellen", "Paul Prüfer (pruefer)", "sachlich richtig"),
            tuple(
                "Rechnerisch richtig feststellen",
                "Rita Rechnung (rechnung)",
                "rechnerisch richtig"),
            tuple("Zahlung angeordnet", "automatisch (System)", "E-Rechnung freigeben beendet"));

    // the Bauaufsicht does not read invoices
    assertThat(
            as("bauamt")
                .get()
                .uri("/api/efiles/{id}/timeline", efileId)
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(403);
  }
}
