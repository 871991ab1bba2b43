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
 * Measures the running apps of one database (vanilla and amtsflow, both up), interleaved so that a
 * change in the machine's load falls on both alike. Per app, one after the other: the first
 * requests after start (sequential), whether the answer comes when the case waits at its user task,
 * bytes per case (database and content store before and after {@code --fill} cases), a warm-up.
 * Then for each client count: each app's steps, one workload at a time, the other app frozen
 * (SIGSTOP) meanwhile so its async jobs take no CPU from the step. After a step the jobs it left
 * are waited for (at most {@code --drain-max} seconds); how many there were and how long they took
 * is recorded beside the step.
 */
final class Drive {

  /** One app under test; options are prefixed with its name ({@code --ours-base}). */
  private static final class App {
    final String name;
    final long pid;
    final EngineRest engine;
    final List<Workload> workloads = new ArrayList<>();
    final Path h2Dir;
    final String pgDatabase;
    final Path contentDir;
    Map<String, Long> empty;
    // every case created in this app: the whole run's bytes per case divide by it
    long created;

    App(String name, Options options, HttpClient http) throws IOException {
      this.name = name;
      String base = options.get(name + "-base");
      this.pid = Long.parseLong(options.get(name + "-pid"));
      this.engine = new EngineRest(http, base, options.get(name + "-user", null));
      for (String key : options.get(name + "-workloads").split(",")) {
        workloads.add(
            Workload.of(
                Workload.Kind.of(key.strip()),
                base,
                options.path("invoice"),
                options.path("permit")));
      }
      String h2 = options.get(name + "-h2-dir", "");
      this.h2Dir = h2.isEmpty() ? null : Path.of(h2);
      this.pgDatabase = options.get(name + "-pg-database", "");
      String content = options.get(name + "-content-dir", "");
      this.contentDir = content.isEmpty() ? null : Path.of(content);
    }
  }

  private final Options options;
  private final String db;
  private final Path out;
  private final HttpClient http;
  private final List<App> apps = new ArrayList<>();

  Drive(Options options) throws IOException {
    this.options = options;
    this.db = options.get("db");
    this.out = options.path("out");
    // HTTP/1.1 as browsers and access points post; the default (HTTP/2) would ask for an h2c
    // upgrade
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    for (String name : options.get("apps").split(",")) {
      apps.add(new App(name.strip(), options, http));
    }
  }

  void run() throws Exception {
    for (App app : apps) {
      setUp(app);
    }
    for (int clients : options.integers("clients")) {
      for (App app : apps) {
        for (Workload w : app.workloads) {
          alone(app, () -> step(app, w, clients));
        }
      }
    }
    double soak = options.decimal("soak", 0);
    for (App app : apps) {
      if (soak > 0) {
        alone(app, () -> soak(app, soak));
      }
      total(app);
    }
  }

  private void setUp(App app) throws Exception {
    app.empty = sizes(app);
    for (Workload w : app.workloads) {
      firsts(app, w, options.integer("firsts", 10));
    }
    for (Workload w : app.workloads) {
      probe(app, w, options.integer("probes", 3));
    }
    int fill = options.integer("fill", 200);
    if (fill > 0) {
      drain(app);
      Map<String, Long> before = sizes(app);
      for (Workload w : app.workloads) {
        before = fill(app, w, fill, before);
      }
    }
    double warmup = options.decimal("warmup", 10);
    for (Workload w : app.workloads) {
      if (warmup > 0) {
        ClosedLoop.Result r = ClosedLoop.run(http, w, 8, 0, warmup, warmup);
        app.created += r.created();
        System.out.printf(
            "  [%s %s] warm-up %s: %.1f/s, %d errors%n",
            db, app.name, w.kind.key, r.throughput(), r.errorCount());
        drain(app);
      }
    }
  }

