package de.amtsflow.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One kind of request the benchmark repeats: amtsflow's e-invoice intake or Bauantrag submit, or
 * the vanilla app's process start. Every request creates a new case (unique invoice number, unique
 * Idempotency-Key), as amtsflow's durability LoadClient does.
 */
final class Workload {

  enum Kind {
    INVOICE("intake", "e-invoice intake", 202),
    PERMIT("submit", "Bauantrag submit", 201),
    VANILLA("start", "vanilla start", 201);

    final String key;
    final String label;
    final int expectedStatus;

    Kind(String key, String label, int expectedStatus) {
      this.key = key;
      this.label = label;
      this.expectedStatus = expectedStatus;
    }

    static Kind of(String key) {
      for (Kind kind : values()) {
        if (kind.key.equals(key)) {
          return kind;
        }
      }
      throw new IllegalArgumentException("unknown workload " + key + " (intake, submit, start)");
    }
  }

  static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  final Kind kind;
  private final String base;
  private final String body;
  // unique per run, so a second run against the same database adds no duplicates
  private final String run = Long.toString(System.currentTimeMillis(), 36);
  private final AtomicLong sequence = new AtomicLong();

  private Workload(Kind kind, String base, String body) {
    this.kind = kind;
    this.base = base;
    this.body = body;
  }

  /**
   * @param invoice the XRechnung whose first {@code cbc:ID} (BT-1, the invoice number) is replaced
   * @param permit the Bauantrag JSON
   */
  static Workload of(Kind kind, String base, Path invoice, Path permit) throws IOException {
    String body =
        switch (kind) {
          case INVOICE -> Files.readString(invoice);
          case PERMIT -> Files.readString(permit);
          // about half the variables amtsflow's intake sets (21), as an intake would send them
          case VANILLA ->
              """
              {"invoiceNumber":"%s","sellerName":"Lieferant GmbH","grossAmount":1234.56,
               "currency":"EUR","dueDate":"2026-12-31","leitwegId":"04011000-12345-03",
               "valid":true,"routing":"ROUTED","hasSkonto":false,"category":""}\
              """;
        };
    return new Workload(kind, base, body);
  }

  HttpRequest next() {
    long n = sequence.incrementAndGet();
    HttpRequest.Builder request = HttpRequest.newBuilder().timeout(TIMEOUT);
    return switch (kind) {
      case INVOICE ->
          request
              .uri(URI.create(base + "/api/invoices"))
              .header("Content-Type", "application/xml")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      body.replaceFirst(
                          "<cbc:ID>[^<]*</cbc:ID>", "<cbc:ID>BENCH-" + run + "-" + n + "</cbc:ID>"),
                      StandardCharsets.UTF_8))
              .build();
      case PERMIT ->
          request
              .uri(URI.create(base + "/api/permit-applications"))
              .header("Content-Type", "application/json")
              .header("Idempotency-Key", UUID.randomUUID().toString())
              .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
              .build();
      case VANILLA ->
          request
              .uri(URI.create(base + "/api/cases"))
              .header("Content-Type", "application/json")
              .POST(
                  HttpRequest.BodyPublishers.ofString(
                      body.formatted("BENCH-" + run + "-" + n), StandardCharsets.UTF_8))
              .build();
    };
  }

  /** The business key of the process instance the answer reports (amtsflow: the Aktenzeichen). */
  String businessKey(String answer) throws IOException {
    JsonNode node = JSON.readTree(answer);
    return node.path(kind == Kind.VANILLA ? "businessKey" : "fileNumber").asText();
  }
}
