package de.amtsflow.durability;

import static org.awaitility.Awaitility.await;

import de.amtsflow.PostgresTestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The packaged jar as operators run it, in a JVM of its own that a test can really kill: {@link
 * #kill9()} is SIGKILL (no shutdown hook, no flush), {@link #terminate()} is SIGTERM. Every start
 * appends to the node's log file, so a failure shows what each incarnation said.
 */
final class ForkedApp implements AutoCloseable {

  /** The demo administrator of the dev profile (password = user name). */
  static final String ADMIN = "admin";

  private final String name;
  private final int port;
  private final Path log;
  private final List<String> args;
  private Process process;

  private ForkedApp(String name, int port, Path log, List<String> args) {
    this.name = name;
    this.port = port;
    this.log = log;
    this.args = args;
  }

  /**
   * A node with the dev profile's demo users, the given data folder (content store; with H2 also
   * the database), rate limits lifted for the load client, mail to the test's SMTP server.
   *
   * @param database {@code null} for the embedded H2 default, else a PostgreSQL database name
   */
  static ForkedApp node(
      String name, Path dataDir, String database, int smtpPort, List<String> extra) {
    int port = freePort();
    List<String> args = new ArrayList<>();
    args.add("--server.port=" + port);
    args.add("--amtsflow.node-id=" + name);
    args.add("--amtsflow.data-dir=" + dataDir);
    args.add("--amtsflow.invoice.intake-per-minute=1000000");
    args.add("--amtsflow.permit.submits-per-minute=1000000");
    args.add("--amtsflow.permit.requests-per-minute=1000000");
    args.add("--spring.mail.host=127.0.0.1");
    args.add("--spring.mail.port=" + smtpPort);
    args.add("--logging.level.root=warn");
    args.add("--logging.level.de.amtsflow=info");
    if (database == null) {
      args.add("--spring.profiles.active=dev");
    } else {
      args.add("--spring.profiles.active=dev,postgres");
      args.add("--spring.datasource.url=" + jdbcUrl(database));
      args.add("--spring.datasource.username=" + PostgresTestDatabase.USER);
      args.add("--spring.datasource.password=" + PostgresTestDatabase.PASSWORD);
    }
    args.addAll(extra);
    // under target/, not the data folder: the log outlives the test's temporary folder
    return new ForkedApp(name, port, Path.of("target", "durability", name + ".log"), args);
  }

  String base() {
    return "http://127.0.0.1:" + port;
  }

  String name() {
    return name;
  }

  Path log() {
    return log;
  }

  long pid() {
    return process.pid();
  }

  ForkedApp start() throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    // C1 only: a node starts in about two thirds of the time, which the tests' many restarts
    // feel; what is tested (commits, locks, kill -9) does not depend on the JIT
    command.add("-XX:TieredStopAtLevel=1");
    // C1 alone gets the non-tiered code cache of 48 MB, which the warm-ups' compiled rule sets,
    // stylesheets and rehearsed intakes filled: "CodeCache is full", then 500s ("Out of space in
    // CodeCache for method handle intrinsic") in TwoNodeIT. The tiered default, as operators run
    // it.
    command.add("-XX:ReservedCodeCacheSize=240m");
    command.add("-jar");
    command.add(jar().toString());
    command.addAll(args);
    Files.createDirectories(log.getParent());
    if (process == null) {
      Files.deleteIfExists(log);
    }
    Files.writeString(
        log,
        "==== start " + java.time.Instant.now() + "\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
            .start();
    return this;
  }

  ForkedApp awaitReady() {
    HttpClient http = HttpClient.newHttpClient();
    await("readiness of " + name)
        .atMost(Duration.ofMinutes(3))
        .pollInterval(Duration.ofMillis(250))
        .ignoreExceptions()
        .until(
            () -> {
              if (!process.isAlive()) {
                throw new IllegalStateException(name + " died at start-up, see " + log);
              }
              return http.send(
                          HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                              .build(),
                          HttpResponse.BodyHandlers.discarding())
                      .statusCode()
                  == 200;
            });
    return this;
  }

  /** SIGKILL: the JVM gets no chance to finish anything. */
  void kill9() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  /** SIGTERM: a graceful shutdown. */
  int terminate() throws InterruptedException {
    sigterm();
    return process.waitFor();
  }

  /** Sends SIGTERM and returns at once, so the test can watch the node while it stops. */
  void sigterm() {
    process.destroy();
  }

  /** The exit code of the JVM. */
  int exitCode() {
    return process.exitValue();
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    if (alive()) {
      kill9();
    }
  }

  static Path jar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files
          .filter(p -> p.getFileName().toString().matches("amtsflow-.*\\.jar"))
          .findFirst()
          .orElseThrow(() -> new IllegalStateException("run after mvn package"));
    }
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static String jdbcUrl(String database) {
    return PostgresTestDatabase.URL.replaceFirst("/[^/?]+(\\?.*)?$", "/" + database);
  }

  /** A fresh, empty PostgreSQL database for one test, on the server of the *IT tests. */
  static void recreateDatabase(String database) throws SQLException {
    try (Connection c =
            DriverManager.getConnection(
                jdbcUrl("postgres"), PostgresTestDatabase.USER, PostgresTestDatabase.PASSWORD);
        Statement s = c.createStatement()) {
      s.execute("drop database if exists " + database + " with (force)");
      s.execute("create database " + database);
    }
  }
}
