package de.amtsflow.durability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9 under load, two rounds, on the embedded H2 default and on PostgreSQL: a load client
 * records every receipt; after each restart every receipt's case is there with its e-file,
 * documents and process instance, nothing twice, the content folder agrees with the database, every
 * e-file's audit chain is intact and the async work that was in flight is done.
 */
class CrashIT {

  static final int ROUNDS = 2;
  static final int CLIENTS = 8;

  /** Receipts to collect per round before the kill. */
  static final int RECEIPTS_PER_ROUND = Integer.getInteger("amtsflow.crash.receipts", 30);

  // a killed node's jobs are taken over when their lock expires: short here, 60 s in production
  static final List<String> TEST_SETTINGS =
      List.of("--camunda.bpm.job-execution.lock-time-in-millis=10000");

  @TempDir Path data;
  GreenMail mail;

  @BeforeEach
  void startMailServer() {
    mail = new GreenMail(new ServerSetup(ForkedApp.freePort(), "127.0.0.1", "smtp"));
    mail.start();
  }

  @AfterEach
  void stopMailServer() {
    mail.stop();
  }

  @Test
  void embeddedH2KeepsEveryReceiptThroughKill9() throws Exception {
    crashRounds(null);
  }

  @Test
  void postgresKeepsEveryReceiptThroughKill9() throws Exception {
    String database = "amtsflow_crash";
    ForkedApp.recreateDatabase(database);
    crashRounds(database);
  }

  private void crashRounds(String database) throws Exception {
    String label = database == null ? "H2" : "PostgreSQL";
    String node = database == null ? "crash-h2" : "crash-postgres";
    LoadClient load = new LoadClient();
    try (ForkedApp app =
        ForkedApp.node(node, data, database, mail.getSmtp().getPort(), TEST_SETTINGS)) {
      app.start().awaitReady();
      for (int round = 1; round <= ROUNDS; round++) {
        int before = load.receipts.size();
        load.start(List.of(app.base()), CLIENTS);
        await("receipts in round " + round)
            .atMost(Duration.ofMinutes(3))
            .pollInterval(Duration.ofMillis(50))
            .until(() -> load.receipts.size() >= before + RECEIPTS_PER_ROUND);
        app.kill9();
        load.stop();
        int inFlight = load.pending.size();

        app.start().awaitReady();
        load.retryPending(app.base());
        Inspection inspection = new Inspection(app.base());
        inspection.awaitAsyncWorkDone(Duration.ofMinutes(2));
        Inspection.Counts counts = inspection.check(load.receipts);
        Mails mails = Mails.of(mail);
        Report.line(
            "[crash] %s round %d: receipts %d (%d this round, %d in flight at the kill and"
                + " retried), lost %d, duplicated %d, integrity broken %d, blobs %d, orphan %d,"
                + " missing %d, acknowledgement letters mailed %d (mails received %d, redelivered after the kill %d, duplicated %d), 5xx %d",
            label,
            round,
            counts.receipts(),
            counts.receipts() - before,
            inFlight,
            counts.lost(),
            counts.duplicated(),
            counts.integrityBroken(),
            counts.blobs(),
            counts.orphanBlobs(),
            counts.missingBlobs(),
            mails.letters(),
            mails.received(),
            mails.redelivered(),
            mails.duplicated(),
            load.serverErrors.get());
        counts.assertNothingLostOrBroken();
        assertThat(load.serverErrors.get()).as("5xx answers").isZero();
        // every application's Eingangsbestätigung went out once it was filed
        assertThat(mails.letters())
            .as("acknowledgement letters mailed")
            .isEqualTo((int) load.count(LoadClient.Kind.PERMIT));
        assertThat(mails.duplicated()).as("letters mailed under two Message-IDs").isZero();
      }
      assertThat(app.terminate()).as("exit code after SIGTERM").isIn(0, 143);
    }
  }
}
