package de.amtsflow.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an operator checks after a crash, over the node's own REST APIs as the administrator: every
 * receipt's case with its e-file, documents and process instance; no case twice; e-file integrity;
 * the content folder against the database; the job executor done with what was in flight.
 */
final class Inspection {

  private final HttpClient http = HttpClient.newHttpClient();
  private final String base;

  Inspection(String base) {
    this.base = base;
  }

  /** Counts of one inspection, for the test's report. */
  record Counts(
      int receipts,
      int lost,
      int duplicated,
      int integrityBroken,
      int blobs,
      int orphanBlobs,
      int missingBlobs) {

    /** What every durability test demands after a crash or a shutdown. */
    void assertNothingLostOrBroken() {
      assertThat(lost).as("lost").isZero();
      assertThat(duplicated).as("duplicated").isZero();
      assertThat(integrityBroken).as("e-files with a broken integrity").isZero();
      assertThat(orphanBlobs).as("orphan blobs").isZero();
      assertThat(missingBlobs).as("missing blobs").isZero();
    }
  }

  /**
   * Checks every receipt; returns the counts (the caller asserts them, so a report shows all of
   * them, not just the first failure).
   */
  Counts check(List<LoadClient.Receipt> receipts) {
    int lost = 0;
    int duplicated = 0;
    int broken = 0;
    List<String> findings = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (LoadClient.Receipt r : receipts) {
      seen.merge(r.kind() + ":" + r.id(), 1, Integer::sum);
    }
    for (Map.Entry<String, Integer> e : seen.entrySet()) {
      if (e.getValue() > 1) {
        findings.add("receipt handed out " + e.getValue() + " times: " + e.getKey());
      }
    }
    for (LoadClient.Receipt r : receipts) {
      String path =
          r.kind() == LoadClient.Kind.INVOICE
              ? "/api/invoices/" + r.id()
              : "/api/permit-applications/" + r.id();
      HttpResponse<String> found = get(path);
      if (found.statusCode() != 200) {
        lost++;
        findings.add("lost " + r + ": " + found.statusCode());
        continue;
      }
      JsonNode c = LoadClient.read(found.body());
      String fileNumber = c.path("fileNumber").asText();
      String efileId = c.path("efileId").asText();
      List<String> missing = new ArrayList<>();
      JsonNode documents = LoadClient.read(get("/api/efiles/" + efileId + "/documents").body());
      List<String> kinds = new ArrayList<>();
      List<String> hashes = new ArrayList<>();
      documents.forEach(
          d -> {
            kinds.add(d.path("kind").asText());
            hashes.add(d.path("sha256").asText());
          });
      if (r.kind() == LoadClient.Kind.INVOICE) {
        if (!kinds.containsAll(List.of("invoice-original", "validation-report"))) {
          missing.add("invoice documents " + kinds);
        }
      } else {
        if (!kinds.contains("application")) {
          missing.add("application PDF " + kinds);
        }
        if (r.documentSha256() != null && !hashes.contains(r.documentSha256())) {
          missing.add("acknowledged plan " + r.documentSha256());
        }
      }
      long instances = processInstances("processInstanceBusinessKey", fileNumber);
      if (instances == 0) {
        missing.add("process instance");
      } else if (instances > 1) {
        duplicated++;
        findings.add(instances + " process instances for " + fileNumber);
      }
      if (!missing.isEmpty()) {
        lost++;
        findings.add(r + " lacks " + missing);
      }
      JsonNode integrity = LoadClient.read(get("/api/efiles/" + efileId + "/integrity").body());
      if (!integrity.path("intact").asBoolean()) {
        broken++;
        findings.add("integrity of " + fileNumber + ": " + integrity.path("problems"));
      }
    }
    // no case without its receipt: as many instances per process as distinct receipts
    for (LoadClient.Kind kind : LoadClient.Kind.values()) {
      long distinct =
          receipts.stream()
              .filter(r -> r.kind() == kind)
              .map(LoadClient.Receipt::id)
              .distinct()
              .count();
      long instances =
          processInstances(
              "processDefinitionKey",
              kind == LoadClient.Kind.INVOICE
                  ? "EInvoiceApprovalProcess"
                  : "BuildingPermitProcess");
      if (instances != distinct) {
        duplicated += (int) Math.max(0, instances - distinct);
        findings.add(kind + ": " + instances + " process instances for " + distinct + " receipts");
      }
    }
    JsonNode content = LoadClient.read(get("/api/efiles/content-check").body());
    if (!content.path("consistent").asBoolean()) {
      findings.add("content folder: " + content);
    }
    findings.forEach(f -> System.out.println("[inspection] " + f));
    return new Counts(
        receipts.size(),
        lost,
        duplicated,
        broken,
        content.path("blobs").asInt(),
        content.path("orphans").size(),
        content.path("missing").size());
  }

  /** Waits until no message job (async continuation) is left and asserts there is no incident. */
  void awaitAsyncWorkDone(Duration atMost) {
    try {
      await("async work done on " + base)
          .atMost(atMost)
          .pollInterval(Duration.ofMillis(500))
          .until(() -> count("/engine-rest/job/count?messages=true") == 0);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(
          "jobs left: " + get("/engine-rest/job?messages=true&maxResults=20").body(), e);
    }
    assertThat(count("/engine-rest/incident/count")).as("incidents").isZero();
  }

  long processInstances(String param, String value) {
    return count(
        "/engine-rest/history/process-instance/count?"
            + param
            + "="
            + URLEncoder.encode(value, StandardCharsets.UTF_8));
  }

  long count(String path) {
    HttpResponse<String> answer = get(path);
    if (answer.statusCode() != 200) {
      throw new IllegalStateException(path + " answered " + answer.statusCode() + answer.body());
    }
    return LoadClient.read(answer.body()).path("count").asLong();
  }

  HttpResponse<String> get(String path) {
    try {
      return http.send(
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Authorization", LoadClient.basic(ForkedApp.ADMIN))
              .header("Accept", "application/json")
              .build(),
          HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new IllegalStateException(base + path, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
