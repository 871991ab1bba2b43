package de.amtsflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The README's backup procedure as an operator runs it: the packaged jar takes e-invoices and
 * Bauanträge, {@code docker/backup.sh} runs while a load thread keeps submitting, {@code
 * docker/restore.sh} puts the backup into a fresh database and data folder, and a second jar on
 * that copy must show every case acknowledged before the backup started, every document
 * byte-identical and every e-file's audit chain intact. The H2 procedure (stop, copy) likewise.
 */
class BackupRestoreIT {

  private static final String ADMIN_PASSWORD = "backup-restore-it-admin";
  private static final String SOURCE_DB = "amtsflow_bk_src";
  private static final String RESTORED_DB = "amtsflow_bk_restored";
  private static final URI SERVER =
      URI.create(PostgresTestDatabase.URL.substring("jdbc:".length()));
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String INVOICE_NUMBER = "<cbc:ID>123456XX</cbc:ID>";

  private final List<App> apps = new ArrayList<>();
  private final AtomicInteger serial = new AtomicInteger();
  private Path work;
  private String invoiceTemplate;
  private byte[] sharedFloorPlan;

  @BeforeEach
  void setUp() throws IOException {
    work = Files.createTempDirectory("backup-it-");
    try (InputStream in =
        getClass().getResourceAsStream("/invoice/xrechnung-testsuite/01.01a-INVOICE_ubl.xml")) {
      invoiceTemplate = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    assertThat(invoiceTemplate).contains(INVOICE_NUMBER);
    // the same plan in every application: one blob referenced by many e-files
    sharedFloorPlan = pdf(150_000);
  }

  @AfterEach
  void tearDown() throws Exception {
    for (App app : apps) {
      app.stop();
    }
    dropDatabase(SOURCE_DB);
    dropDatabase(RESTORED_DB);
    try (Stream<Path> files = Files.walk(work)) {
      for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  @Test
  void postgresBackupTakenUnderLoadRestoresEveryCaseDocumentAndAuditChain() throws Exception {
    long testStart = System.nanoTime();
    dropDatabase(RESTORED_DB);
    dropDatabase(SOURCE_DB);
    execute("postgres", "create database " + SOURCE_DB);
    Path sourceData = work.resolve("source-data");
    App source = start("source", postgresArgs(SOURCE_DB), sourceData);

    List<Filed> acknowledged = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      acknowledged.add(source.fileInvoice());
      acknowledged.add(source.filePermit());
    }
    Load load = new Load(source);
    ExecutorService executor = Executors.newSingleThreadExecutor();
    Future<?> loadDone = executor.submit(load);
    await().atMost(Duration.ofSeconds(60)).until(() -> load.acknowledged.size() >= 2);

    long backupStart = System.nanoTime();
    // what the load acknowledged until now is committed, so it must be in the snapshot
    acknowledged.addAll(load.acknowledgedBefore(backupStart));
    Map<UUID, Map<UUID, String>> listed = source.documentsOf(acknowledged);
    Path backup = work.resolve("backup");
    String backupOutput = script(pgEnv(SOURCE_DB, sourceData), "backup.sh", "postgres", backup);
    long backupEnd = System.nanoTime();
    // the load ran on after the backup: it overlapped the dump and the copy of the blobs
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              if (loadDone.isDone()) {
                loadDone.get(); // the load failed: show why
              }
              return load.acknowledged.stream().anyMatch(f -> f.acknowledgedAt() > backupEnd);
            });
    load.running.set(false);
    loadDone.get(60, TimeUnit.SECONDS);
    executor.shutdown();
    List<Filed> inFlight =
        load.acknowledged.stream().filter(f -> f.acknowledgedAt() >= backupStart).toList();
    source.stop();

    Path restoredData = work.resolve("restored-data");
    script(pgEnv(RESTORED_DB, restoredData), "restore.sh", "postgres", backup);
    App restored = start("restored", postgresArgs(RESTORED_DB), restoredData);
    Set<UUID> efiles = efileIds(RESTORED_DB);

    Figures figures = verify(restored, acknowledged, inFlight, listed, efiles);

    assertThat(efiles).hasSizeGreaterThanOrEqualTo(acknowledged.size());
    for (Filed permit : acknowledged) {
      if (permit.processInstanceId() != null) {
        // Camunda's tables came along: the permit process waits where it waited
        HttpResponse<byte[]> instance =
            restored.send(
                restored.asAdmin("/engine-rest/process-instance/" + permit.processInstanceId()));
        assertThat(instance.statusCode()).as(permit.caseUrl()).isEqualTo(200);
      }
    }
    integrityFailsWithoutABlob(restored, restoredData, acknowledged);
    System.out.printf(
        "BackupRestoreIT postgres: %s; %d cases acknowledged before the backup, %d during it (of"
            + " them %d restored), backup %d ms (%s), whole test %d s%n",
        figures,
        acknowledged.size(),
        inFlight.size(),
        figures.inFlightRestored(),
        Duration.ofNanos(backupEnd - backupStart).toMillis(),
        backupOutput.strip(),
        Duration.ofNanos(System.nanoTime() - testStart).toSeconds());
  }

