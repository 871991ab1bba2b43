package de.amtsflow.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * The HTTP side of {@code bench/run-scale-bench} (issue 15, item 4): template cases through the
 * real intake and approval, the clerk's 5,000 open group tasks, and the latencies of the task lists
 * and of the intake's duplicate and resubmission checks, each measured once beside few historic
 * cases and once beside many.
 *
 * <pre>
 * scale templates --base URL --invoice FILE --count 10
 * scale fill      --base URL --invoice FILE --open 5000 [--clients 4]
 * scale measure   --base URL --invoice FILE --phase NAME --historic N --duplicates FILE
 *                 [--requests 200] [--warmup 20] --out run.jsonl
 * scale report    --in run.jsonl --results DIR --stamp STAMP --table FILE
 * </pre>
 */
final class Scale {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** The clerk of the issue: "Sachlich richtig feststellen" goes to invoice-approvers. */
  static final String CLERK = "pruefer";

  /** Adorf's Leitweg-ID: invoices measured at intake go to its tenant, not to pruefer's list. */
  static final String OTHER_TENANT_LEITWEG_ID = "09375111-1000-10";

  private final Options options;
  private final String base;
  private final String invoice;
  private final HttpClient http;
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final AtomicLong sequence = new AtomicLong();

  Scale(Options options) throws IOException {
    this.options = options;
    this.base = options.get("base", "");
    this.invoice =
        options.values.containsKey("invoice") ? Files.readString(options.path("invoice")) : "";
    this.http =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
  }

  static void main(String command, Options options) throws Exception {
    Scale scale = new Scale(options);
    switch (command) {
      case "templates" -> scale.templates(options.integer("count", 10));
      case "fill" -> scale.fill(options.integer("open", 5000), options.integer("clients", 4));
      case "measure" -> scale.measure();
      case "report" -> report(options);
      default -> throw new IllegalArgumentException("scale templates | fill | measure | report");
    }
  }

  /**
   * Cases that end as the usual invoice does: delivered (seller and amount of the testsuite's
   * invoice, number SCALE-T-i), "sachlich richtig" by pruefer, "rechnerisch richtig" by rechnung;
   * the payment order and the e-file's closing are jobs the script waits for.
   */
  private void templates(int count) throws Exception {
    for (int i = 1; i <= count; i++) {
      String fileNumber =
          receipt(deliver("SCALE-T-" + i, null, false), 202).path("fileNumber").asText();
      complete("pruefer", fileNumber, "Task_ConfirmFactualCorrectness");
      complete("rechnung", fileNumber, "Task_ConfirmArithmeticCorrectness");
    }
    System.out.printf("  [scale] %d template cases delivered and approved%n", count);
  }

