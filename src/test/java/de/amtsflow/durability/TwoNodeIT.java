package de.amtsflow.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import de.amtsflow.PostgresTestDatabase;
import de.amtsflow.invoice.InvoiceProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two nodes on one PostgreSQL and one content folder, a mixed load spread over both, clerks
 * approving invoices on one of them (so payment orders and e-file closings run as jobs), and a kill
 * -9 of the other mid-run. The survivor finishes all async work once the dead node's job locks
 * expire, and every side effect happens exactly once: acknowledgement mail and letter per
 * application, payment-order outbox row and order document per approved invoice, one closing per
 * e-file.
 */
class TwoNodeIT {

  static final String DATABASE = "amtsflow_twonode";
  static final int RECEIPTS = Integer.getInteger("amtsflow.twonode.receipts", 40);
  static final List<String> TEST_SETTINGS =
      List.of("--camunda.bpm.job-execution.lock-time-in-millis=10000");

  static final Set<String> INVOICE_TASKS =
      Set.of(InvoiceProcess.Task.CONFIRM_FACTUAL, InvoiceProcess.Task.CONFIRM_ARITHMETIC);

  @TempDir Path data;
  GreenMail mail;

  @BeforeEach
  void setUp() throws Exception {
    mail = new GreenMail(new ServerSetup(ForkedApp.freePort(), "127.0.0.1", "smtp"));
    mail.start();
    ForkedApp.recreateDatabase(DATABASE);
  }

  @AfterEach
  void stopMailServer() {
    mail.stop();
  }

  @Test
  void theSurvivorFinishesTheDeadNodesWorkAndEverySideEffectHappensOnce() throws Exception {
    Path content = data.resolve("shared-content");
    List<String> settings = new java.util.ArrayList<>(TEST_SETTINGS);
    settings.add("--amtsflow.efile.content-dir=" + content);
    LoadClient load = new LoadClient();
    AtomicBoolean approving = new AtomicBoolean(true);
    AtomicInteger approved = new AtomicInteger();
    try (ForkedApp a =
            ForkedApp.node(
                "node-a", data.resolve("a"), DATABASE, mail.getSmtp().getPort(), settings);
        ForkedApp b =
            ForkedApp.node(
                "node-b", data.resolve("b"), DATABASE, mail.getSmtp().getPort(), settings)) {
      // one after the other: the first creates the schema
      a.start().awaitReady();
      b.start().awaitReady();
      load.start(List.of(a.base(), b.base()), 8);
      Thread clerks = new Thread(() -> approveInvoices(b.base(), approving, approved), "clerks");
      clerks.start();

      await("receipts on both nodes, invoices being approved")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> load.receipts.size() >= RECEIPTS && approved.get() >= 2);
      long jobsAtKill = new Inspection(b.base()).count("/engine-rest/job/count?messages=true");
      a.kill9();
      // the load goes on against the survivor
      int atKill = load.receipts.size();
      await("more receipts on node b")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> load.receipts.size() >= atKill + RECEIPTS / 2);
      load.stop();
      int inFlight = load.pending.size();
      load.retryPending(b.base());
      // every invoice approved, then the survivor must finish everything, the dead node's
      // locked jobs included once their locks expire
      await("every invoice approved")
          .atMost(Duration.ofMinutes(3))
          .pollInterval(Duration.ofMillis(200))
          .until(() -> openInvoiceTasks(b.base()) == 0);
      approving.set(false);
      clerks.join();
      Inspection inspection = new Inspection(b.base());
      inspection.awaitAsyncWorkDone(Duration.ofMinutes(2));
      // the operator restarts the dead node: before it serves anything it removes the blobs it
      // had placed for transactions that never committed (until then they wait, marked pending)
      a.start().awaitReady();
      Inspection.Counts counts = inspection.check(load.receipts);

      long permits = load.count(LoadClient.Kind.PERMIT);
      long invoices = load.count(LoadClient.Kind.INVOICE);
      Mails mails = Mails.of(mail);
      SideEffects effects = sideEffects();
      Report.line(
          "[two-node] receipts %d (invoices %d, permits %d), in flight at the kill %d, jobs"
              + " queued at the kill %d; lost %d, duplicated %d, integrity broken %d, orphan"
              + " blobs %d, missing blobs %d; letters mailed %d (mails received %d, redelivered %d,"
              + " duplicated %d); acknowledgement letters"
              + " %d in %d e-files; payment orders %d (documents %d) for %d invoices; closings %d"
              + " in %d e-files",
          counts.receipts(),
          invoices,
          permits,
          inFlight,
          jobsAtKill,
          counts.lost(),
          counts.duplicated(),
          counts.integrityBroken(),
          counts.orphanBlobs(),
          counts.missingBlobs(),
          mails.letters(),
          mails.received(),
          mails.redelivered(),
          mails.duplicated(),
          effects.letters(),
          effects.efilesWithLetter(),
          effects.paymentOrders(),
          effects.orderDocuments(),
          effects.invoicesOrdered(),
          effects.closings(),
          effects.efilesClosed());