  @Test
  void h2BackupOfTheStoppedAppRestoresEveryCaseDocumentAndAuditChain() throws Exception {
    long testStart = System.nanoTime();
    Path sourceData = work.resolve("h2-source-data");
    App source = start("h2-source", List.of(), sourceData);
    List<Filed> acknowledged = new ArrayList<>();
    for (int i = 0; i < 4; i++) {
      acknowledged.add(source.fileInvoice());
      acknowledged.add(source.filePermit());
    }
    Map<UUID, Map<UUID, String>> listed = source.documentsOf(acknowledged);
    Path backup = work.resolve("h2-backup");
    Map<String, String> env = Map.of("AMTSFLOW_DATA_DIR", sourceData.toString());

    // the H2 procedure is offline: the script refuses while the app holds the database file
    ScriptResult refused = run(env, "backup.sh", "h2", backup);
    assertThat(refused.exitCode()).as(refused.output()).isNotZero();
    assertThat(refused.output()).contains("stop the app first");
    source.stop();
    script(env, "backup.sh", "h2", backup);

    Path restoredData = work.resolve("h2-restored-data");
    script(Map.of("AMTSFLOW_DATA_DIR", restoredData.toString()), "restore.sh", "h2", backup);
    App restored = start("h2-restored", List.of(), restoredData);
    Set<UUID> efiles = new LinkedHashSet<>();
    acknowledged.forEach(f -> efiles.add(f.efileId()));

    Figures figures = verify(restored, acknowledged, List.of(), listed, efiles);

    System.out.printf(
        "BackupRestoreIT h2: %s; %d cases, whole test %d s%n",
        figures, acknowledged.size(), Duration.ofNanos(System.nanoTime() - testStart).toSeconds());
  }

  /** What the restored copy showed; for the report. */
  record Figures(
      int casesFound,
      int inFlightRestored,
      int efilesIntact,
      long auditEntries,
      int documentsCompared,
      long bytesCompared) {}

  private Figures verify(
      App app,
      List<Filed> acknowledged,
      List<Filed> inFlight,
      Map<UUID, Map<UUID, String>> listedBeforeBackup,
      Collection<UUID> efiles)
      throws Exception {
    int documents = 0;
    long bytes = 0;
    for (Filed filed : acknowledged) {
      HttpResponse<byte[]> view = app.send(app.asAdmin(filed.caseUrl()));
      assertThat(view.statusCode()).as("%s after restore", filed.caseUrl()).isEqualTo(200);
      assertThat(json(view).path("efileId").asText()).isEqualTo(filed.efileId().toString());
      for (Sent sent : filed.documents()) {
        byte[] content = app.download(filed.efileId(), sent.documentId());
        assertThat(sha256(content))
            .as("%s, document %s", filed.caseUrl(), sent.documentId())
            .isEqualTo(sent.sha256());
        documents++;
        bytes += content.length;
      }
    }
    // cases acknowledged while the backup ran may or may not be in it; what is must be whole
    int inFlightRestored = 0;
    for (Filed filed : inFlight) {
      HttpResponse<byte[]> view = app.send(app.asAdmin(filed.caseUrl()));
      if (view.statusCode() == 404) {
        continue;
      }
      assertThat(view.statusCode()).as(filed.caseUrl()).isEqualTo(200);
      inFlightRestored++;
      for (Sent sent : filed.documents()) {
        HttpResponse<byte[]> content =
            app.send(
                app.asAdmin(
                    "/api/efiles/"
                        + filed.efileId()
                        + "/documents/"
                        + sent.documentId()
                        + "/content"));
        if (content.statusCode() != 404) {
          assertThat(content.statusCode()).isEqualTo(200);
          assertThat(sha256(content.body())).isEqualTo(sent.sha256());
          documents++;
          bytes += content.body().length;
        }
      }
    }
    // every document the source listed before the backup (letters and reports of the processes
    // included), by its listed SHA-256
    for (var efile : listedBeforeBackup.entrySet()) {
      for (var document : efile.getValue().entrySet()) {
        byte[] content = app.download(efile.getKey(), document.getKey());
        assertThat(sha256(content)).isEqualTo(document.getValue());
        documents++;
        bytes += content.length;
      }
    }
    // every e-file in the restored database: content hashes, audit chain, every stored version
    long auditEntries = 0;
    for (UUID efile : efiles) {
      JsonNode report = json(app.send(app.asAdmin("/api/efiles/" + efile + "/integrity")));
      assertThat(report.path("problems")).as("e-file %s", efile).isEmpty();
      assertThat(report.path("intact").asBoolean()).as("e-file %s: %s", efile, report).isTrue();
      auditEntries += report.path("auditEntriesChecked").asLong();
    }
    return new Figures(
        acknowledged.size(), inFlightRestored, efiles.size(), auditEntries, documents, bytes);
  }

