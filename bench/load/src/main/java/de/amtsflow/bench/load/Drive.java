package de.amtsflow.bench.load;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Everything measured on one running app, in this order: the first requests after start
 * (sequential), whether the answer comes when the case waits at its user task, bytes per case
 * (database and content store before and after {@code --fill} cases), a warm-up, then each client
 * count with each workload. Between steps the async jobs the step left are waited for (at most
 * {@code --drain-max} seconds), so a step does not pay for the last one's jobs; how many there were
 * and how long they took is recorded beside the step.
 */
final class Drive {

  private final Options options;
  private final String db;
  private final String app;
  private final Path out;
  private final HttpClient http;
  private final EngineRest engine;
  private final List<Workload> workloads = new ArrayList<>();
  // every case this run created: the whole run's bytes per case divide by it
  private long created;

  Drive(Options options) throws IOException {
    this.options = options;
    this.db = options.get("db");
    this.app = options.get("app");
    this.out = options.path("out");
    String base = options.get("base");
    // HTTP/1.1 as browsers and access points post; the default (HTTP/2) would ask for an h2c
    // upgrade
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    this.engine = new EngineRest(http, base, options.get("user", null));
    for (String key : options.get("workloads").split(",")) {
      workloads.add(
          Workload.of(
              Workload.Kind.of(key.strip()),
              base,
              options.path("invoice"),
              options.path("permit")));
    }
  }

  void run() throws Exception {
    Map<String, Long> empty = sizes();
    for (Workload w : workloads) {
      firsts(w, options.integer("firsts", 10));
    }
    for (Workload w : workloads) {
      probe(w, options.integer("probes", 3));
    }
    int fill = options.integer("fill", 200);
    if (fill > 0) {
      drain();
      Map<String, Long> before = sizes();
      for (Workload w : workloads) {
        ClosedLoop.Result r = fill(w, fill);
        ObjectNode drained = drain();
        Map<String, Long> after = sizes();
        ObjectNode record = record("bytes", w);
        record.put("cases", r.ok());
        record.put("errors", r.errorCount());
        record.put("dbBefore", before.get("db"));
        record.put("dbAfter", after.get("db"));
        record.put("contentBefore", before.get("content"));
        record.put("contentAfter", after.get("content"));
        record.put("jobsLeft", drained.path("remaining").asLong());
        if (r.ok() > 0) {
          record.put("dbBytesPerCase", (after.get("db") - before.get("db")) / r.ok());
          record.put(
              "contentBytesPerCase", (after.get("content") - before.get("content")) / r.ok());
        }
        write(
            record,
            "bytes per case: db %d B, content %d B (%d cases)",
            record.path("dbBytesPerCase").asLong(),
            record.path("contentBytesPerCase").asLong(),
            r.ok());
        before = after;
      }
    }
    double warmup = options.decimal("warmup", 10);
    if (warmup > 0) {
      for (Workload w : workloads) {
        ClosedLoop.Result r = ClosedLoop.run(http, w, 8, 0, warmup, warmup);
        created += r.created();
        System.out.printf(
            "  [%s %s] warm-up %s: %.1f/s, %d errors%n",
            db, app, w.kind.key, r.throughput(), r.errorCount());
        drain();
      }
    }
    for (int clients : options.integers("clients")) {
      for (Workload w : workloads) {
        step(w, clients);
      }
    }
    double soak = options.decimal("soak", 0);
    if (soak > 0) {
      soak(soak);
    }
    // over thousands of cases the database's growth is steadier than over --fill
    ObjectNode drained = drain();
    Map<String, Long> end = sizes();
    ObjectNode total = Jsonl.object();
    total.put("type", "total");
    total.put("db", db);
    total.put("app", app);
    total.put("cases", created);
    total.put("dbBytes", end.get("db") - empty.get("db"));
    total.put("contentBytes", end.get("content") - empty.get("content"));
    total.put("jobsLeft", drained.path("remaining").asLong());
    total.put("failedJobs", drained.path("failed").asLong());
    if (created > 0) {
      total.put("dbBytesPerCase", (end.get("db") - empty.get("db")) / created);
      total.put("contentBytesPerCase", (end.get("content") - empty.get("content")) / created);
    }
    write(
        total,
        "whole run: %d cases, database +%d B (%d B a case), content +%d B, %d jobs failed",
        created,
        end.get("db") - empty.get("db"),
        total.path("dbBytesPerCase").asLong(),
        end.get("content") - empty.get("content"),
        drained.path("failed").asLong());
  }

