package de.amtsflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The artifact operators run: {@code java -jar} on the packaged jar (failsafe runs after {@code
 * package}). Catches what only the executable jar shows, such as resources inside nested jars.
 */
class PackagedJarIT {

  @TempDir Path data;
  Process app;

  @AfterEach
  void stop() throws InterruptedException {
    if (app != null) {
      app.destroy();
      app.waitFor();
    }
  }

  @Test
  void packagedJarStartsAndReceivesAnEInvoice() throws Exception {
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
    app =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar.toString(),
                "--server.port=" + port,
                "--spring.profiles.active=dev",
                "--amtsflow.data-dir=" + data,
                "--camunda.bpm.job-execution.enabled=false")
            .redirectErrorStream(true)
            .redirectOutput(data.resolve("app.log").toFile())
            .start();
    HttpClient http = HttpClient.newHttpClient();
    String base = "http://127.0.0.1:" + port;
    await()
        .atMost(Duration.ofMinutes(2))
        .pollInterval(Duration.ofMillis(500))
        .ignoreExceptions()
        .until(() -> get(http, base + "/actuator/health/readiness").statusCode() == 200);

    byte[] invoice;
    try (InputStream in =
        getClass().getResourceAsStream("/invoice/xrechnung-testsuite/01.01a-INVOICE_ubl.xml")) {
      invoice = in.readAllBytes();
    }
    HttpResponse<String> receipt =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/invoices"))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(invoice))
                .build(),
            HttpResponse.BodyHandlers.ofString());

    assertThat(receipt.statusCode()).as(receipt.body()).isEqualTo(202);
    assertThat(receipt.body()).contains("\"valid\":true").contains("RE-");
    // a Bauantrag too: its migration, the permit model and the letters' PDF run in the jar
    String application =
        new String(
            getClass().getResourceAsStream("/permit/application.json").readAllBytes(),
            java.nio.charset.StandardCharsets.UTF_8);
    HttpResponse<String> permit =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/permit-applications"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(application))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(permit.statusCode()).as(permit.body()).isEqualTo(201);
    assertThat(permit.body()).contains("\"fileNumber\":\"BAU-").contains("trackingToken");
    assertThat(get(http, base + "/camunda/app/tasklist/default/").statusCode()).isEqualTo(200);
    assertThat(get(http, base + "/api/efiles?number=RE-1").statusCode()).isEqualTo(401);
  }

  static HttpResponse<String> get(HttpClient http, String url)
      throws IOException, InterruptedException {
    return http.send(
        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
