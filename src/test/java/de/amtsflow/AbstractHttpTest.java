package de.amtsflow;

import de.amtsflow.letters.MailOutbox;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.AbstractAssertions;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.client.RestClient;

/**
 * Base of tests that talk to the running application over real HTTP, as curl or a browser would,
 * with the dev profile's demo users (password = user name).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"dev", "test"})
@Import(EngineClock.class)
public abstract class AbstractHttpTest {

  @LocalServerPort protected int port;

  protected RestClient anonymous;

  @Autowired private ProcessEngine processEngine;
  @Autowired private ManagementService management;
  @Autowired private MailOutbox mailOutbox;

  @BeforeEach
  void createClient() {
    anonymous = client().build();
    // camunda-bpm-assert keeps the first engine it found; after another test class's context
    // replaced this one's (one context at a time), it must be told about this context's engine
    AbstractAssertions.init(processEngine);
  }

  /**
   * Runs the process instance's async continuations (letters, payment orders, closing) as the job
   * executor would; tests switch it off to run them explicitly.
   */
  protected void runJobs(ProcessInstance pi) {
    for (int i = 0; i < 10; i++) {
      List<Job> jobs = new java.util.ArrayList<>();
      for (String id : caseInstanceIds(pi)) {
        jobs.addAll(
            management.createJobQuery().processInstanceId(id).executable().messages().list());
      }
      if (jobs.isEmpty()) {
        return;
      }
      jobs.forEach(job -> management.executeJob(job.getId()));
    }
  }

  /**
   * The instance and the instances it called (the Gemeinde's Einvernehmen runs in a process of its
   * own, in the Gemeinde's tenant), active or not.
   */
  protected List<String> caseInstanceIds(ProcessInstance pi) {
    List<String> ids = new java.util.ArrayList<>(List.of(pi.getId()));
    processEngine
        .getRuntimeService()
        .createProcessInstanceQuery()
        .superProcessInstanceId(pi.getId())
        .list()
        .forEach(sub -> ids.add(sub.getId()));
    return ids;
  }

  /**
   * Waits until the mail outbox has handed every queued mail to the SMTP server: mail is delivered
   * by its own thread after the job's commit.
   */
  protected void awaitMailDelivered() {
    Awaitility.await("mail delivered")
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> mailOutbox.unsent() == 0);
  }

  /**
   * The KoSIT testsuite's sample XRechnung (UBL) with a fresh invoice number, addressed to this
   * Leitweg-ID (BT-10): an invoice for that authority.
   */
  protected static byte[] sampleInvoiceFor(String leitwegId) {
    try (java.io.InputStream in =
        AbstractHttpTest.class.getResourceAsStream(
            "/invoice/xrechnung-testsuite/01.01a-INVOICE_ubl.xml")) {
      return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
          .replace(
              "<cbc:ID>123456XX</cbc:ID>", "<cbc:ID>T-" + java.util.UUID.randomUUID() + "</cbc:ID>")
          .replace("BuyerReference>04011000-12345-03<", "BuyerReference>" + leitwegId + "<")
          .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /**
   * Delivers an invoice as a supplier does (no login) and runs its first jobs; the receipt (202).
   */
  protected com.fasterxml.jackson.databind.JsonNode deliverInvoice(byte[] xml) {
    org.springframework.http.ResponseEntity<com.fasterxml.jackson.databind.JsonNode> receipt =
        anonymous
            .post()
            .uri("/api/invoices")
            .contentType(org.springframework.http.MediaType.APPLICATION_XML)
            .body(xml)
            .retrieve()
            .toEntity(com.fasterxml.jackson.databind.JsonNode.class);
    org.assertj.core.api.Assertions.assertThat(receipt.getStatusCode().value())
        .as("%s", receipt.getBody())
        .isEqualTo(202);
    runJobs(
        processEngine
            .getRuntimeService()
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(receipt.getBody().get("fileNumber").asText())
            .singleResult());
    return receipt.getBody();
  }

  protected RestClient.Builder client() {
    return RestClient.builder()
        .baseUrl("http://localhost:" + port)
        // read error bodies instead of throwing: the tests assert status and problem
        .defaultStatusHandler(status -> true, (request, response) -> {});
  }

  protected RestClient as(String user) {
    return as(user, user);
  }

  protected RestClient as(String user, String password) {
    return client()
        .defaultHeaders(headers -> headers.setBasicAuth(user, password))
        .defaultHeader(HttpHeaders.ACCEPT, "application/json, application/problem+json, */*")
        .build();
  }
}