  private ClosedLoop.Result fill(Workload w, int cases) throws InterruptedException {
    // as many cases as asked, from a few clients: a closed loop that ends after the count
    int clients = options.integer("fill-clients", 8);
    long started = System.nanoTime();
    ClosedLoop.Result r = ClosedLoop.count(http, w, clients, cases);
    created += r.created();
    System.out.printf(
        "  [%s %s] filled %d %s cases in %.1f s, %d errors%n",
        db, app, r.ok(), w.kind.key, (System.nanoTime() - started) / 1e9, r.errorCount());
    return r;
  }

  private void step(Workload w, int clients) throws Exception {
    ClosedLoop.Result r =
        ClosedLoop.run(
            http,
            w,
            clients,
            options.decimal("ramp", 2),
            options.decimal("seconds", 20),
            options.decimal("window", 10));
    created += r.created();
    ObjectNode drained = drain();
    ObjectNode record = record("step", w);
    record.put("clients", clients);
    record.put("seconds", r.seconds());
    record.put("ok", r.ok());
    record.put("errors", r.errorCount());
    record.set("errorsByKind", Jsonl.JSON.valueToTree(r.errors()));
    if (r.firstError() != null) {
      record.put("firstError", r.firstError());
    }
    record.put("throughput", round(r.throughput()));
    record.put("p50", r.p50());
    record.put("p90", r.p90());
    record.put("p99", r.p99());
    record.put("max", r.max());
    record.put("mean", round(r.mean()));
    record.put("jobsAtEnd", drained.path("backlog").asLong());
    record.put("drainSeconds", drained.path("seconds").asDouble());
    record.put("jobsLeft", drained.path("remaining").asLong());
    record.put("failedJobs", drained.path("failed").asLong());
    ArrayNode windows = record.putArray("windows");
    for (ClosedLoop.Window window : r.windows()) {
      windows.addObject().put("ok", window.ok()).put("p99", window.p99());
    }
    write(
        record,
        "%-7s %2d clients: %7.1f/s  p50 %7.1f  p90 %7.1f  p99 %7.1f ms  errors %d %s  jobs %d ->"
            + " %.1f s",
        w.kind.key,
        clients,
        r.throughput(),
        r.p50(),
        r.p90(),
        r.p99(),
        r.errorCount(),
        r.errors().isEmpty() ? "" : r.errors(),
        drained.path("backlog").asLong(),
        drained.path("seconds").asDouble());
  }

  /**
   * 32 clients for {@code seconds}, the workloads mixed (client i sends workload i mod n), in
   * one-minute windows: does the last minute answer as fast as the first, within -Xmx512m?
   */
  private void soak(double seconds) throws Exception {
    int clients = options.integer("soak-clients", 32);
    ClosedLoop.Result r = ClosedLoop.run(http, workloads, clients, 0, seconds, 60);
    created += r.created();
    ObjectNode drained = drain();
    ObjectNode record = Jsonl.object();
    record.put("type", "soak");
    record.put("db", db);
    record.put("app", app);
    record.put("workload", String.join("+", workloads.stream().map(w -> w.kind.key).toList()));
    record.put("clients", clients);
    record.put("seconds", seconds);
    record.put("ok", r.ok());
    record.put("errors", r.errorCount());
    record.put("throughput", round(r.throughput()));
    record.put("p99", r.p99());
    List<ClosedLoop.Window> windows = r.windows();
    record.put("firstMinuteP99", windows.get(0).p99());
    // the last window may be short; the last full minute is the one before it then
    ClosedLoop.Window last = windows.get(windows.size() - 1);
    if (windows.size() > 1 && seconds % 60 != 0) {
      last = windows.get(windows.size() - 2);
    }
    record.put("lastMinuteP99", last.p99());
    record.put("jobsAtEnd", drained.path("backlog").asLong());
    record.put("jobsLeft", drained.path("remaining").asLong());
    ArrayNode perMinute = record.putArray("windows");
    for (ClosedLoop.Window window : windows) {
      perMinute.addObject().put("ok", window.ok()).put("p99", window.p99());
    }
    write(
        record,
        "soak %d clients %.0f s: %.1f/s, p99 first minute %.0f ms, last %.0f ms, errors %d",
        clients,
        seconds,
        r.throughput(),
        windows.get(0).p99(),
        last.p99(),
        r.errorCount());
  }

