package de.amtsflow.durability;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * What the test's SMTP server received. A letter is one mail however often it was handed over: the
 * outbox gives every mail one Message-ID, and only a node dying between the SMTP server's
 * acceptance and marking the mail sent hands the same mail over again (a redelivery). A letter
 * mailed under two Message-IDs would be a real duplicate.
 */
record Mails(int received, int letters, int redelivered, int duplicated) {

  static Mails of(GreenMail server) {
    MimeMessage[] messages = server.getReceivedMessages();
    Map<String, Long> byId =
        Arrays.stream(messages)
            .collect(Collectors.groupingBy(Mails::messageId, Collectors.counting()));
    Map<String, Long> idsPerSubject =
        Arrays.stream(messages)
            .collect(
                Collectors.groupingBy(
                    Mails::subject,
                    Collectors.collectingAndThen(
                        Collectors.mapping(Mails::messageId, Collectors.toSet()),
                        ids -> (long) ids.size())));
    return new Mails(
        messages.length,
        idsPerSubject.size(),
        (int) byId.values().stream().filter(n -> n > 1).mapToLong(n -> n - 1).sum(),
        (int) idsPerSubject.values().stream().filter(n -> n > 1).count());
  }

  private static String messageId(MimeMessage message) {
    try {
      return message.getMessageID();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String subject(MimeMessage message) {
    try {
      return message.getSubject();
    } catch (MessagingException e) {
      throw new IllegalStateException(e);
    }
  }
}