  /** The integrity check can fail: without one blob of the restored folder it reports it. */
  private void integrityFailsWithoutABlob(App app, Path data, List<Filed> acknowledged)
      throws Exception {
    Filed permit =
        acknowledged.stream().filter(f -> f.processInstanceId() != null).findFirst().orElseThrow();
    String sha = permit.documents().get(0).sha256();
    Files.delete(
        data.resolve("content/sha256")
            .resolve(sha.substring(0, 2))
            .resolve(sha.substring(2, 4))
            .resolve(sha));
    JsonNode report = json(app.send(app.asAdmin("/api/efiles/" + permit.efileId() + "/integrity")));
    assertThat(report.path("intact").asBoolean()).as(report.toString()).isFalse();
    assertThat(report.path("problems")).isNotEmpty();
  }

  /** A case the source app acknowledged, with the documents it was sent. */
  record Filed(
      String caseUrl,
      UUID efileId,
      String processInstanceId,
      List<Sent> documents,
      long acknowledgedAt) {}

  /** A document as sent: its id in the e-file and the SHA-256 of the bytes sent. */
  record Sent(UUID documentId, String sha256) {}

  /** Keeps submitting invoices and Bauanträge until told to stop. */
  private static final class Load implements java.util.concurrent.Callable<Void> {
    final App app;
    final AtomicBoolean running = new AtomicBoolean(true);
    final List<Filed> acknowledged = new CopyOnWriteArrayList<>();

    Load(App app) {
      this.app = app;
    }

    @Override
    public Void call() throws Exception {
      for (int i = 0; running.get(); i++) {
        acknowledged.add(i % 2 == 0 ? app.fileInvoice() : app.filePermit());
      }
      return null;
    }

    List<Filed> acknowledgedBefore(long nanoTime) {
      return acknowledged.stream().filter(f -> f.acknowledgedAt() < nanoTime).toList();
    }
  }

  /** One forked {@code java -jar} of the packaged application. */
  private final class App {
    final Process process;
    final String base;
    final Path log;
    final HttpClient http = HttpClient.newHttpClient();

    App(Process process, String base, Path log) {
      this.process = process;
      this.base = base;
      this.log = log;
    }

    Filed fileInvoice() throws Exception {
      byte[] xml =
          invoiceTemplate
              .replace(INVOICE_NUMBER, "<cbc:ID>BK-" + serial.incrementAndGet() + "</cbc:ID>")
              .getBytes(StandardCharsets.UTF_8);
      HttpResponse<byte[]> receipt =
          send(
              request("/api/invoices")
                  .header("Content-Type", "application/xml")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(xml)));
      long acknowledgedAt = System.nanoTime();
      assertThat(receipt.statusCode()).as(text(receipt)).isEqualTo(202);
      JsonNode r = json(receipt);
      String url = "/api/invoices/" + r.path("invoiceId").asText();
      JsonNode view = json(send(asAdmin(url)));
      UUID original = UUID.fromString(view.path("originalDocumentId").asText());
      return new Filed(
          url,
          UUID.fromString(r.path("efileId").asText()),
          null,
          List.of(new Sent(original, sha256(xml))),
          acknowledgedAt);
    }