  /** Sequential requests right after start: is the first one slower than the tenth? */
  private void firsts(Workload w, int count) throws Exception {
    ObjectNode record = record("firsts", w);
    ArrayNode latencies = record.putArray("latenciesMs");
    int errors = 0;
    for (int i = 0; i < count; i++) {
      long sent = System.nanoTime();
      HttpResponse<String> answer = http.send(w.next(), HttpResponse.BodyHandlers.ofString());
      latencies.add(ClosedLoop.millis((System.nanoTime() - sent) / 1000));
      if (answer.statusCode() == w.kind.expectedStatus) {
        created++;
      } else {
        errors++;
        record.put("firstError", answer.statusCode() + ": " + shorten(answer.body()));
      }
    }
    record.put("errors", errors);
    write(record, "first %d %s requests after start: %s ms", count, w.kind.key, latencies);
  }

  /**
   * Does the answer come when the case already waits at its first user task (same transaction), or
   * before (an async continuation runs later)? Asked right after each of a few answers.
   */
  private void probe(Workload w, int count) throws Exception {
    int atTask = 0;
    int answered = 0;
    for (int i = 0; i < count; i++) {
      HttpResponse<String> answer = http.send(w.next(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != w.kind.expectedStatus) {
        continue;
      }
      answered++;
      created++;
      if (engine.tasksOf(w.businessKey(answer.body())) > 0) {
        atTask++;
      }
    }
    ObjectNode record = record("probe", w);
    record.put("probes", answered);
    record.put("atUserTask", atTask);
    write(record, "user task present when the answer arrived: %d of %d", atTask, answered);
  }

  /** Waits until no async job is due (or --drain-max passed). */
  private ObjectNode drain() throws Exception {
    double max = options.decimal("drain-max", 120);
    long started = System.nanoTime();
    long backlog = engine.executableJobs();
    long remaining = backlog;
    while (remaining > 0 && (System.nanoTime() - started) / 1e9 < max) {
      TimeUnit.MILLISECONDS.sleep(250);
      remaining = engine.executableJobs();
    }
    ObjectNode drained = Jsonl.object();
    drained.put("backlog", backlog);
    drained.put("remaining", remaining);
    drained.put("seconds", backlog == 0 ? 0 : round((System.nanoTime() - started) / 1e9));
    drained.put("failed", engine.failedJobs());
    return drained;
  }

  /** Database bytes (H2's files or pg_database_size) and the content store's (amtsflow only). */
  private Map<String, Long> sizes() throws IOException, InterruptedException {
    long database;
    if (options.values.containsKey("h2-dir")) {
      database = folderSize(options.path("h2-dir"));
    } else {
      Process psql =
          new ProcessBuilder(
                  "psql",
                  "-h",
                  options.get("pg-host", "127.0.0.1"),
                  "-U",
                  "postgres",
                  "-Atc",
                  "select pg_database_size('" + options.get("pg-database") + "')")
              .redirectErrorStream(true)
              .start();
      String text = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (psql.waitFor() != 0) {
        throw new IOException("psql: " + text);
      }
      database = Long.parseLong(text.strip());
    }
    long content =
        options.values.containsKey("content-dir") ? folderSize(options.path("content-dir")) : 0;
    return Map.of("db", database, "content", content);
  }

  private static long folderSize(Path folder) throws IOException {
    if (!Files.exists(folder)) {
      return 0;
    }
    try (Stream<Path> files = Files.walk(folder)) {
      return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
    }
  }

  private ObjectNode record(String type, Workload w) {
    ObjectNode record = Jsonl.object();
    record.put("type", type);
    record.put("db", db);
    record.put("app", app);
    record.put("workload", w.kind.key);
    return record;
  }

  private void write(ObjectNode record, String format, Object... args) throws IOException {
    Jsonl.append(out, record);
    System.out.printf("  [%s %s] %s%n", db, app, String.format(format, args));
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static String shorten(String text) {
    return text.length() > 300 ? text.substring(0, 300) : text;
  }
}
