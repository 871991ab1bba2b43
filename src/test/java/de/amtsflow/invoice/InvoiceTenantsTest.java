package de.amtsflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsflow.AbstractHttpTest;
import de.amtsflow.efile.Document;
import de.amtsflow.efile.EFileStore;
import de.amtsflow.letters.LetterText;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * An invoice for Gemeinde Adorf (its Leitweg-ID) is Adorf's: its Aktenzeichen series, its clerks,
 * its account on the payment order, its letterhead on the rejection.
 */
class InvoiceTenantsTest extends AbstractHttpTest {

  private static final String ADORF = "09375111-1000-10";

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired EFileStore efiles;

  @Test
  void adorfsInvoiceIsPaidFromAdorfsAccount() throws Exception {
    JsonNode receipt = post(ADORF);
    assertThat(receipt.get("fileNumber").asText()).startsWith("ADF-RE-");
    ProcessInstance pi = instance(receipt);
    assertThat(pi.getTenantId()).isEqualTo("gemeinde-a");
    // the Landratsamt's approver does not see it; Adorf's does
    assertThat(status(complete("pruefer", pi, Map.of("decision", "APPROVE")))).isEqualTo(404);
    assertThat(status(complete("pruefer-a", pi, Map.of("decision", "APPROVE")))).isEqualTo(200);
    assertThat(status(complete("kasse-a", pi, Map.of("decision", "APPROVE")))).isEqualTo(200);
    runJobs(pi);

    String order = text(receipt, "payment-order");
    assertThat(order)
        .contains("<Dbtr><Nm>Gemeinde Adorf</Nm></Dbtr>")
        .contains("<IBAN>DE89370400440532013000</IBAN>");
  }

  @Test
  void adorfsRejectionComesUnderAdorfsLetterhead() throws Exception {
    JsonNode receipt = post(ADORF);
    ProcessInstance pi = instance(receipt);
    assertThat(
            status(
                complete(
                    "pruefer-a",
                    pi,
                    Map.of("decision", "REJECT", "reason", "Leistung nicht erbracht"))))
        .isEqualTo(200);
    runJobs(pi);

    Document notice =
        efiles.documents(UUID.fromString(receipt.get("efileId").asText())).stream()
            .filter(d -> d.kind().equals(NotifySupplierDelegate.KIND_NOTICE))
            .findFirst()
            .orElseThrow();
    String letter =
        LetterText.of(
            efiles
                .content(UUID.fromString(receipt.get("efileId").asText()), notice.id(), null)
                .readAllBytes());
    assertThat(letter).contains("Gemeinde Adorf", "Rathausplatz 1").doesNotContain("Musterkreis");
  }

  @Test
  void anInvoiceClarifiedToAdorfIsHandedOverToAdorf() throws Exception {
    // a valid Leitweg-ID no authority here claims: the receiving Landratsamt clarifies it
    JsonNode receipt = post("04011000-99999-08");
    ProcessInstance received = instance(receipt);
    assertThat(received.getTenantId()).isEqualTo("lra");
    assertThat(
            tasks
                .createTaskQuery()
                .processInstanceId(received.getId())
                .singleResult()
                .getTaskDefinitionKey())
        .isEqualTo(InvoiceProcess.Task.CLARIFY_ASSIGNMENT);
    assertThat(
            status(
                complete(
                    "rechnung",
                    received,
                    Map.of("decision", "APPROVE", "leitwegId", ADORF, "category", "IT"))))
        .isEqualTo(200);

    // the Landratsamt's instance ended; Adorf's approval runs, under the same Aktenzeichen
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(received.getId()).count())
        .isZero();
    ProcessInstance adorfs = instance(receipt);
    assertThat(adorfs.getTenantId()).isEqualTo("gemeinde-a");
    UUID efileId = UUID.fromString(receipt.get("efileId").asText());
    assertThat(efiles.get(efileId).tenantId()).isEqualTo("gemeinde-a");
    assertThat(efiles.audit(efileId))
        .anySatisfy(e -> assertThat(e.action()).isEqualTo("HANDED_OVER"));
    assertThat(efiles.checkIntegrity(efileId).intact()).isTrue();
    assertThat(
            status(
                as("rechnung")
                    .get()
                    .uri("/api/efiles/{id}", efileId)
                    .retrieve()
                    .toEntity(String.class)))
        .isEqualTo(403);
    assertThat(
            status(
                as("kasse-a")
                    .get()
                    .uri("/api/efiles/{id}", efileId)
                    .retrieve()
                    .toEntity(String.class)))
        .isEqualTo(200);
    assertThat(status(complete("pruefer", adorfs, Map.of("decision", "APPROVE")))).isEqualTo(404);
    assertThat(status(complete("pruefer-a", adorfs, Map.of("decision", "APPROVE")))).isEqualTo(200);
  }

  private JsonNode post(String leitwegId) {
    return deliverInvoice(sampleInvoiceFor(leitwegId));
  }

  private ProcessInstance instance(JsonNode receipt) {
    ProcessInstance pi =
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(receipt.get("fileNumber").asText())
            .singleResult();
    runJobs(pi);
    return pi;
  }

  /** Completes the instance's one open task as the user. */
  private ResponseEntity<JsonNode> complete(String user, ProcessInstance pi, Map<String, ?> body) {
    String task = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    return as(user)
        .post()
        .uri("/api/tasks/{id}/complete", task)
        .contentType(MediaType.APPLICATION_JSON)
        .body(body)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  private String text(JsonNode receipt, String kind) throws Exception {
    UUID efileId = UUID.fromString(receipt.get("efileId").asText());
    Document document =
        efiles.documents(efileId).stream()
            .filter(d -> d.kind().equals(kind))
            .findFirst()
            .orElseThrow();
    return new String(
        efiles.content(efileId, document.id(), null).readAllBytes(), StandardCharsets.UTF_8);
  }

  private static int status(ResponseEntity<?> response) {
    return response.getStatusCode().value();
  }
}
