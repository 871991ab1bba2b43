package de.amtsflow.invoice.mailbox;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls the invoice mailbox every {@code poll-interval}, the first time one interval after start.
 */
@Component
@ConditionalOnProperty(name = "amtsflow.invoice.mailbox.enabled", havingValue = "true")
class MailboxPoller implements SmartLifecycle {

  private static final Logger log = LoggerFactory.getLogger(MailboxPoller.class);

  private final InvoiceMailbox mailbox;
  private final MailboxProperties properties;
  private volatile ScheduledExecutorService executor;

  MailboxPoller(InvoiceMailbox mailbox, MailboxProperties properties) {
    this.mailbox = mailbox;
    this.properties = properties;
  }

  private void pollOnce() {
    try {
      InvoiceMailbox.PollResult result = mailbox.poll();
      if (result.done() + result.failed() > 0) {
        log.info("invoice mailbox: {} mails done, {} failed", result.done(), result.failed());
      }
    } catch (Exception e) {
      log.warn(
          "invoice mailbox: poll failed, retried in {}: {}",
          properties.pollInterval(),
          e.toString());
    }
  }

  @Override
  public synchronized void start() {
    if (executor == null) {
      executor =
          Executors.newSingleThreadScheduledExecutor(
              r -> {
                Thread t = new Thread(r, "invoice-mailbox");
                t.setDaemon(true);
                return t;
              });
      long millis = properties.pollInterval().toMillis();
      executor.scheduleWithFixedDelay(this::pollOnce, millis, millis, TimeUnit.MILLISECONDS);
    }
  }

  @Override
  public synchronized void stop() {
    if (executor != null) {
      executor.shutdown();
      try {
        // a mail being taken in finishes; the rest waits in the mailbox
        executor.awaitTermination(30, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      executor = null;
    }
  }

  @Override
  public boolean isRunning() {
    return executor != null;
  }
}
