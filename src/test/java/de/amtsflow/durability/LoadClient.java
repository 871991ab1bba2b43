package de.amtsflow.durability;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A mixed load as suppliers and citizens make it: e-invoices (each unique) and Bauanträge (each
 * with an Idempotency-Key, then a plan uploaded with the tracking token). It records every receipt
 * the system handed out; a request whose answer never came (the node died) is kept as pending and
 * retried later, as a real client would: the retry must find the first attempt (409 duplicate,
 * replayed Idempotency-Key) or create the case once.
 */
final class LoadClient {

  enum Kind {
    INVOICE,
    PERMIT
  }

  /** An acknowledged submission; {@code documentSha256} is the plan whose upload was answered. */
  record Receipt(Kind kind, String id, String fileNumber, String key, String documentSha256) {}

  /** A submission whose answer never arrived. */
  record Pending(Kind kind, String key, byte[] body) {}

  /**
   * A request that a stopping node turned away, so the application never processed it (connection
   * refused, or Tomcat's own 503 while paused), or that got no answer although it was sent only
   * after the node was told to stop. Either way not a request cut off mid-way.
   */
  record Refused(String request, String reason) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String invoiceTemplate;
  private final String permitBody;
  private final String run = Long.toString(System.nanoTime(), 36);
  private final AtomicLong sequence = new AtomicLong();

  final List<Receipt> receipts = new CopyOnWriteArrayList<>();
  final List<Pending> pending = new CopyOnWriteArrayList<>();
  final List<Refused> refused = new CopyOnWriteArrayList<>();
  final AtomicInteger serverErrors = new AtomicInteger();
  final List<String> unexpectedAnswers = new CopyOnWriteArrayList<>();
  final List<Long> latenciesMillis = new CopyOnWriteArrayList<>();

  /** Requests sent and not yet answered. */
  final AtomicInteger inFlight = new AtomicInteger();

  /** Requests sent before {@link #stopSignalled()} and answered after it. */
  final AtomicInteger answeredAcrossStop = new AtomicInteger();

  // set once the node was told to stop; a request reads it before it is sent
  private volatile boolean stopSignalled;
  // submissions refused by a stopping node, retried like the pending ones
  private final List<Pending> refusedSubmissions = new CopyOnWriteArrayList<>();

  private ExecutorService workers;
  private final AtomicBoolean running = new AtomicBoolean();

  LoadClient() {
    invoiceTemplate = resource("/invoice/xrechnung-testsuite/01.01a-INVOICE_ubl.xml");
    permitBody = resource("/permit/application.json");
  }

  /** Starts {@code clients} workers against {@code base}; each stops at its first lost answer. */
  void start(List<String> bases, int clients) {
    running.set(true);
    workers = Executors.newFixedThreadPool(clients);
    for (int i = 0; i < clients; i++) {
      String base = bases.get(i % bases.size());
      boolean invoices = i % 2 == 0;
      workers.submit(() -> work(base, invoices));
    }
  }

  void stop() throws InterruptedException {
    running.set(false);
    workers.shutdown();
    if (!workers.awaitTermination(2, TimeUnit.MINUTES)) {
      throw new IllegalStateException("load workers did not stop");
    }
  }

  /**
   * The node has just been sent SIGTERM: from now on a request that gets no answer was sent to a
   * stopping node. Returns the requests in flight at this moment.
   */
  int stopSignalled() {
    stopSignalled = true;
    return inFlight.get();
  }

  long count(Kind kind) {
    return receipts.stream().filter(r -> r.kind() == kind).count();
  }

  private void work(String base, boolean invoices) {
    while (running.get()) {
      try {
        if (invoices) {
          submitInvoice(base, newInvoice());
        } else {
          submitPermit(base, UUID.randomUUID().toString());
        }
      } catch (LostAnswer lost) {
        if (lost.pending != null) {
          (lost.refused ? refusedSubmissions : pending).add(lost.pending);
        }
        return;
      }
    }
  }

  /** Retries what never got an answer or was refused, once, against a live node. */
  void retryPending(String base) {
    List<Pending> retry = new ArrayList<>(pending);
    retry.addAll(refusedSubmissions);
    pending.clear();
    refusedSubmissions.clear();
    for (Pending p : retry) {
      try {
        if (p.kind() == Kind.INVOICE) {
          submitInvoice(base, p.body());
        } else {
          submitPermit(base, p.key());
        }
      } catch (LostAnswer lost) {
        throw new IllegalStateException("retry against a live node got no answer", lost);
      }
    }
  }

  private byte[] newInvoice() {
    String number = "CRASH-" + run + "-" + sequence.incrementAndGet();
    return invoiceTemplate
        .replaceFirst("<cbc:ID>[^<]*</cbc:ID>", "<cbc:ID>" + number + "</cbc:ID>")
        .getBytes(StandardCharsets.UTF_8);
  }