  /** As many cases as asked from a few clients, then the database's and content's growth. */
  private Map<String, Long> fill(App app, Workload w, int cases, Map<String, Long> before)
      throws Exception {
    ClosedLoop.Result r = ClosedLoop.count(http, w, options.integer("fill-clients", 8), cases);
    app.created += r.created();
    ObjectNode drained = drain(app);
    Map<String, Long> after = sizes(app);
    ObjectNode record = record("bytes", app, w);
    record.put("cases", r.ok());
    record.put("errors", r.errorCount());
    record.put("dbBefore", before.get("db"));
    record.put("dbAfter", after.get("db"));
    record.put("contentBefore", before.get("content"));
    record.put("contentAfter", after.get("content"));
    record.put("jobsLeft", drained.path("remaining").asLong());
    if (r.ok() > 0) {
      record.put("dbBytesPerCase", (after.get("db") - before.get("db")) / r.ok());
      record.put("contentBytesPerCase", (after.get("content") - before.get("content")) / r.ok());
    }
    write(
        record,
        "filled %d %s cases in %.1f s (%d errors): db %d B, content %d B a case",
        r.ok(),
        w.kind.key,
        r.seconds(),
        r.errorCount(),
        record.path("dbBytesPerCase").asLong(),
        record.path("contentBytesPerCase").asLong());
    return after;
  }