    Filed filePermit() throws Exception {
      byte[] application;
      try (InputStream in = getClass().getResourceAsStream("/permit/application.json")) {
        application = in.readAllBytes();
      }
      HttpResponse<byte[]> submitted =
          send(
              request("/api/permit-applications")
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofByteArray(application)));
      assertThat(submitted.statusCode()).as(text(submitted)).isEqualTo(201);
      JsonNode receipt = json(submitted);
      String id = receipt.path("applicationId").asText();
      String token = receipt.path("trackingToken").asText();
      List<Sent> sent = new ArrayList<>();
      for (var upload :
          List.of(
              Map.entry("SITE_PLAN", pdf(ThreadLocalRandom.current().nextInt(10_000, 60_000))),
              Map.entry("FLOOR_PLAN", sharedFloorPlan))) {
        byte[] bytes = upload.getValue();
        String boundary = "backup-" + UUID.randomUUID();
        HttpResponse<byte[]> filed =
            send(
                request("/api/permit-applications/" + id + "/documents")
                    .header("X-Tracking-Token", token)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(multipart(boundary, upload.getKey(), bytes)));
        assertThat(filed.statusCode()).as(text(filed)).isEqualTo(201);
        JsonNode document = json(filed);
        assertThat(document.path("sha256").asText()).isEqualTo(sha256(bytes));
        sent.add(new Sent(UUID.fromString(document.path("documentId").asText()), sha256(bytes)));
      }
      long acknowledgedAt = System.nanoTime();
      String url = "/api/permit-applications/" + id;
      JsonNode view = json(send(asAdmin(url)));
      assertThat(view.path("processInstanceId").isTextual()).as(view.toString()).isTrue();
      return new Filed(
          url,
          UUID.fromString(view.path("efileId").asText()),
          view.path("processInstanceId").asText(),
          sent,
          acknowledgedAt);
    }

    /** Each e-file's documents as listed now: document id to SHA-256. */
    Map<UUID, Map<UUID, String>> documentsOf(List<Filed> cases) throws Exception {
      Map<UUID, Map<UUID, String>> listed = new LinkedHashMap<>();
      for (Filed filed : cases) {
        Map<UUID, String> documents = new LinkedHashMap<>();
        for (JsonNode d : json(send(asAdmin("/api/efiles/" + filed.efileId() + "/documents")))) {
          documents.put(UUID.fromString(d.path("id").asText()), d.path("sha256").asText());
        }
        listed.put(filed.efileId(), documents);
      }
      return listed;
    }

    byte[] download(UUID efile, UUID document) throws Exception {
      HttpResponse<byte[]> content =
          send(asAdmin("/api/efiles/" + efile + "/documents/" + document + "/content"));
      assertThat(content.statusCode())
          .as("document %s of e-file %s", document, efile)
          .isEqualTo(200);
      return content.body();
    }

    HttpRequest.Builder request(String path) {
      return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(60));
    }

    HttpRequest.Builder asAdmin(String path) {
      String basic = Base64.getEncoder().encodeToString(("admin:" + ADMIN_PASSWORD).getBytes());
      return request(path).header("Authorization", "Basic " + basic);
    }

    HttpResponse<byte[]> send(HttpRequest.Builder request)
        throws IOException, InterruptedException {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    void stop() throws InterruptedException {
      // SIGTERM: a graceful shutdown, as an operator stops the service
      process.destroy();
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private App start(String name, List<String> profileArgs, Path data) throws Exception {
    Path jar;
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      jar =
          files
              .filter(p -> p.getFileName().toString().matches("amtsflow-.*\\.jar"))
              .findFirst()
              .orElseThrow(() -> new IllegalStateException("run after mvn package"));
    }
    int port;
    try (ServerSocket socket = new ServerSocket(0)) {
      port = socket.getLocalPort();
    }
    Files.createDirectories(data);
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // C1 only: faster starts; a backup's correctness does not depend on the JIT
                "-XX:TieredStopAtLevel=1",
                // C1 alone gets a 48 MB code cache, which the warm-ups fill (see ForkedApp)
                "-XX:ReservedCodeCacheSize=240m",
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--amtsflow.admin.password=" + ADMIN_PASSWORD,
                "--amtsflow.data-dir=" + data,
                "--amtsflow.invoice.intake-per-minute=100000",
                "--amtsflow.permit.submits-per-minute=100000",
                "--amtsflow.permit.requests-per-minute=100000"));
    command.addAll(profileArgs);
    Path log = work.resolve(name + ".log");
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    App app = new App(process, "http://127.0.0.1:" + port, log);
    apps.add(app);
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .ignoreException(ConnectException.class)
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited, see " + Files.readString(log));
              }
              return app.send(app.request("/actuator/health/readiness")).statusCode() == 200;
            });
    return app;
  }

  private static List<String> postgresArgs(String database) {
    return List.of(
        "--spring.profiles.active=postgres",
        "--spring.datasource.url=" + databaseUrl(database),
        "--spring.datasource.username=" + PostgresTestDatabase.USER,
        // the postgres profile insists on a password; trust authentication ignores it
        "--spring.datasource.password="
            + (PostgresTestDatabase.PASSWORD.isEmpty() ? "x" : PostgresTestDatabase.PASSWORD));
  }

  private static Map<String, String> pgEnv(String database, Path data) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("PGHOST", SERVER.getHost());
    env.put("PGPORT", Integer.toString(SERVER.getPort() < 0 ? 5432 : SERVER.getPort()));
    env.put("PGUSER", PostgresTestDatabase.USER);
    if (!PostgresTestDatabase.PASSWORD.isEmpty()) {
      env.put("PGPASSWORD", PostgresTestDatabase.PASSWORD);
    }
    env.put("PGDATABASE", database);
    env.put("AMTSFLOW_DATA_DIR", data.toString());
    return env;
  }

  record ScriptResult(int exitCode, String output) {}

  /** Runs one of the operator scripts in {@code docker/} and returns its output. */
  private static ScriptResult run(Map<String, String> env, String script, String mode, Path dir)
      throws IOException, InterruptedException {
    ProcessBuilder builder =
        new ProcessBuilder("bash", Path.of("docker", script).toString(), mode, dir.toString())
            .redirectErrorStream(true);
    builder.environment().putAll(env);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(2, TimeUnit.MINUTES)).as(script).isTrue();
    return new ScriptResult(process.exitValue(), output);
  }

  private static String script(Map<String, String> env, String script, String mode, Path dir)
      throws IOException, InterruptedException {
    ScriptResult result = run(env, script, mode, dir);
    assertThat(result.exitCode()).as("%s %s: %s", script, mode, result.output()).isZero();
    return result.output();
  }

  private static String databaseUrl(String database) {
    return "jdbc:postgresql://"
        + SERVER.getHost()
        + (SERVER.getPort() < 0 ? "" : ":" + SERVER.getPort())
        + "/"
        + database;
  }

  private static void execute(String database, String sql) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                databaseUrl(database), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }

  private static void dropDatabase(String database) throws SQLException {
    execute("postgres", "drop database if exists " + database + " with (force)");
  }

  private static Set<UUID> efileIds(String database) throws SQLException {
    Set<UUID> ids = new LinkedHashSet<>();
    try (Connection c =
            DriverManager.getConnection(
                databaseUrl(database), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
        Statement s = c.createStatement();
        ResultSet rows = s.executeQuery("select id from efile")) {
      while (rows.next()) {
        ids.add(rows.getObject(1, UUID.class));
      }
    }
    return ids;
  }

  /** A PDF as the sniffer sees one, with random bytes: equal only to itself. */
  private static byte[] pdf(int size) {
    byte[] noise = new byte[size];
    ThreadLocalRandom.current().nextBytes(noise);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(("%PDF-1.7\n% backup test " + UUID.randomUUID() + "\n").getBytes());
    out.writeBytes(noise);
    out.writeBytes("\n%%EOF\n".getBytes());
    return out.toByteArray();
  }

  private static HttpRequest.BodyPublisher multipart(String boundary, String kind, byte[] file) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    body.writeBytes(
        ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\n" + kind)
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(
        ("\r\n--"
                + boundary
                + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + kind.toLowerCase()
                + ".pdf\"\r\nContent-Type: application/pdf\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
    body.writeBytes(file);
    body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return HttpRequest.BodyPublishers.ofByteArray(body.toByteArray());
  }

  private static JsonNode json(HttpResponse<byte[]> response) throws IOException {
    return JSON.readTree(response.body());
  }

  private static String text(HttpResponse<byte[]> response) {
    return response.statusCode() + " " + new String(response.body(), StandardCharsets.UTF_8);
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }
}