  private void complete(String user, String fileNumber, String taskKey) throws Exception {
    JsonNode page =
        json(
            get(
                "/api/tasks?fileNumber=" + encode(fileNumber) + "&taskKey=" + taskKey,
                basic(user),
                200));
    String id = page.path("items").path(0).path("id").asText();
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(uri("/api/tasks/" + id + "/complete"))
                .header("Authorization", basic(user))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"APPROVE\"}")));
    expect(answer, 200, "complete " + taskKey + " of " + fileNumber);
  }

  /** Delivers invoices (lra's Leitweg-ID: pruefer's group) until pruefer has {@code open}. */
  private void fill(int open, int clients) throws Exception {
    long before = openTasks();
    long missing = Math.max(0, open - before);
    long started = System.nanoTime();
    AtomicLong budget = new AtomicLong(missing);
    List<Thread> threads = new ArrayList<>();
    List<Exception> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
    for (int c = 0; c < clients; c++) {
      Thread thread =
          new Thread(
              () -> {
                try {
                  while (budget.getAndDecrement() > 0) {
                    receipt(deliver(null, null, false), 202);
                  }
                } catch (Exception e) {
                  failures.add(e);
                }
              });
      thread.start();
      threads.add(thread);
    }
    for (Thread thread : threads) {
      thread.join();
    }
    if (!failures.isEmpty()) {
      throw failures.get(0);
    }
    System.out.printf(
        "  [scale] %s had %d open tasks, %d invoices delivered in %.1f s, now %d%n",
        CLERK, before, missing, (System.nanoTime() - started) / 1e9, openTasks());
  }

  private long openTasks() throws Exception {
    return json(get("/api/tasks?size=1", basic(CLERK), 200)).path("total").asLong();
  }

  /** The task lists first (pruefer's 5,000 stay as they are), then the intake. */
  private void measure() throws Exception {
    String phase = options.get("phase");
    long historic = Long.parseLong(options.get("historic"));
    Path out = options.path("out");
    int requests = options.integer("requests", 200);
    int warmup = options.integer("warmup", 20);
    long open = openTasks();
    String clerk = basic(CLERK);
    // an Aktenzeichen among the open tasks, a due date inside their range
    JsonNode first = json(get("/api/tasks?size=1&sort=-created", clerk, 200)).path("items").path(0);
    String openFileNumber = first.path("businessKey").asText();
    String dueBy = LocalDate.now().plusDays(30).toString();
    String filterId = meineGruppe();
    CookieManager cookies = new CookieManager();
    HttpClient tasklist = tasklistSession(cookies);
    String xsrf = cookie(cookies, "XSRF-TOKEN");
    // the body Tasklist sends for a filter's first page (its sorting, no extra criteria)
    String tasklistBody =
        "{\"processVariables\":[],\"taskVariables\":[],\"caseInstanceVariables\":[],"
            + "\"orQueries\":[],\"sorting\":[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"},"
            + "{\"sortBy\":\"created\",\"sortOrder\":\"asc\"}],\"active\":true}";

    List<Probe> probes = new ArrayList<>();
    probes.add(
        asClerk("GET /api/tasks (page 0, size 50, sort created)", "api-default", "/api/tasks"));
    probes.add(
        asClerk(
            "GET /api/tasks?processKey&dueBy&sort=due",
            "api-filter-due",
            "/api/tasks?processKey=EInvoiceApprovalProcess&dueBy=" + dueBy + "&sort=due&size=50"));
    probes.add(
        asClerk(
            "GET /api/tasks?fileNumber (Aktenzeichen)",
            "api-file-number",
            "/api/tasks?fileNumber=" + encode(openFileNumber)));
    probes.add(
        asClerk(
            "GET /api/tasks?page=99&sort=-due", "api-deep-page", "/api/tasks?page=99&sort=-due"));
    probes.add(
        new Probe(
            "Tasklist \"Meine Gruppe\": POST filter/{id}/list (hal+json, 15, with count)",
            "tasklist-my-group",
            () ->
                HttpRequest.newBuilder(
                        uri(
                            "/camunda/api/engine/engine/default/filter/"
                                + filterId
                                + "/list?firstResult=0&maxResults=15"))
                    .timeout(Workload.TIMEOUT)
                    .header("Accept", "application/hal+json, application/json; q=0.5")
                    .header("Content-Type", "application/json")
                    .header("X-XSRF-TOKEN", xsrf)
                    .POST(HttpRequest.BodyPublishers.ofString(tasklistBody)),
            tasklist,
            200));
    probes.add(
        asClerk(
            "GET /engine-rest/filter/{id}/list (json, 15)",
            "engine-rest-filter-list",
            "/engine-rest/filter/" + filterId + "/list?firstResult=0&maxResults=15"));
    probes.add(
        asClerk(
            "GET /engine-rest/filter/{id}/count",
            "engine-rest-filter-count",
            "/engine-rest/filter/" + filterId + "/count"));

    // the intake: a new invoice of seller 0 (hundreds of earlier ones at scale), a duplicate of a
    // historic invoice (409 naming its Aktenzeichen), the same marked as resubmission (202)
    List<String> duplicates =
        Files.readAllLines(options.path("duplicates")).stream().filter(s -> !s.isBlank()).toList();
    AtomicLong pick = new AtomicLong();
    probes.add(
        new Probe(
            "POST /api/invoices, new invoice",
            "intake-new",
            () -> deliverRequest(null, OTHER_TENANT_LEITWEG_ID, false),
            http,
            202));
    probes.add(
        new Probe(
            "POST /api/invoices, duplicate of a historic invoice (409)",
            "intake-duplicate",
            () ->
                deliverRequest(
                    duplicates.get((int) (pick.getAndIncrement() % duplicates.size())),
                    OTHER_TENANT_LEITWEG_ID,
                    false),
            http,
            409));
    probes.add(
        new Probe(
            "POST /api/invoices, X-Resubmission: true of a historic invoice",
            "intake-resubmission",
            () ->
                deliverRequest(
                    duplicates.get((int) (pick.getAndIncrement() % duplicates.size())),
                    OTHER_TENANT_LEITWEG_ID,
                    true),
            http,
            202));

    // the 409 names the original's Aktenzeichen: checked once, outside the measurement
    HttpResponse<String> duplicate =
        send(deliverRequest(duplicates.get(0), OTHER_TENANT_LEITWEG_ID, false));
    expect(duplicate, 409, "duplicate");
    String named = json(duplicate).path("detail").asText();
    if (!named.contains("Aktenzeichen RE-")) {
      throw new IllegalStateException("the 409 names no Aktenzeichen: " + named);
    }

    for (Probe probe : probes) {
      for (int i = 0; i < warmup; i++) {
        probe.once(null);
      }
      Histogram h = ClosedLoop.histogram();
      long started = System.nanoTime();
      for (int i = 0; i < requests; i++) {
        probe.once(h);
      }
      double seconds = (System.nanoTime() - started) / 1e9;
      ObjectNode record = Jsonl.object();
      record.put("type", "scale-latency");
      record.put("phase", phase);
      record.put("historic", historic);
      record.put("openTasks", open);
      record.put("key", probe.key);
      record.put("label", probe.label);
      record.put("requests", requests);
      record.put("p50", ClosedLoop.millis(h.getValueAtPercentile(50)));
      record.put("p95", ClosedLoop.millis(h.getValueAtPercentile(95)));
      record.put("p99", ClosedLoop.millis(h.getValueAtPercentile(99)));
      record.put("max", ClosedLoop.millis(h.getMaxValue()));
      record.put("seconds", Math.round(seconds * 10) / 10.0);
      record.put("loadAverage", loadAverage());
      record.put("sample", probe.sample);
      Jsonl.append(out, record);
      System.out.printf(
          "  [scale %s, %d historic, %d open] %-72s p50 %6.1f  p95 %6.1f  p99 %6.1f  max %6.1f ms"
              + "  load %.1f%n",
          phase,
          historic,
          open,
          probe.label,
          record.path("p50").asDouble(),
          record.path("p95").asDouble(),
          record.path("p99").asDouble(),
          record.path("max").asDouble(),
          record.path("loadAverage").asDouble());
    }
  }

  /**
   * Writes {@code DIR/scale-STAMP.json} (every record of the run) and the Markdown table of the
   * latencies, phase beside phase, with the 50 ms target of issue 15 for the task lists.
   */
  private static void report(Options options) throws IOException {
    List<ObjectNode> records = Jsonl.read(options.path("in"));
    ObjectNode result = Jsonl.object();
    result.set("records", JSON.valueToTree(records));
    Path results = options.path("results");
    Files.createDirectories(results);
    Path file = results.resolve("scale-" + options.get("stamp") + ".json");
    JSON.writerWithDefaultPrettyPrinter().writeValue(file.toFile(), result);

    List<ObjectNode> latencies =
        records.stream().filter(r -> r.path("type").asText().equals("scale-latency")).toList();
    List<String> phases = latencies.stream().map(r -> r.path("phase").asText()).distinct().toList();
    StringBuilder table = new StringBuilder("| request |");
    StringBuilder rule = new StringBuilder("|---|");
    for (String phase : phases) {
      ObjectNode any =
          latencies.stream().filter(r -> r.path("phase").asText().equals(phase)).findFirst().get();
      table.append(
          String.format(" %,d historic: p50 / p95 / p99 ms |", any.path("historic").asLong()));
      rule.append("---:|");
    }
    table.append(" p95 target (issue 15) |\n").append(rule).append("---|\n");
    List<String> keys = latencies.stream().map(r -> r.path("key").asText()).distinct().toList();
    for (String key : keys) {
      ObjectNode first =
          latencies.stream().filter(r -> r.path("key").asText().equals(key)).findFirst().get();
      table.append("| ").append(first.path("label").asText().replace("|", "\\|")).append(" |");
      boolean target = !key.startsWith("intake");
      String verdict = "≤ 50 ms: met";
      for (String phase : phases) {
        ObjectNode r =
            latencies.stream()
                .filter(x -> x.path("key").asText().equals(key))
                .filter(x -> x.path("phase").asText().equals(phase))
                .findFirst()
                .orElse(null);
        if (r == null) {
          table.append(" – |");
          continue;
        }
        double p95 = r.path("p95").asDouble();
        if (target && p95 > 50) {
          verdict = "≤ 50 ms: **not met**";
        }
        table.append(
            String.format(
                " %s / **%s** / %s |",
                number(r.path("p50").asDouble()), number(p95), number(r.path("p99").asDouble())));
      }
      if (!target) {
        // the checks' cost at N beside their cost at 10: the ratio of the phases' p95
        List<Double> p95s =
            latencies.stream()
                .filter(x -> x.path("key").asText().equals(key))
                .map(x -> x.path("p95").asDouble())
                .toList();
        verdict =
            p95s.size() < 2
                ? "–"
                : String.format(
                    "p95 %.2f × of the first column", p95s.get(p95s.size() - 1) / p95s.get(0));
      }
      table.append(' ').append(verdict).append(" |\n");
    }
    Files.writeString(options.path("table"), table.toString());
    System.out.print(table);
    System.out.println("  [scale] wrote " + file);
  }

  private static String number(double ms) {
    return ms >= 100 ? String.format("%.0f", ms) : String.format("%.1f", ms);
  }

  /** A GET as the clerk with HTTP Basic, answered 200. */
  private Probe asClerk(String label, String key, String path) {
    return new Probe(label, key, () -> request(path, basic(CLERK)).GET(), http, 200);
  }

  /** One measured request, sent the same way each time; the answer's status is checked. */
  private final class Probe {
    final String label;
    final String key;
    final Supplier<HttpRequest.Builder> request;
    final HttpClient client;
    final int status;
    String sample;

    Probe(
        String label,
        String key,
        Supplier<HttpRequest.Builder> request,
        HttpClient client,
        int status) {
      this.label = label;
      this.key = key;
      this.request = request;
      this.client = client;
      this.status = status;
    }

    void once(Histogram histogram) throws Exception {
      HttpRequest built = request.get().timeout(Workload.TIMEOUT).build();
      long sent = System.nanoTime();
      HttpResponse<String> answer = client.send(built, HttpResponse.BodyHandlers.ofString());
      long micros = (System.nanoTime() - sent) / 1000;
      expect(answer, status, label);
      if (histogram != null) {
        histogram.recordValue(micros);
      }
      if (sample == null) {
        sample = answer.body().length() > 300 ? answer.body().substring(0, 300) : answer.body();
      }
    }
  }

  private String meineGruppe() throws Exception {
    JsonNode filters =
        json(get("/engine-rest/filter?name=" + encode("Meine Gruppe"), basic(CLERK), 200));
    if (filters.size() != 1) {
      throw new IllegalStateException("no Tasklist filter \"Meine Gruppe\": " + filters);
    }
    return filters.get(0).path("id").asText();
  }

  /** Logs into Tasklist as its login page does: the first page sets the CSRF cookie. */
  private HttpClient tasklistSession(CookieManager cookies) throws Exception {
    HttpClient client =
        HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(10))
            .build();
    client.send(
        HttpRequest.newBuilder(uri("/camunda/app/tasklist/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    HttpResponse<String> login =
        client.send(
            HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header("X-XSRF-TOKEN", cookie(cookies, "XSRF-TOKEN"))
                .POST(
                    HttpRequest.BodyPublishers.ofString("username=" + CLERK + "&password=" + CLERK))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    expect(login, 200, "Tasklist login");
    // the login starts a new session, whose CSRF token comes with the next page, as in the browser
    client.send(
        HttpRequest.newBuilder(uri("/camunda/app/tasklist/")).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    return client;
  }

  private static String cookie(CookieManager cookies, String name) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals(name))
        .map(HttpCookie::getValue)
        .reduce((a, b) -> b)
        .orElseThrow(() -> new IllegalStateException("no cookie " + name));
  }

  private HttpResponse<String> deliver(String number, String leitwegId, boolean resubmission)
      throws Exception {
    return send(deliverRequest(number, leitwegId, resubmission));
  }

  /**
   * The testsuite's invoice with another number (BT-1; null: a fresh one) and Leitweg-ID (BT-10;
   * null: its own, which the dev profile's default tenant lra receives).
   */
  private HttpRequest.Builder deliverRequest(
      String number, String leitwegId, boolean resubmission) {
    String id = number != null ? number : "SCALE-" + run + "-" + sequence.incrementAndGet();
    String body = invoice.replaceFirst("<cbc:ID>[^<]*</cbc:ID>", "<cbc:ID>" + id + "</cbc:ID>");
    if (leitwegId != null) {
      body =
          body.replaceFirst(
              "<cbc:BuyerReference>[^<]*</cbc:BuyerReference>",
              "<cbc:BuyerReference>" + leitwegId + "</cbc:BuyerReference>");
    }
    return HttpRequest.newBuilder(uri("/api/invoices"))
        .timeout(Workload.TIMEOUT)
        .header("Content-Type", "application/xml")
        .header("X-Resubmission", Boolean.toString(resubmission))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
  }

  private HttpRequest.Builder request(String path, String authorization) {
    return HttpRequest.newBuilder(uri(path))
        .timeout(Workload.TIMEOUT)
        .header("Accept", "application/json")
        .header("Authorization", authorization);
  }

  private HttpResponse<String> get(String path, String authorization, int status) throws Exception {
    HttpResponse<String> answer = send(request(path, authorization).GET());
    expect(answer, status, "GET " + path);
    return answer;
  }

  private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
    return http.send(
        request.timeout(Workload.TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode receipt(HttpResponse<String> answer, int status) throws IOException {
    expect(answer, status, "POST /api/invoices");
    return json(answer);
  }

  private static JsonNode json(HttpResponse<String> answer) throws IOException {
    return JSON.readTree(answer.body());
  }

  private static void expect(HttpResponse<String> answer, int status, String what) {
    if (answer.statusCode() != status) {
      String body = answer.body();
      throw new IllegalStateException(
          what
              + " answered "
              + answer.statusCode()
              + " (expected "
              + status
              + "): "
              + (body.length() > 500 ? body.substring(0, 500) : body));
    }
  }

  private URI uri(String path) {
    return URI.create(base + path);
  }

  private static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static double loadAverage() {
    try {
      return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }
}