  private void step(App app, Workload w, int clients) throws Exception {
    long jobsBefore = app.engine.executableJobs();
    ClosedLoop.Result r =
        ClosedLoop.run(
            http,
            w,
            clients,
            options.decimal("ramp", 2),
            options.decimal("seconds", 20),
            options.decimal("window", 10));
    app.created += r.created();
    double load = loadAverage();
    ObjectNode drained = drain(app);
    ObjectNode record = record("step", app, w);
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
    record.put("loadAverage", load);
    record.put("jobsBefore", jobsBefore);
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
            + " %d, %d left after %.1f s  load %.1f",
        w.kind.key,
        clients,
        r.throughput(),
        r.p50(),
        r.p90(),
        r.p99(),
        r.errorCount(),
        r.errors().isEmpty() ? "" : r.errors(),
        jobsBefore,
        drained.path("backlog").asLong(),
        drained.path("remaining").asLong(),
        drained.path("seconds").asDouble(),
        load);
  }

  /**
   * {@code --soak-clients} (32) for {@code seconds}, the workloads mixed (client i sends workload i
   * mod n), in one-minute windows: does the last minute answer as fast as the first, within
   * -Xmx512m?
   */
  private void soak(App app, double seconds) throws Exception {
    int clients = options.integer("soak-clients", 32);
    ClosedLoop.Result r = ClosedLoop.run(http, app.workloads, clients, 0, seconds, 60);
    app.created += r.created();
    ObjectNode drained = drain(app);
    ObjectNode record = Jsonl.object();
    record.put("type", "soak");
    record.put("db", db);
    record.put("app", app.name);
    record.put("workload", String.join("+", app.workloads.stream().map(w -> w.kind.key).toList()));
    record.put("clients", clients);
    record.put("seconds", seconds);
    record.put("ok", r.ok());
    record.put("errors", r.errorCount());
    record.put("throughput", round(r.throughput()));
    record.put("p99", r.p99());
    List<ClosedLoop.Window> windows = r.windows();
    // a short last window is not a minute: compare the first and the last full minute
    int fullMinutes = (int) (seconds / 60);
    ClosedLoop.Window last = windows.get(Math.max(fullMinutes - 1, 0));
    record.put("fullMinutes", fullMinutes);
    record.put("firstMinuteP99", windows.get(0).p99());
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

  /** The database's growth over the whole run: over thousands of cases steadier than --fill. */
  private void total(App app) throws Exception {
    ObjectNode drained = drain(app);
    Map<String, Long> end = sizes(app);
    long database = end.get("db") - app.empty.get("db");
    long content = end.get("content") - app.empty.get("content");
    ObjectNode total = Jsonl.object();
    total.put("type", "total");
    total.put("db", db);
    total.put("app", app.name);
    total.put("cases", app.created);
    total.put("dbBytes", database);
    total.put("contentBytes", content);
    total.put("jobsLeft", drained.path("remaining").asLong());
    total.put("failedJobs", drained.path("failed").asLong());
    if (app.created > 0) {
      total.put("dbBytesPerCase", database / app.created);
      total.put("contentBytesPerCase", content / app.created);
    }
    write(
        total,
        "whole run: %d cases, database +%d B (%d B a case), content +%d B, %d jobs left, %d failed",
        app.created,
        database,
        total.path("dbBytesPerCase").asLong(),
        content,
        drained.path("remaining").asLong(),
        drained.path("failed").asLong());
  }

  /** Sequential requests right after start: is the first one slower than the tenth? */
  private void firsts(App app, Workload w, int count) throws Exception {
    ObjectNode record = record("firsts", app, w);
    ArrayNode latencies = record.putArray("latenciesMs");
    int errors = 0;
    for (int i = 0; i < count; i++) {
      long sent = System.nanoTime();
      HttpResponse<String> answer = http.send(w.next(), HttpResponse.BodyHandlers.ofString());
      latencies.add(ClosedLoop.millis((System.nanoTime() - sent) / 1000));
      if (answer.statusCode() == w.kind.expectedStatus) {
        app.created++;
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
  private void probe(App app, Workload w, int count) throws Exception {
    int atTask = 0;
    int answered = 0;
    for (int i = 0; i < count; i++) {
      HttpResponse<String> answer = http.send(w.next(), HttpResponse.BodyHandlers.ofString());
      if (answer.statusCode() != w.kind.expectedStatus) {
        continue;
      }
      answered++;
      app.created++;
      if (app.engine.tasksOf(w.businessKey(answer.body())) > 0) {
        atTask++;
      }
    }
    ObjectNode record = record("probe", app, w);
    record.put("probes", answered);
    record.put("atUserTask", atTask);
    write(record, "user task present when the answer arrived: %d of %d", atTask, answered);
  }

  /** Waits until no async job is due (or --drain-max passed). */
  private ObjectNode drain(App app) throws Exception {
    double max = options.decimal("drain-max", 120);
    long started = System.nanoTime();
    long backlog = app.engine.executableJobs();
    long remaining = backlog;
    while (remaining > 0 && (System.nanoTime() - started) / 1e9 < max) {
      TimeUnit.MILLISECONDS.sleep(250);
      remaining = app.engine.executableJobs();
    }
    ObjectNode drained = Jsonl.object();
    drained.put("backlog", backlog);
    drained.put("remaining", remaining);
    drained.put("seconds", backlog == 0 ? 0 : round((System.nanoTime() - started) / 1e9));
    drained.put("failed", app.engine.failedJobs());
    return drained;
  }

  interface Measurement {
    void run() throws Exception;
  }

  /**
   * Runs a measurement of {@code app} with every other app frozen (SIGSTOP, then SIGCONT): an app's
   * leftover jobs must not take the CPU from the other's step.
   */
  private void alone(App app, Measurement measurement) throws Exception {
    List<App> others = apps.stream().filter(a -> a != app).toList();
    for (App other : others) {
      signal("STOP", other.pid);
    }
    try {
      measurement.run();
    } finally {
      for (App other : others) {
        signal("CONT", other.pid);
      }
    }
  }

  private static void signal(String signal, long pid) throws IOException, InterruptedException {
    Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).start();
    if (kill.waitFor() != 0) {
      throw new IOException("kill -" + signal + " " + pid + " failed");
    }
  }

  /** Database bytes (H2's files or pg_database_size) and the content store's (amtsflow only). */
  private Map<String, Long> sizes(App app) throws IOException, InterruptedException {
    long database;
    if (app.h2Dir != null) {
      database = folderSize(app.h2Dir);
    } else {
      Process psql =
          new ProcessBuilder(
                  "psql",
                  "-h",
                  options.get("pg-host", "127.0.0.1"),
                  "-U",
                  "postgres",
                  "-Atc",
                  "select pg_database_size('" + app.pgDatabase + "')")
              .redirectErrorStream(true)
              .start();
      String text = new String(psql.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (psql.waitFor() != 0) {
        throw new IOException("psql: " + text);
      }
      database = Long.parseLong(text.strip());
    }
    long content = app.contentDir == null ? 0 : folderSize(app.contentDir);
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

  /** The 1-minute load average of the machine (Linux), or -1. */
  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  private ObjectNode record(String type, App app, Workload w) {
    ObjectNode record = Jsonl.object();
    record.put("type", type);
    record.put("db", db);
    record.put("app", app.name);
    record.put("workload", w.kind.key);
    return record;
  }

  private void write(ObjectNode record, String format, Object... args) throws IOException {
    Jsonl.append(out, record);
    System.out.printf(
        "  [%s %s] %s%n", db, record.path("app").asText(), String.format(format, args));
  }

  private static double round(double value) {
    return Math.round(value * 10) / 10.0;
  }

  private static String shorten(String text) {
    return text.length() > 300 ? text.substring(0, 300) : text;
  }
}
