package de.amtsflow.durability;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The first burst after a (cold) start: 32, then 32 again and 64 Bauanträge submitted at the same
 * instant, on H2 and on PostgreSQL. All must be answered 201; the figures (p50/p99/max) are
 * printed, not asserted: speed is for the benchmarks. Before the fix, the first 32 on PostgreSQL
 * took all 20 connections and each waited for a second one: 0 answered in 20 s, then 32 × 500.
 */
class SubmitBurstIT {

  @TempDir Path data;

  @Test
  void embeddedH2AnswersEveryBurstFromAColdStart() throws Exception {
    bursts(null, "H2");
  }

  @Test
  void postgresAnswersEveryBurstFromAColdStart() throws Exception {
    ForkedApp.recreateDatabase("amtsflow_burst");
    bursts("amtsflow_burst", "PostgreSQL");
  }

  private void bursts(String database, String label) throws Exception {
    String application =
        new String(
            getClass().getResourceAsStream("/permit/application.json").readAllBytes(),
            StandardCharsets.UTF_8);
    try (ForkedApp app =
        ForkedApp.node(
            "burst-" + (database == null ? "h2" : "postgres"),
            data,
            database,
            ForkedApp.freePort(),
            List.of())) {
      app.start().awaitReady();
      for (int[] burst : new int[][] {{1, 32}, {2, 32}, {3, 64}}) {
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<Long> millis = fire(app.base(), application, burst[1], statuses);
        Collections.sort(millis);
        Report.line(
            "[burst] %s %s %d concurrent submits: status %s, p50 %d ms, p99 %d ms, max %d ms",
            label,
            burst[0] == 1 ? "cold" : "warm",
            burst[1],
            statuses,
            millis.get(millis.size() / 2),
            millis.get((int) Math.ceil(millis.size() * 0.99) - 1),
            millis.get(millis.size() - 1));
        assertThat(statuses).as(label + " burst " + burst[0]).containsOnlyKeys(201);
      }
    }
  }

  private static List<Long> fire(
      String base, String application, int clients, Map<Integer, Integer> statuses)
      throws Exception {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    ExecutorService pool = Executors.newFixedThreadPool(clients);
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<long[]>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < clients; i++) {
        answers.add(
            CompletableFuture.supplyAsync(
                () -> {
                  try {
                    go.await();
                    long started = System.nanoTime();
                    HttpResponse<Void> answer =
                        http.send(
                            HttpRequest.newBuilder(URI.create(base + "/api/permit-applications"))
                                .timeout(Duration.ofSeconds(60))
                                .header("Content-Type", "application/json")
                                .header("Idempotency-Key", UUID.randomUUID().toString())
                                .POST(HttpRequest.BodyPublishers.ofString(application))
                                .build(),
                            HttpResponse.BodyHandlers.discarding());
                    return new long[] {
                      answer.statusCode(), (System.nanoTime() - started) / 1_000_000
                    };
                  } catch (Exception e) {
                    // a timeout or a reset connection counts as status 0
                    return new long[] {0, 60_000};
                  }
                },
                pool));
      }
      go.countDown();
      List<Long> millis = new ArrayList<>();
      for (CompletableFuture<long[]> answer : answers) {
        long[] a = answer.get();
        statuses.merge((int) a[0], 1, Integer::sum);
        millis.add(a[1]);
      }
      return millis;
    } finally {
      pool.shutdown();
    }
  }
}
