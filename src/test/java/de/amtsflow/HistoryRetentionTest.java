package de.amtsflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import de.amtsflow.invoice.InvoiceProcess;
import de.amtsflow.permit.PermitProcess;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.historycleanup.BatchWindow;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.client.RestClient;

/**
 * The engine history of an ended case is removed by the history cleanup once its process's
 * historyTimeToLive has passed (counted from the case's end), not a day earlier; the e-file, the
 * case's record, is untouched: same documents, same audit trail, intact. The e-file's own retention
 * is decided elsewhere (EFileRetentionReviewProcess).
 */
class HistoryRetentionTest extends AbstractHttpTest {

  /**
   * Acknowledgements and notices go out by mail; the jobs sending them must succeed. On a port of
   * its own: the machine is shared, and the fixed test port may be another run's mailbox.
   */
  static final int SMTP_PORT = freePort();

  @RegisterExtension
  static GreenMailExtension mail =
      new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));

  @DynamicPropertySource
  static void smtp(DynamicPropertyRegistry registry) {
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Autowired HistoryService history;
  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired RepositoryService repository;
  @Autowired ObjectMapper json;
  @Autowired ProcessEngine engine;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void approvedInvoiceHistoryIsRemovedAfterItsTimeToLiveButNotItsEFile() {
    ResponseEntity<JsonNode> response =
        anonymous
            .post()
            .uri("/api/invoices")
            .contentType(MediaType.APPLICATION_XML)
            .body(invoice())
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(response.getStatusCode().value()).isEqualTo(202);
    JsonNode receipt = response.getBody();
    ProcessInstance pi = instance(receipt.get("fileNumber").asText());
    completeOk("pruefer", task(pi, InvoiceProcess.Task.CONFIRM_FACTUAL), approve());
    completeOk("rechnung", task(pi, InvoiceProcess.Task.CONFIRM_ARITHMETIC), approve());
    runJobs(pi);
    assertThat(pi).isEnded();
    String efileId = receipt.get("efileId").asText();
    assertThat(efile(efileId).documents().findValuesAsText("kind"))
        .containsExactly(
            "invoice-original", "validation-report", "payment-order", "invoice-rendering");

    // two DMN decisions routed the invoice; their history goes with the process instance's
    // (the root's removal time), not after the decisions' own historyTimeToLive
    List<HistoricDecisionInstance> decisions =
        history.createHistoricDecisionInstanceQuery().processInstanceId(pi.getId()).list();
    assertThat(decisions).hasSize(2);
    assertThat(decisions)
        .allSatisfy(d -> assertThat(d.getRemovalTime()).isEqualTo(removalTime(pi)));

    assertHistoryLivesExactlyItsTimeToLive(pi, 3288, efileId);
  }

  @Test
  void withdrawnPermitApplicationHistoryIsRemovedAfterItsTimeToLiveButNotItsEFile() {
    ResponseEntity<JsonNode> response =
        anonymous
            .post()
            .uri("/api/permit-applications")
            .contentType(MediaType.APPLICATION_JSON)
            .body(permitApplication())
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
    String applicationId = response.getBody().get("applicationId").asText();
    ProcessInstance pi = instance(response.getBody().get("fileNumber").asText());
    runJobs(pi);
    LocalDate deadline = workday(LocalDate.now(BERLIN).plusDays(14));
    completeOk(
        "bauamt",
        task(pi, PermitProcess.Task.CHECK_COMPLETENESS),
        Map.of(
            "completeness",
            "INCOMPLETE",
            "missingDocuments",
            List.of("Lageplan"),
            "resubmissionDeadline",
            deadline.toString()));
    runJobs(pi);
    // nothing arrives: the day after the deadline the application counts as withdrawn
    ClockUtil.setCurrentTime(
        Date.from(deadline.plusDays(1).atTime(10, 0).atZone(BERLIN).toInstant()));
    List<Job> due =
        management.createJobQuery().processInstanceId(pi.getId()).timers().executable().list();
    assertThat(due).hasSize(1);
    management.executeJob(due.get(0).getId());
    runJobs(pi);
    assertThat(pi).isEnded();
    String efileId =
        as("bauamt")
            .get()
            .uri("/api/permit-applications/{id}", applicationId)
            .retrieve()
            .body(JsonNode.class)
            .get("efileId")
            .asText();

    assertHistoryLivesExactlyItsTimeToLive(pi, 3650, efileId);
  }

  @Test
  void cleanupRunsRemovalTimeBasedInTheNightWindow() {
    ProcessEngineConfigurationImpl config =
        (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    assertThat(config.getHistoryCleanupStrategy()).isEqualTo("removalTimeBased");
    assertThat(config.getHistoryRemovalTimeStrategy()).isEqualTo("end");
    assertThat(config.getHistoryCleanupDegreeOfParallelism()).isOne();
    assertThat(config.getHistoryCleanupBatchSize()).isEqualTo(500);
    // nothing of the engine's own is kept forever
    assertThat(config.getBatchOperationHistoryTimeToLive()).isEqualTo("P30D");
    assertThat(config.getHistoryCleanupJobLogTimeToLive()).isEqualTo("P30D");
    assertThat(config.getTaskMetricsTimeToLive()).isEqualTo("P540D");

    // the window the engine computes (what Cockpit and /engine-rest/history/cleanup/configuration
    // show; read from the engine itself: the REST API finds the JVM's engine by name, and another
    // test class's context may have registered its own under the same name)
    BatchWindow window =
        config
            .getBatchWindowManager()
            .getCurrentOrNextBatchWindow(ClockUtil.getCurrentTime(), config);
    ZoneOffset cet = ZoneOffset.ofHours(1);
    OffsetDateTime start = window.getStart().toInstant().atOffset(cet);
    OffsetDateTime end = window.getEnd().toInstant().atOffset(cet);
    assertThat(start.withOffsetSameInstant(cet).toLocalTime()).isEqualTo(LocalTime.of(20, 0));
    assertThat(end.withOffsetSameInstant(cet).toLocalTime()).isEqualTo(LocalTime.of(5, 0));
    assertThat(Duration.between(start, end)).isEqualTo(Duration.ofHours(9));
    // scheduled at start-up: the job executor runs it in the window without anyone's call
    assertThat(history.findHistoryCleanupJobs()).isNotEmpty();
  }

  /**
   * One day before the removal time a cleanup run leaves every history row of the case; just after
   * it, none is left, and the e-file reads exactly as before.
   */
  void assertHistoryLivesExactlyItsTimeToLive(ProcessInstance pi, int days, String efileId) {
    assertThat(repository.getProcessDefinition(pi.getProcessDefinitionId()).getHistoryTimeToLive())
        .isEqualTo(days);
    HistoricProcessInstance ended =
        history.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult();
    // removal-time strategy "end": the time to live starts when the case ends
    assertThat(removalTime(pi))
        .isEqualTo(
            Date.from(
                ZonedDateTime.ofInstant(ended.getEndTime().toInstant(), ZoneId.systemDefault())
                    .plusDays(days)
                    .toInstant()));
    HistoryCounts kept = counts(pi.getId());
    assertThat(kept.processInstances()).isOne();
    assertThat(List.of(kept.activities(), kept.variables(), kept.details(), kept.tasks()))
        .allSatisfy(count -> assertThat(count).isPositive());
    assertThat(kept.jobLog()).isPositive();
    assertThat(kept.operationLog()).isPositive();
    EFileView record = efile(efileId);
    assertThat(record.efile().get("status").asText()).isEqualTo("CLOSED");
    assertThat(record.audit()).isNotEmpty();
    assertThat(record.integrity().get("intact").asBoolean()).isTrue();

    ClockUtil.setCurrentTime(Date.from(removalTime(pi).toInstant().minus(Duration.ofDays(1))));
    cleanUpHistory();
    assertThat(counts(pi.getId())).isEqualTo(kept);

    ClockUtil.setCurrentTime(Date.from(removalTime(pi).toInstant().plus(Duration.ofMinutes(1))));
    cleanUpHistory();
    assertThat(counts(pi.getId())).isEqualTo(HistoryCounts.NONE);
    // the clock is now past the e-file's own retention too: only the retention review may
    // release an e-file, never the engine's cleanup
    assertThat(efile(efileId)).isEqualTo(record);
  }

  Date removalTime(ProcessInstance pi) {
    Date removal =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(pi.getId())
            .singleResult()
            .getRemovalTime();
    assertThat(removal).as("removal time of %s", pi.getId()).isNotNull();
    return removal;
  }

  /** As the batch window would, but now: cleanUpHistoryAsync(true) makes the jobs due at once. */
  void cleanUpHistory() {
    history.cleanUpHistoryAsync(true);
    List<Job> jobs = history.findHistoryCleanupJobs();
    assertThat(jobs).isNotEmpty();
    jobs.forEach(job -> management.executeJob(job.getId()));
  }

  /** What the engine keeps of one case: the instance and what hangs off it. */
  record HistoryCounts(
      long processInstances,
      long activities,
      long variables,
      long details,
      long tasks,
      long decisions,
      long jobLog,
      long operationLog) {
    static final HistoryCounts NONE = new HistoryCounts(0, 0, 0, 0, 0, 0, 0, 0);
  }

  HistoryCounts counts(String processInstanceId) {
    return new HistoryCounts(
        history.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId).count(),
        history.createHistoricActivityInstanceQuery().processInstanceId(processInstanceId).count(),
        history.createHistoricVariableInstanceQuery().processInstanceId(processInstanceId).count(),
        history.createHistoricDetailQuery().processInstanceId(processInstanceId).count(),
        history.createHistoricTaskInstanceQuery().processInstanceId(processInstanceId).count(),
        history.createHistoricDecisionInstanceQuery().processInstanceId(processInstanceId).count(),
        history.createHistoricJobLogQuery().processInstanceId(processInstanceId).count(),
        history.createUserOperationLogQuery().processInstanceId(processInstanceId).count());
  }

  /** The e-file as an administrator reads it over REST; integrity without its check time. */
  record EFileView(JsonNode efile, JsonNode documents, JsonNode audit, JsonNode integrity) {}

  EFileView efile(String efileId) {
    RestClient admin = as("admin", "test-admin-password");
    ObjectNode integrity =
        admin.get().uri("/api/efiles/{id}/integrity", efileId).retrieve().body(ObjectNode.class);
    integrity.remove("checkedAt");
    return new EFileView(
        admin.get().uri("/api/efiles/{id}", efileId).retrieve().body(JsonNode.class),
        admin.get().uri("/api/efiles/{id}/documents", efileId).retrieve().body(JsonNode.class),
        admin.get().uri("/api/efiles/{id}/audit", efileId).retrieve().body(JsonNode.class),
        integrity);
  }

  ProcessInstance instance(String fileNumber) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(fileNumber)
        .singleResult();
  }

  Task task(ProcessInstance pi, String key) {
    return tasks
        .createTaskQuery()
        .processInstanceId(pi.getId())
        .taskDefinitionKey(key)
        .singleResult();
  }

  void completeOk(String user, Task task, Map<String, Object> payload) {
    ResponseEntity<JsonNode> response =
        as(user)
            .post()
            .uri("/api/tasks/{id}/complete", task.getId())
            .contentType(MediaType.APPLICATION_JSON)
            .body(payload)
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
  }

  static Map<String, Object> approve() {
    return Map.of("decision", "APPROVE");
  }

  /** An XRechnung below the payment-order limit, with a fresh number (no duplicate). */
  static byte[] invoice() {
    String xml = resource("/invoice/xrechnung-testsuite/01.01a-INVOICE_ubl.xml");
    String number = "<cbc:ID>123456XX</cbc:ID>";
    assertThat(xml).contains(number);
    return xml.replace(
            number, "<cbc:ID>H-" + UUID.randomUUID().toString().substring(0, 8) + "</cbc:ID>")
        .getBytes(StandardCharsets.UTF_8);
  }

  /** A Sonderbau in the Baugenehmigungsverfahren: no Genehmigungsfiktion runs beside it. */
  ObjectNode permitApplication() {
    try {
      ObjectNode application = (ObjectNode) json.readTree(resource("/permit/application.json"));
      application.put("procedure", "REGULAR");
      ((ObjectNode) application.get("project"))
          .put("description", "Neubau einer Kindertagesstätte")
          .put("buildingClass", 3)
          .put("specialBuilding", true)
          .put("mainlyResidential", false);
      return application;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String resource(String name) {
    try (InputStream in = HistoryRetentionTest.class.getResourceAsStream(name)) {
      assertThat(in).as(name).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Deadlines end on working days (no weekend, no Bavarian public holiday). */
  static LocalDate workday(LocalDate day) {
    return de.amtsflow.calendar.WorkingCalendar.of("BY").periodEnd(day);
  }
}
