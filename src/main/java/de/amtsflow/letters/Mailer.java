package de.amtsflow.letters;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;

/**
 * Sends plain-text mails through the configured SMTP server ({@code spring.mail.*}). Without one
 * (the dev quick start) the mail is logged instead, so a missing mail server never blocks a case.
 */
@Component
public class Mailer {

  private static final Logger log = LoggerFactory.getLogger(Mailer.class);

  private final ObjectProvider<JavaMailSender> sender;
  private final String from;

  public Mailer(
      ObjectProvider<JavaMailSender> sender,
      @Value("${amtsflow.mail.from:poststelle@amtsflow.invalid}") String from) {
    this.sender = sender;
    this.from = from;
  }

  /**
   * @return true if handed to an SMTP server, false if only logged
   */
  public boolean send(String to, String subject, String text) {
    JavaMailSender mail = sender.getIfAvailable();
    if (mail == null) {
      log.info("no mail server configured; mail to {} not sent: {}", to, subject);
      return false;
    }
    SimpleMailMessage message = new SimpleMailMessage();
    message.setFrom(from);
    message.setTo(to);
    message.setSubject(subject);
    message.setText(text);
    mail.send(message);
    return true;
  }
}
