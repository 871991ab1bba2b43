package de.amtsflow.permit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsflow.browser.WebappBrowser;
import de.amtsflow.efile.Document;
import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The isolation matrix (issue 14): every demo user (role × tenant) against every case of every
 * authority, through every way in — our API, the engine REST API, Tasklist's own REST API (a webapp
 * session), e-file content and the engine's history. A user who is not entitled to a case must read
 * nothing of it and change nothing; the entitled ones must see it (else a probe that reads nothing
 * for everyone would prove nothing).
 *
 * <p>Cases: a Bauantrag whose plot lies in Gemeinde Adorf (gemeinde-a) with the
 * Wasserwirtschaftsamt asked, one in Markt Bergheim (gemeinde-b) with the Denkmalschutz asked, and
 * an invoice for each authority's Leitweg-ID (Landratsamt, Adorf, Bergheim). The matrix is written
 * to {@code target/isolation/matrix.tsv}, its counts to {@code target/isolation/summary.txt}.
 */
class TenantIsolationTest extends AbstractPermitTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Each demo user with their tenant and roles, as README's table lists them. */
  private static final List<String> USERS =
      List.of(
          "bauamt",
          "gemeinde",
          "gemeinde-b",
          "fachstelle",
          "denkmal",
          "rechnung",
          "pruefer",
          "anordnung",
          "kasse-a",
          "pruefer-a",
          "kasse-b",
          "pruefer-b");

  /**
   * A case as the probes see it.
   *
   * @param entitled who may read it: its authority's clerks, the Gemeinde and Fachstellen asked
   * @param resource our API's read of the case (application or invoice)
   */
  record Case(
      String name,
      String fileNumber,
      String efileId,
      String documentId,
      String resource,
      List<String> taskIds,
      Set<String> entitled,
      Set<String> candidates) {}

  record Probe(String user, String caseName, String endpoint, boolean entitled, String outcome) {}

  private final List<Probe> probes = new ArrayList<>();
  private final List<Case> cases = new ArrayList<>();

  @Test
  void noUserReadsOrChangesAnotherAuthoritysCase() throws Exception {
    cases.add(
        permit(
            "Bauantrag Adorf",
            PermitFixtures.GEMEINDE_A,
            "WATER",
            Set.of("bauamt", "gemeinde", "fachstelle"),
            Set.of("gemeinde", "fachstelle")));
    cases.add(
        permit(
            "Bauantrag Bergheim",
            PermitFixtures.GEMEINDE_B,
            "MONUMENT",
            Set.of("bauamt", "gemeinde-b", "fachstelle", "denkmal"),
            Set.of("gemeinde-b", "fachstelle", "denkmal")));
    cases.add(
        invoice(
            "Rechnung Landratsamt",
            "04011000-12345-03",
            Set.of("rechnung", "pruefer", "anordnung"),
            Set.of("pruefer")));
    cases.add(
        invoice(
            "Rechnung Adorf",
            "09375111-1000-10",
            Set.of("kasse-a", "pruefer-a"),
            Set.of("pruefer-a")));
    cases.add(
        invoice(
            "Rechnung Bergheim",
            "09375122-1000-04",
            Set.of("kasse-b", "pruefer-b"),
            Set.of("pruefer-b")));

    for (String user : USERS) {
      Tasklist tasklist = new Tasklist(user);
      for (Case c : cases) {
        probe(user, c, tasklist);
      }
    }
    Map<String, Integer> counts = report();

    assertThat(violations()).as("reads or writes of a case by a user not entitled to it").isEmpty();
    assertThat(missed()).as("entitled users who could not see their case").isEmpty();
    assertThat(counts.get("denied")).isGreaterThan(300);
  }

  // ---------- the cases

  private Case permit(
      String name,
      String municipalityKey,
      String agency,
      Set<String> entitled,
      Set<String> candidates) {
    Submitted submitted = submit(PermitFixtures.regularApplicationIn(municipalityKey));
    ProcessInstance pi = instance(submitted);
    runJobs(pi);
    confirmComplete(pi, agency);
    assertThat(open(pi, PermitProcess.Task.MUNICIPAL_CONSENT)).hasSize(1);
    assertThat(open(pi, PermitProcess.Task.AGENCY_STATEMENT)).hasSize(1);
    List<String> taskIds =
        tasks.createTaskQuery().processInstanceBusinessKey(submitted.fileNumber()).list().stream()
            .map(Task::getId)
            .toList();
    Document first = efiles.documents(UUID.fromString(submitted.efileId())).get(0);
    return new Case(
        name,
        submitted.fileNumber(),
        submitted.efileId(),
        first.id().toString(),
        "/api/permit-applications/" + submitted.id(),
        taskIds,
        entitled,
        candidates);
  }

  private Case invoice(
      String name, String leitwegId, Set<String> entitled, Set<String> candidates) {
    JsonNode receipt = deliverInvoice(sampleInvoiceFor(leitwegId));
    String fileNumber = receipt.get("fileNumber").asText();
    String efileId = receipt.get("efileId").asText();
    List<String> taskIds =
        tasks.createTaskQuery().processInstanceBusinessKey(fileNumber).list().stream()
            .map(Task::getId)
            .toList();
    assertThat(taskIds).as("%s waits for a clerk", name).isNotEmpty();
    Document first = efiles.documents(UUID.fromString(efileId)).get(0);
    return new Case(
        name,
        fileNumber,
        efileId,
        first.id().toString(),
        "/api/invoices/" + receipt.get("invoiceId").asText(),
        taskIds,
        entitled,
        candidates);
  }

  // ---------- the probes

  private void probe(String user, Case c, Tasklist tasklist) {
    boolean entitled = c.entitled().contains(user);
    String key = URLEncoder.encode(c.fileNumber(), StandardCharsets.UTF_8);
    // our API
    read(user, c, "api: GET /api/tasks?fileNumber", "/api/tasks?fileNumber=" + key, TOTAL);
    for (String task : c.taskIds()) {
      readOnly(user, c, "api: GET /api/tasks/{id}", "/api/tasks/" + task);
    }
    readOnly(user, c, "api: GET " + c.resource().replaceAll("/[^/]+$", "/{id}"), c.resource());
    // e-file content
    readOnly(user, c, "efile: GET /api/efiles/{id}", "/api/efiles/" + c.efileId());
    readOnly(user, c, "efile: GET /api/efiles?number", "/api/efiles?number=" + key);
    readOnly(
        user,
        c,
        "efile: GET …/documents/{id}/content",
        "/api/efiles/" + c.efileId() + "/documents/" + c.documentId() + "/content");
    readOnly(
        user,
        c,
        "efile: GET /api/efiles/{id}/timeline",
        "/api/efiles/" + c.efileId() + "/timeline");
    // the engine REST API
    read(
        user,
        c,
        "engine-rest: GET /task?processInstanceBusinessKey",
        "/engine-rest/task?processInstanceBusinessKey=" + key,
        LIST);
    read(
        user,
        c,
        "engine-rest: GET /process-instance?businessKey",
        "/engine-rest/process-instance?businessKey=" + key,
        LIST);
    for (String task : c.taskIds()) {
      readOnly(
          user,
          c,
          "engine-rest: GET /task/{id}/variables",
          "/engine-rest/task/" + task + "/variables");
    }
    // the engine's history
    read(
        user,
        c,
        "history: GET /history/process-instance?processInstanceBusinessKey",
        "/engine-rest/history/process-instance?processInstanceBusinessKey=" + key,
        LIST);
    read(
        user,
        c,
        "history: GET /history/task?processInstanceBusinessKey",
        "/engine-rest/history/task?processInstanceBusinessKey=" + key,
        LIST);
    // Tasklist's own REST API, with a webapp session as the browser has it
    record(
        user,
        c,
        "tasklist: GET /camunda/api/engine/…/task?processInstanceBusinessKey",
        entitled,
        tasklist.get(
            "/camunda/api/engine/engine/default/task?processInstanceBusinessKey=" + key, LIST));
    // writes: only by those not entitled (an entitled claim would change the case)
    if (!entitled) {
      for (String task : c.taskIds()) {
        write(user, c, "api: POST /api/tasks/{id}/claim", "/api/tasks/" + task + "/claim", null);
        write(
            user,
            c,
            "engine-rest: POST /task/{id}/claim",
            "/engine-rest/task/" + task + "/claim",
            Map.of("userId", user));
        write(
            user,
            c,
            "engine-rest: POST /task/{id}/complete",
            "/engine-rest/task/" + task + "/complete",
            Map.of());
      }
    }
  }

  /** What counts as "read something" in an answer. */
  private static final Predicate<JsonNode> TOTAL = body -> body.path("total").asInt(0) > 0;

  private static final Predicate<JsonNode> LIST = body -> body.isArray() && body.size() > 0;

  private void read(String user, Case c, String endpoint, String path, Predicate<JsonNode> saw) {
    ResponseEntity<String> response = as(user).get().uri(path).retrieve().toEntity(String.class);
    boolean read = response.getStatusCode().is2xxSuccessful() && saw.test(json(response.getBody()));
    record(user, c, endpoint, c.entitled().contains(user), read ? "READ" : outcome(response));
  }

  /** A single resource: any 2xx answer is a read. */
  private void readOnly(String user, Case c, String endpoint, String path) {
    ResponseEntity<String> response = as(user).get().uri(path).retrieve().toEntity(String.class);
    record(
        user,
        c,
        endpoint,
        c.entitled().contains(user),
        response.getStatusCode().is2xxSuccessful() ? "READ" : outcome(response));
  }

  private void write(String user, Case c, String endpoint, String path, Object body) {
    var request = as(user).post().uri(path).contentType(MediaType.APPLICATION_JSON);
    if (body != null) {
      request.body(body);
    }
    ResponseEntity<String> response = request.retrieve().toEntity(String.class);
    record(
        user,
        c,
        endpoint,
        false,
        response.getStatusCode().is2xxSuccessful() ? "WROTE" : outcome(response));
  }

  private static String outcome(ResponseEntity<String> response) {
    return response.getStatusCode().is2xxSuccessful()
        ? "empty"
        : "denied " + response.getStatusCode().value();
  }

  private void record(String user, Case c, String endpoint, boolean entitled, String outcome) {
    probes.add(new Probe(user, c.name(), endpoint, entitled, outcome));
  }

  private List<Probe> violations() {
    return probes.stream()
        .filter(p -> !p.entitled())
        .filter(p -> p.outcome().equals("READ") || p.outcome().equals("WROTE"))
        .toList();
  }

  /**
   * Entitled users must see their case where their role reads it: everyone entitled its e-file and
   * our API's view of it; those with an open task of the case their task lists; the authority's
   * clerks (and the Gemeinde, its own Einvernehmen process) the engine's history.
   */
  private List<Probe> missed() {
    return probes.stream()
        .filter(Probe::entitled)
        .filter(p -> !p.outcome().equals("READ"))
        .filter(p -> mustRead(p.user(), caseNamed(p.caseName()), p.endpoint()))
        .toList();
  }

  private boolean mustRead(String user, Case c, String endpoint) {
    if (endpoint.startsWith("efile: GET /api/efiles/{id}")
        || endpoint.startsWith("api: GET /api/permit")
        || endpoint.startsWith("api: GET /api/invoices")) {
      return true;
    }
    if (endpoint.startsWith("api: GET /api/tasks?")
        || endpoint.startsWith("engine-rest: GET /task?")
        || endpoint.startsWith("tasklist:")) {
      return c.candidates().contains(user);
    }
    if (endpoint.startsWith("history:")) {
      return !Set.of("fachstelle", "denkmal").contains(user);
    }
    return false;
  }

  private Case caseNamed(String name) {
    return cases.stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
  }

  private Map<String, Integer> report() throws IOException {
    Path dir = Path.of("target", "isolation");
    Files.createDirectories(dir);
    List<String> lines = new ArrayList<>();
    lines.add("user\tcase\tendpoint\tentitled\toutcome");
    for (Probe p : probes) {
      lines.add(
          String.join(
              "\t",
              p.user(),
              p.caseName(),
              p.endpoint(),
              String.valueOf(p.entitled()),
              p.outcome()));
    }
    Files.write(dir.resolve("matrix.tsv"), lines);
    Map<String, Integer> counts = new LinkedHashMap<>();
    counts.put("probes", probes.size());
    counts.put("users", USERS.size());
    counts.put("cases", 5);
    counts.put("not entitled", (int) probes.stream().filter(p -> !p.entitled()).count());
    counts.put(
        "denied",
        (int) probes.stream().filter(p -> !p.entitled() && !p.outcome().equals("READ")).count());
    counts.put("cross-tenant or unasked reads/writes", violations().size());
    counts.put("entitled probes", (int) probes.stream().filter(Probe::entitled).count());
    counts.put(
        "entitled reads",
        (int) probes.stream().filter(p -> p.entitled() && p.outcome().equals("READ")).count());
    counts.put("entitled misses", missed().size());
    List<String> summary = new ArrayList<>();
    counts.forEach((k, v) -> summary.add(k + ": " + v));
    Files.write(dir.resolve("summary.txt"), summary);
    return counts;
  }

  private static JsonNode json(String body) {
    try {
      return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
    } catch (IOException e) {
      return JSON.nullNode();
    }
  }

  /** A browser's Tasklist session for the user (login with CSRF token, then its REST API). */
  private final class Tasklist {
    private final WebappBrowser browser = new WebappBrowser(port);

    Tasklist(String user) throws IOException, InterruptedException {
      HttpResponse<String> login = browser.login("tasklist", user, user);
      assertThat(login.statusCode())
          .as("Tasklist login of %s: %s", user, login.body())
          .isEqualTo(200);
    }

    String get(String path, Predicate<JsonNode> saw) {
      try {
        HttpResponse<String> response = browser.get(path);
        if (response.statusCode() / 100 != 2) {
          return "denied " + response.statusCode();
        }
        return saw.test(json(response.body())) ? "READ" : "empty";
      } catch (IOException | InterruptedException e) {
        throw new IllegalStateException(e);
      }
    }
  }
}
