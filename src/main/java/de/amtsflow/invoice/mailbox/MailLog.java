package de.amtsflow.invoice.mailbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** What the mailbox has done with a mail and its parts (tables of V5__invoice_mailbox.sql). */
@Repository
class MailLog {

  enum Outcome {
    ANSWERED,
    NOT_ANSWERED,
    BOUNCE
  }

  enum PartOutcome {
    ACCEPTED,
    INVALID,
    REFUSED
  }

  record Mail(String key, Outcome outcome) {}

  record Part(int index, PartOutcome outcome, String fileNumber, String summary) {}

  private final JdbcTemplate jdbc;
  private final Clock clock;

  MailLog(JdbcTemplate jdbc, Clock clock) {
    this.jdbc = jdbc;
    this.clock = clock;
  }

  Optional<Mail> mail(String key) {
    return jdbc
        .query(
            "select mail_key, outcome from invoice_mail where mail_key = ?",
            (rs, i) -> new Mail(rs.getString(1), Outcome.valueOf(rs.getString(2))),
            key)
        .stream()
        .findFirst();
  }

  List<Part> parts(String key) {
    return jdbc.query(
        "select part_index, outcome, file_number, summary from invoice_mail_part"
            + " where mail_key = ? order by part_index",
        (rs, i) ->
            new Part(
                rs.getInt(1),
                PartOutcome.valueOf(rs.getString(2)),
                rs.getString(3),
                rs.getString(4)),
        key);
  }

  /** Throws {@code DuplicateKeyException} when the part is already recorded. */
  void recordPart(String key, int index, String fileName, Part part) {
    jdbc.update(
        "insert into invoice_mail_part (mail_key, part_index, file_name, outcome, file_number,"
            + " summary, recorded_at) values (?, ?, ?, ?, ?, ?, ?)",
        key,
        index,
        fileName,
        part.outcome().name(),
        part.fileNumber(),
        cut(part.summary(), 20000),
        Timestamp.from(clock.instant()));
  }

  /** Throws {@code DuplicateKeyException} when the mail is already recorded. */
  void recordMail(
      String key, String messageId, String sender, Outcome outcome, String fileNumbers) {
    jdbc.update(
        "insert into invoice_mail (mail_key, message_id, sender, outcome, file_numbers,"
            + " processed_at) values (?, ?, ?, ?, ?, ?)",
        key,
        cut(messageId, 1000),
        cut(sender, 320),
        outcome.name(),
        cut(fileNumbers, 4000),
        Timestamp.from(clock.instant()));
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max);
  }
}
