package de.amtsflow.letters;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends plain-text mails through the configured SMTP server ({@code spring.mail.*}), by way of the
 * {@link MailOutbox}: the mail is queued in the caller's transaction, so a job that is rolled back
 * (or whose node dies) sends nothing, and one that commits sends it once, even if the node dies
 * before the SMTP server answered. Without a mail server (the dev quick start) the mail is logged
 * instead, so a missing mail server never blocks a case.
 */
@Component
public class Mailer {

  private static final Logger log = LoggerFactory.getLogger(Mailer.class);

  private final ObjectProvider<JavaMailSender> sender;
  private final MailOutbox outbox;

  public Mailer(ObjectProvider<JavaMailSender> sender, MailOutbox outbox) {
    this.sender = sender;
    this.outbox = outbox;
  }

  /**
   * @return true if queued for the SMTP server, false if only logged
   */
  public boolean send(String to, String subject, String text) {
    if (sender.getIfAvailable() == null) {
      log.info("no mail server configured; mail to {} not sent: {}", to, subject);
      return false;
    }
    outbox.queue(to, subject, text);
    return true;
  }
}
