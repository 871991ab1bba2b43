package de.amtsflow.invoice.mailbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The invoice mailbox ({@code amtsflow.invoice.mailbox.*}); polled only when {@code enabled}.
 *
 * @param tls implicit TLS (IMAPS, usually port 993); off only for a server on the same host
 * @param folder where suppliers' mails arrive
 * @param doneFolder where processed mails go (created if missing)
 * @param failedFolder where mails go that could not be processed (created if missing)
 * @param pollInterval pause between two polls
 * @param batchSize mails taken per poll at most
 */
@ConfigurationProperties("amtsflow.invoice.mailbox")
public record MailboxProperties(
    boolean enabled,
    String host,
    Integer port,
    String user,
    String password,
    Boolean tls,
    String folder,
    String doneFolder,
    String failedFolder,
    Duration pollInterval,
    Integer batchSize) {

  public MailboxProperties {
    tls = tls == null || tls;
    port = port == null ? (tls ? 993 : 143) : port;
    folder = blank(folder) ? "INBOX" : folder;
    doneFolder = blank(doneFolder) ? "done" : doneFolder;
    failedFolder = blank(failedFolder) ? "failed" : failedFolder;
    pollInterval = pollInterval == null ? Duration.ofMinutes(1) : pollInterval;
    batchSize = batchSize == null ? 50 : batchSize;
    if (enabled && (blank(host) || blank(user) || blank(password))) {
      throw new IllegalStateException(
          "amtsflow.invoice.mailbox.enabled needs host, user and password"
              + " (AMTSFLOW_INVOICE_MAILBOX_HOST, _USER, _PASSWORD)");
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
