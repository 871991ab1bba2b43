package de.amtsflow.permit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.amtsflow.AbstractHttpTest;
import de.amtsflow.efile.Document;
import de.amtsflow.efile.EFileStore;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** The citizen's and the clerks' HTTP calls, as the web form, curl or Tasklist make them. */
abstract class AbstractPermitTest extends AbstractHttpTest {

  /** The applicant's mailbox: mail is the world outside the municipality. */
  @RegisterExtension static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired org.camunda.bpm.engine.HistoryService history;
  @Autowired ManagementService management;
  @Autowired EFileStore efiles;
  @Autowired PermitApplicationRepository applications;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  /** A submitted application as the citizen holds it: id and token. */
  record Submitted(String id, String token, String fileNumber, String efileId) {}

  ResponseEntity<JsonNode> post(RestClient client, Object body, String idempotencyKey) {
    return client
        .post()
        .uri("/api/permit-applications")
        .contentType(MediaType.APPLICATION_JSON)
        .headers(
            h -> {
              if (idempotencyKey != null) {
                h.set("Idempotency-Key", idempotencyKey);
              }
            })
        .body(body)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  Submitted submit(Map<String, Object> application) {
    ResponseEntity<JsonNode> response = post(anonymous, application, null);
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(201);
    JsonNode receipt = response.getBody();
    String id = receipt.get("applicationId").asText();
    return new Submitted(
        id,
        receipt.get("trackingToken").asText(),
        receipt.get("fileNumber").asText(),
        applications.findById(UUID.fromString(id)).orElseThrow().efileId.toString());
  }

  ResponseEntity<JsonNode> upload(
      String id, String token, String kind, String fileName, byte[] content) {
    return upload(anonymous, id, token, kind, fileName, content, Map.of());
  }

  /** An upload as the citizen's page (or a clerk scanning a paper case) sends it. */
  ResponseEntity<JsonNode> upload(
      RestClient client,
      String id,
      String token,
      String kind,
      String fileName,
      byte[] content,
      Map<String, String> params) {
    MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
    form.add(
        "file",
        new ByteArrayResource(content) {
          @Override
          public String getFilename() {
            return fileName;
          }
        });
    form.add("kind", kind);
    params.forEach(form::add);
    return client
        .post()
        .uri("/api/permit-applications/{id}/documents", id)
        .contentType(MediaType.MULTIPART_FORM_DATA)
        .headers(
            h -> {
              if (token != null) {
                h.set("X-Tracking-Token", token);
              }
            })
        .body(form)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  ResponseEntity<JsonNode> status(String id, String token) {
    return anonymous
        .get()
        .uri("/api/permit-applications/{id}/status", id)
        .headers(
            h -> {
              if (token != null) {
                h.set("X-Tracking-Token", token);
              }
            })
        .header(HttpHeaders.ACCEPT, "application/json, application/problem+json")
        .retrieve()
        .toEntity(JsonNode.class);
  }

  JsonNode status(Submitted application) {
    ResponseEntity<JsonNode> response = status(application.id(), application.token());
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return response.getBody();
  }

  ProcessInstance instance(Submitted application) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(application.fileNumber())
        .singleResult();
  }

  /** Fires the timers that are due at the (moved) engine clock, then what follows them. */
  int fireDueTimers(ProcessInstance pi) {
    List<Job> due = new java.util.ArrayList<>();
    for (String id : caseInstanceIds(pi)) {
      due.addAll(management.createJobQuery().processInstanceId(id).executable().timers().list());
    }
    due.forEach(job -> management.executeJob(job.getId()));
    runJobs(pi);
    return due.size();
  }

  /** The case's open tasks with this key, the Gemeinde's Einvernehmen (its own instance) too. */
  List<Task> open(ProcessInstance pi, String key) {
    return tasks
        .createTaskQuery()
        .processInstanceIdIn(caseInstanceIds(pi).toArray(String[]::new))
        .taskDefinitionKey(key)
        .list();
  }

  Task task(ProcessInstance pi, String key) {
    List<Task> open = open(pi, key);
    assertThat(open).as("open %s", key).hasSize(1);
    return open.get(0);
  }

  ResponseEntity<JsonNode> complete(String user, Task task, Object payload) {
    return as(user)
        .post()
        .uri("/api/tasks/{id}/complete", task.getId())
        .contentType(MediaType.APPLICATION_JSON)
        .body(payload)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  /** Completes the task and runs what follows asynchronously (filing, letters). */
  void completeOk(String user, Task task, Object payload) {
    ResponseEntity<JsonNode> response = complete(user, task, payload);
    assertThat(response.getStatusCode().value()).as("%s", response.getBody()).isEqualTo(200);
    // the case's instance: the task may belong to one it called (the Gemeinde's Einvernehmen)
    String root =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(task.getProcessInstanceId())
            .singleResult()
            .getRootProcessInstanceId();
    ProcessInstance pi =
        runtime.createProcessInstanceQuery().processInstanceId(root).singleResult();
    if (pi != null) {
      runJobs(pi);
    }
  }

  /** "Vollständigkeit prüfen" → complete, hearing the given agencies. */
  void confirmComplete(ProcessInstance pi, String... agencies) {
    completeOk(
        "bauamt",
        task(pi, PermitProcess.Task.CHECK_COMPLETENESS),
        Map.of("completeness", "COMPLETE", "agencies", List.of(agencies)));
  }

  /** "Vollständigkeit prüfen" → incomplete: a Nachforderung for these documents until then. */
  void requestDocuments(ProcessInstance pi, List<String> missing, java.time.LocalDate deadline) {
    completeOk(
        "bauamt",
        task(pi, PermitProcess.Task.CHECK_COMPLETENESS),
        Map.of(
            "completeness",
            "INCOMPLETE",
            "missingDocuments",
            missing,
            "resubmissionDeadline",
            deadline.toString()));
  }

  /**
   * A case driven to its end as the clerks would: a Nachforderung for the Baubeschreibung, which
   * the citizen hands in; complete, the Gemeinde and the Wasserwirtschaftsamt heard; reviewed and
   * approved; its e-file closed. The engine clock moves on a minute before each step, so the steps
   * have an order in the case's history; it is reset at the end.
   */
  Closed approvedAfterNachforderung() {
    ClockUtil.setCurrentTime(new java.util.Date());
    Submitted application = submit(PermitFixtures.regularApplication());
    ProcessInstance pi = instance(application);
    runJobs(pi);
    nextMinute();
    java.time.LocalDate deadline =
        PermitFixtures.workday(
            java.time.LocalDate.now(java.time.ZoneId.of("Europe/Berlin")).plusDays(14));
    requestDocuments(pi, List.of("Baubeschreibung"), deadline);
    nextMinute();
    assertThat(
            upload(
                    application.id(),
                    application.token(),
                    "BUILDING_DESCRIPTION",
                    "baubeschreibung.pdf",
                    PermitFixtures.pdf())
                .getStatusCode()
                .value())
        .isEqualTo(201);
    runJobs(pi);
    nextMinute();
    confirmComplete(pi, "WATER");
    nextMinute();
    completeOk(
        "gemeinde", task(pi, PermitProcess.Task.MUNICIPAL_CONSENT), Map.of("consent", "GRANTED"));
    nextMinute();
    completeOk(
        "fachstelle",
        task(pi, PermitProcess.Task.AGENCY_STATEMENT),
        Map.of(
            "statement",
            "CONSENT_WITH_CONDITIONS",
            "text",
            "Niederschlagswasser ist auf dem Grundstück zu versickern."));
    nextMinute();
    completeOk(
        "bauamt", task(pi, PermitProcess.Task.REVIEW), Map.of("notes", "zulässig nach § 34 BauGB"));
    nextMinute();
    completeOk("bauamt", task(pi, PermitProcess.Task.DECIDE), Map.of("decision", "APPROVE"));
    runJobs(pi);
    ClockUtil.reset();
    return new Closed(application, deadline);
  }

  /** A case that has ended, and the deadline its Nachforderung set. */
  record Closed(Submitted application, java.time.LocalDate requestDeadline) {}

  private static void nextMinute() {
    ClockUtil.setCurrentTime(
        new java.util.Date(
            ClockUtil.getCurrentTime().getTime() + java.time.Duration.ofMinutes(1).toMillis()));
  }

  List<Document> documents(Submitted application) {
    return efiles.documents(UUID.fromString(application.efileId()));
  }

  List<String> titles(Submitted application) {
    return documents(application).stream().map(Document::title).toList();
  }
}