  private void submitInvoice(String base, byte[] invoice) throws LostAnswer {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(URI.create(base + "/api/invoices"))
                .header("Content-Type", "application/xml")
                .POST(HttpRequest.BodyPublishers.ofByteArray(invoice)),
            new Pending(Kind.INVOICE, null, invoice));
    JsonNode body = read(answer.body());
    if (answer.statusCode() == 202) {
      receipts.add(
          new Receipt(
              Kind.INVOICE,
              body.path("invoiceId").asText(),
              body.path("fileNumber").asText(),
              null,
              null));
    } else if (answer.statusCode() == 409 && body.has("existingInvoiceId")) {
      // the first attempt was stored before its answer was lost: that is the receipt
      receipts.add(
          new Receipt(Kind.INVOICE, body.path("existingInvoiceId").asText(), null, null, null));
    } else {
      unexpected(answer);
    }
  }

  private void submitPermit(String base, String key) throws LostAnswer {
    HttpResponse<String> answer =
        send(
            HttpRequest.newBuilder(URI.create(base + "/api/permit-applications"))
                .header("Content-Type", "application/json")
                .header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(permitBody)),
            new Pending(Kind.PERMIT, key, null));
    if (answer.statusCode() != 201) {
      unexpected(answer);
      return;
    }
    JsonNode body = read(answer.body());
    String id = body.path("applicationId").asText();
    String fileNumber = body.path("fileNumber").asText();
    Receipt receipt = new Receipt(Kind.PERMIT, id, fileNumber, key, null);
    receipts.add(receipt);
    if (!running.get()) {
      return;
    }
    byte[] plan = plan(fileNumber);
    String boundary = "----load" + UUID.randomUUID();
    HttpResponse<String> upload;
    try {
      upload =
          send(
              HttpRequest.newBuilder(
                      URI.create(base + "/api/permit-applications/" + id + "/documents"))
                  .header("X-Tracking-Token", body.path("trackingToken").asText())
                  .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                  .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, plan))),
              null);
    } catch (LostAnswer lost) {
      // the plan's upload was never acknowledged; the application was
      throw new LostAnswer(null, lost.refused);
    }
    if (upload.statusCode() == 201) {
      receipts.set(
          receipts.indexOf(receipt), new Receipt(Kind.PERMIT, id, fileNumber, key, sha256(plan)));
    } else {
      unexpected(upload);
    }
  }

  private HttpResponse<String> send(HttpRequest.Builder builder, Pending ifLost) throws LostAnswer {
    HttpRequest request = builder.timeout(Duration.ofSeconds(60)).build();
    String name = request.method() + " " + request.uri().getPath();
    boolean sentBeforeStop = !stopSignalled;
    long started = System.nanoTime();
    inFlight.incrementAndGet();
    try {
      HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString());
      latenciesMillis.add((System.nanoTime() - started) / 1_000_000);
      // Tomcat answers a paused connector's requests itself, without a body: the application never
      // saw it (the application's own 503 is a problem document with Retry-After)
      if (answer.statusCode() == 503 && answer.body().isEmpty()) {
        refused.add(new Refused(name, "503 from the paused connector"));
        throw new LostAnswer(ifLost, true);
      }
      if (sentBeforeStop && stopSignalled) {
        answeredAcrossStop.incrementAndGet();
      }
      return answer;
    } catch (ConnectException e) {
      refused.add(new Refused(name, "connection refused"));
      throw new LostAnswer(ifLost, true);
    } catch (IOException e) {
      if (!sentBeforeStop) {
        refused.add(new Refused(name, "no answer, sent after SIGTERM: " + e));
        throw new LostAnswer(ifLost, true);
      }
      throw new LostAnswer(ifLost);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new LostAnswer(ifLost);
    } finally {
      inFlight.decrementAndGet();
    }
  }

  private void unexpected(HttpResponse<String> answer) {
    if (answer.statusCode() >= 500) {
      serverErrors.incrementAndGet();
    }
    String problem =
        answer.request().uri() + " answered " + answer.statusCode() + ": " + answer.body();
    // the worker ends with this exception, which its executor keeps to itself: the test reads it
    // here
    unexpectedAnswers.add(problem);
    throw new IllegalStateException(problem);
  }

  /** A small PDF, different for every application: its hash identifies the upload. */
  static byte[] plan(String fileNumber) {
    String text =
        "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            + "2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n% Lageplan "
            + fileNumber
            + " "
            + UUID.randomUUID()
            + "\ntrailer<</Root 1 0 R>>\n%%EOF\n";
    return text.getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] multipart(String boundary, byte[] plan) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    String head =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"kind\"\r\n\r\nSITE_PLAN\r\n--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"lageplan.pdf\"\r\n"
            + "Content-Type: application/pdf\r\n\r\n";
    out.writeBytes(head.getBytes(StandardCharsets.UTF_8));
    out.writeBytes(plan);
    out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return out.toByteArray();
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode read(String body) {
    try {
      return JSON.readTree(body == null || body.isEmpty() ? "{}" : body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String basic(String user) {
    return "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
  }

  private static String resource(String name) {
    try (InputStream in = LoadClient.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The node died while we waited for its answer, or (refused) turned the request away. */
  static final class LostAnswer extends Exception {
    final transient Pending pending;
    final boolean refused;

    LostAnswer(Pending pending) {
      this(pending, false);
    }

    LostAnswer(Pending pending, boolean refused) {
      super("no answer", null, false, false);
      this.pending = pending;
      this.refused = refused;
    }
  }
}