      counts.assertNothingLostOrBroken();
      assertThat(load.serverErrors.get()).as("5xx").isZero();
      assertThat(mails.letters()).as("one mail per application").isEqualTo((int) permits);
      assertThat(mails.duplicated()).as("letters mailed under two Message-IDs").isZero();
      assertThat(effects.letters()).as("acknowledgement letters").isEqualTo(permits);
      assertThat(effects.efilesWithLetter()).isEqualTo(permits);
      assertThat(effects.paymentOrders()).as("payment orders").isEqualTo(invoices);
      assertThat(effects.orderDocuments()).as("payment order documents").isEqualTo(invoices);
      assertThat(effects.closings()).as("e-file closings").isEqualTo(invoices);
      assertThat(effects.efilesClosed()).isEqualTo(invoices);
    }
  }

  record SideEffects(
      long letters,
      long efilesWithLetter,
      long paymentOrders,
      long orderDocuments,
      long invoicesOrdered,
      long closings,
      long efilesClosed) {}

  SideEffects sideEffects() throws Exception {
    try (Connection c =
            DriverManager.getConnection(
                ForkedApp.jdbcUrl(DATABASE),
                PostgresTestDatabase.USER,
                PostgresTestDatabase.PASSWORD);
        Statement s = c.createStatement()) {
      Function<String, Long> one =
          sql -> {
            try (ResultSet rs = s.executeQuery(sql)) {
              rs.next();
              return rs.getLong(1);
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(sql, e);
            }
          };
      String versionsOfKind =
          " from efile_document_version v join efile_document d on d.id = v.document_id"
              + " where d.kind = ";
      return new SideEffects(
          one.apply("select count(*)" + versionsOfKind + "'receipt'"),
          one.apply("select count(distinct d.efile_id)" + versionsOfKind + "'receipt'"),
          one.apply("select count(*) from payment_order_outbox"),
          one.apply("select count(*)" + versionsOfKind + "'payment-order'"),
          one.apply("select count(distinct invoice_id) from payment_order_outbox"),
          one.apply("select count(*) from efile_audit_entry where action = 'EFILE_CLOSED'"),
          one.apply(
              "select count(distinct efile_id) from efile_audit_entry"
                  + " where action = 'EFILE_CLOSED'"));
    }
  }

  /** The clerks' part: "sachlich richtig" (pruefer), then "rechnerisch richtig" (rechnung). */
  static void approveInvoices(String base, AtomicBoolean running, AtomicInteger approved) {
    HttpClient http = HttpClient.newHttpClient();
    while (running.get()) {
      for (String clerk : List.of("pruefer", "rechnung")) {
        for (JsonNode task : tasks(http, base, clerk)) {
          if (INVOICE_TASKS.contains(task.path("taskKey").asText())) {
            HttpResponse<String> done =
                send(
                    http,
                    HttpRequest.newBuilder(
                            URI.create(
                                base + "/api/tasks/" + task.path("id").asText() + "/complete"))
                        .header("Authorization", LoadClient.basic(clerk))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"decision\":\"APPROVE\"}")));
            if (done.statusCode() == 200 && clerk.equals("rechnung")) {
              approved.incrementAndGet();
            }
          }
        }
      }
    }
  }

  static long openInvoiceTasks(String base) {
    HttpClient http = HttpClient.newHttpClient();
    long open = 0;
    for (String clerk : List.of("pruefer", "rechnung")) {
      for (String taskKey : INVOICE_TASKS) {
        open += list(http, base, clerk, "taskKey=" + taskKey + "&size=1").path("total").asLong();
      }
    }
    return open;
  }

  /** The first page of the clerk's invoice tasks, as many as a page holds. */
  private static JsonNode tasks(HttpClient http, String base, String clerk) {
    return list(http, base, clerk, "processKey=" + InvoiceProcess.KEY + "&size=200").path("items");
  }

  private static JsonNode list(HttpClient http, String base, String clerk, String query) {
    HttpResponse<String> answer =
        send(
            http,
            HttpRequest.newBuilder(URI.create(base + "/api/tasks?" + query))
                .header("Authorization", LoadClient.basic(clerk))
                .GET());
    return LoadClient.read(answer.body());
  }

  private static HttpResponse<String> send(HttpClient http, HttpRequest.Builder request) {
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
