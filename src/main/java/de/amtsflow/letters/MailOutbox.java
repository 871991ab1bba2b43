package de.amtsflow.letters;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Transactional outbox for mail. {@link #queue} writes a row in the caller's transaction; after the
 * commit one delivery thread per node sends due rows, each in a transaction of its own that locks
 * the row ({@code skip locked} on PostgreSQL, so two nodes never send the same mail) and marks it
 * sent. A node that dies mid-way leaves the row unsent: it is delivered by the next sweep, on this
 * node after its restart or on another. Only a death between the SMTP server's acceptance and the
 * commit of "sent" can send a mail twice; its Message-ID is then the same, so the recipient's mail
 * program can tell.
 */
@Component
public class MailOutbox implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MailOutbox.class);

  /** After this many failed attempts each further failure is logged as an error. */
  private static final int ALARM_ATTEMPTS = 10;

  private static final Duration MAX_BACKOFF = Duration.ofHours(1);

  /** Sent mails are kept this long (to answer "did it go out?"), then deleted. */
  private static final Duration KEEP_SENT = Duration.ofDays(30);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transactions;
  private final ObjectProvider<JavaMailSender> sender;
  private final Clock clock;
  private final String from;
  private final Duration sweep;
  private final Duration retryAfter;
  private final AtomicBoolean running = new AtomicBoolean();
  private final AtomicBoolean scheduled = new AtomicBoolean();
  private volatile ScheduledExecutorService delivery;
  private volatile String lockClause;

  MailOutbox(
      JdbcTemplate jdbc,
      PlatformTransactionManager transactionManager,
      ObjectProvider<JavaMailSender> sender,
      @Value("${amtsflow.mail.from:poststelle@amtsflow.invalid}") String from,
      @Value("${amtsflow.mail.sweep:PT5S}") Duration sweep,
      // the pause after the n-th failed attempt is n times this (at most an hour)
      @Value("${amtsflow.mail.retry-after:PT1M}") Duration retryAfter) {
    this.jdbc = jdbc;
    this.transactions = new TransactionTemplate(transactionManager);
    this.sender = sender;
    // technical time, not the case's: a test that moves the case clock must not hold mail back
    this.clock = Clock.systemUTC();
    this.from = from;
    this.sweep = sweep;
    this.retryAfter = retryAfter;
  }

  /** Queues a mail in the current transaction; it is delivered after the commit. */
  void queue(String to, String subject, String text) {
    Timestamp now = Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS));
    jdbc.update(
        "insert into mail_outbox (id, recipient, subject, body, created_at, next_attempt_at,"
            + " attempts) values (?, ?, ?, ?, ?, ?, 0)",
        UUID.randomUUID(),
        to,
        subject.length() > 500 ? subject.substring(0, 500) : subject,
        text,
        now,
        now);
    if (TransactionSynchronizationManager.isSynchronizationActive()) {
      TransactionSynchronizationManager.registerSynchronization(
          new TransactionSynchronization() {
            @Override
            public void afterCommit() {
              wake();
            }
          });
    } else {
      wake();
    }
  }

  /** Mails not yet handed to the SMTP server (for tests and the operator's metrics). */
  public long unsent() {
    Long count =
        jdbc.queryForObject("select count(*) from mail_outbox where sent_at is null", Long.class);
    return count == null ? 0 : count;
  }

  private void wake() {
    ScheduledExecutorService executor = delivery;
    if (executor != null && scheduled.compareAndSet(false, true)) {
      try {
        executor.execute(this::deliverDue);
      } catch (RejectedExecutionException stopping) {
        // the node is stopping: the mail stays queued for the next start or another node
        scheduled.set(false);
      }
    }
  }

  /** Sends every due mail, one transaction each; runs on the delivery thread only. */
  void deliverDue() {
    scheduled.set(false);
    JavaMailSender mail = sender.getIfAvailable();
    if (mail == null) {
      return;
    }
    try {
      while (Boolean.TRUE.equals(transactions.execute(s -> deliverOne(mail)))) {
        // next one
      }
      jdbc.update(
          "delete from mail_outbox where sent_at < ?",
          Timestamp.from(clock.instant().minus(KEEP_SENT)));
    } catch (RuntimeException e) {
      log.warn("mail delivery interrupted, retried at the next sweep: {}", e.toString());
    }
  }

  private boolean deliverOne(JavaMailSender mail) {
    Instant now = clock.instant();
    List<Row> due =
        jdbc.query(
            "select id, recipient, subject, body, attempts from mail_outbox"
                + " where sent_at is null and next_attempt_at <= ?"
                + " order by next_attempt_at, created_at fetch first 1 rows only "
                + lockClause(),
            (rs, i) ->
                new Row(
                    rs.getObject("id", UUID.class),
                    rs.getString("recipient"),
                    rs.getString("subject"),
                    rs.getString("body"),
                    rs.getInt("attempts")),
            Timestamp.from(now));
    if (due.isEmpty()) {
      return false;
    }
    Row row = due.get(0);
    try {
      mail.send(message(mail, row));
      jdbc.update(
          "update mail_outbox set sent_at = ?, attempts = attempts + 1 where id = ?",
          Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS)),
          row.id());
    } catch (MailException | MessagingException e) {
      int attempts = row.attempts() + 1;
      // never given up: the letter is filed and the applicant is owed it; the operator is told
      if (attempts >= ALARM_ATTEMPTS) {
        log.error(
            "mail {} to {} still not delivered after {} attempts: {}",
            row.id(),
            row.to(),
            attempts,
            e.toString());
      } else {
        log.warn(
            "mail {} to {} failed (attempt {}): {}", row.id(), row.to(), attempts, e.toString());
      }
      Duration backoff = retryAfter.multipliedBy(attempts);
      jdbc.update(
          "update mail_outbox set attempts = ?, last_error = ?, next_attempt_at = ? where id = ?",
          attempts,
          truncate(e.toString()),
          Timestamp.from(now.plus(backoff.compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff)),
          row.id());
    }
    return true;
  }

  private MimeMessage message(JavaMailSender mail, Row row) throws MessagingException {
    MimeMessage message = mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom(from);
    helper.setTo(row.to());
    helper.setSubject(row.subject());
    helper.setText(row.body());
    message.saveChanges();
    // the same id on every attempt: a mail sent twice after a crash is recognisably one mail
    message.setHeader("Message-ID", "<" + row.id() + "@amtsflow>");
    return message;
  }

  // PostgreSQL: nodes skip each other's rows instead of waiting; H2 runs one node
  private String lockClause() {
    String clause = lockClause;
    if (clause == null) {
      boolean postgres =
          Boolean.TRUE.equals(
              jdbc.execute(
                  (ConnectionCallback<Boolean>)
                      c ->
                          c.getMetaData()
                              .getDatabaseProductName()
                              .toLowerCase()
                              .contains("postgres")));
      clause = postgres ? "for update skip locked" : "for update";
      lockClause = clause;
    }
    return clause;
  }

  private static String truncate(String text) {
    return text.length() > 1000 ? text.substring(0, 1000) : text;
  }

  private record Row(UUID id, String to, String subject, String body, int attempts) {}

  @Override
  public void start() {
    if (running.compareAndSet(false, true)) {
      ScheduledExecutorService executor =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "mail-outbox");
                t.setDaemon(true);
                return t;
              });
      delivery = executor;
      // the sweep also delivers what a node that died left behind, and retries failures
      executor.scheduleWithFixedDelay(this::deliverDue, 0, sweep.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public void stop() {
    if (running.compareAndSet(true, false)) {
      ScheduledExecutorService executor = delivery;
      delivery = null;
      // one last round for what the last requests and jobs queued, then stop
      executor.execute(this::deliverDue);
      executor.shutdown();
      try {
        // a mail being handed over finishes; the rest waits in the outbox for the next start
        executor.awaitTermination(10, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public boolean isRunning() {
    return running.get();
  }

  // stops after the web server has drained and the job executor has finished its running jobs
  // (config.JobExecutorShutdown, one phase above): the mails they queued still go out
  @Override
  public int getPhase() {
    return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 2;
  }
}
