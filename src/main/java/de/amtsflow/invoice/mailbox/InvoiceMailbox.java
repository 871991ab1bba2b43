package de.amtsflow.invoice.mailbox;

import de.amtsflow.efile.EFileStore;
import de.amtsflow.invoice.InvoiceIntake;
import de.amtsflow.invoice.InvoiceProperties;
import de.amtsflow.invoice.mailbox.MailLog.Outcome;
import de.amtsflow.invoice.mailbox.MailLog.Part;
import de.amtsflow.letters.Mailer;
import jakarta.mail.Address;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;

/**
 * Reads the invoice mailbox: each mail's invoice-like parts go through {@link InvoiceIntake}, the
 * sender gets one German answer (through the mail outbox), and the mail moves to the done or failed
 * folder.
 *
 * <p>Idempotent per mail (Message-ID, else the SHA-256 of the raw mail), in three steps that each
 * commit on their own: (1) each part is recorded in the transaction that stores its invoice, so a
 * recorded part is never taken in again; (2) the mail row and the answer (outbox) commit together,
 * so a recorded mail is never answered again; (3) the move. A crash or failure between them repeats
 * only what has not committed: during (1) the part's intake rolls back and runs again, after (1)
 * the answer is written from the recorded parts, after (2) the mail is only moved. Two nodes
 * polling the same mailbox collide on the primary keys, and the loser's transaction rolls back.
 */
@Component
@ConditionalOnProperty(name = "amtsflow.invoice.mailbox.enabled", havingValue = "true")
public class InvoiceMailbox {

  private static final Logger log = LoggerFactory.getLogger(InvoiceMailbox.class);
  private static final String ACTOR = "eingang";

  /** What one poll did. */
  public record PollResult(int done, int failed) {}

  private enum Target {
    DONE,
    FAILED
  }

  private final MailboxProperties mailbox;
  private final InvoiceIntake intake;
  private final EFileStore efiles;
  private final Mailer mailer;
  private final MailLog mailLog;
  private final TransactionTemplate transactions;
  private final long maxBytes;

  InvoiceMailbox(
      MailboxProperties mailbox,
      InvoiceProperties invoice,
      InvoiceIntake intake,
      EFileStore efiles,
      Mailer mailer,
      MailLog mailLog,
      PlatformTransactionManager transactionManager) {
    this.mailbox = mailbox;
    this.intake = intake;
    this.efiles = efiles;
    this.mailer = mailer;
    this.mailLog = mailLog;
    this.transactions = new TransactionTemplate(transactionManager);
    this.maxBytes = invoice.maxSize().toBytes();
  }

  /**
   * Takes up to {@code batch-size} mails from the mailbox folder. A failure of the database stops
   * the poll and leaves the mail where it is, for the next poll; a mail that cannot be read or
   * taken in goes to the failed folder.
   */
  public synchronized PollResult poll() throws MessagingException {
    int done = 0;
    int failed = 0;
    Session session = Session.getInstance(sessionProperties());
    try (Store store = session.getStore(protocol())) {
      store.connect(mailbox.host(), mailbox.port(), mailbox.user(), mailbox.password());
      Folder inbox = store.getFolder(mailbox.folder());
      Folder doneFolder = existing(store, mailbox.doneFolder());
      Folder failedFolder = existing(store, mailbox.failedFolder());
      inbox.open(Folder.READ_WRITE);
      try {
        int count = Math.min(inbox.getMessageCount(), mailbox.batchSize());
        Message[] messages = count == 0 ? new Message[0] : inbox.getMessages(1, count);
        for (Message message : messages) {
          if (message.isExpunged() || message.isSet(Flags.Flag.DELETED)) {
            continue;
          }
          Target target;
          try {
            target = handle((MimeMessage) message);
          } catch (DataAccessException | TransactionException e) {
            log.warn("invoice mailbox: database unavailable, poll stopped: {}", e.toString());
            break;
          }
          move(store, inbox, message, target == Target.DONE ? doneFolder : failedFolder);
          if (target == Target.DONE) {
            done++;
          } else {
            failed++;
          }
        }
      } finally {
        inbox.close(true);
      }
    }
    return new PollResult(done, failed);
  }

  private Target handle(MimeMessage mail) {
    String messageId = null;
    try {
      messageId = mail.getMessageID();
      String key = key(messageId, mail);
      if (mailLog.mail(key).isPresent()) {
        log.info("invoice mailbox: {} already processed, moved only", messageId);
        return Target.DONE;
      }
      InternetAddress from = first(mail.getFrom());
      String sender = from == null ? null : from.getAddress();
      if (AutoReplies.isBounce(mail)) {
        log.warn("invoice mailbox: bounce {} from {} not taken in", messageId, sender);
        record(key, messageId, sender, Outcome.BOUNCE, List.of(), null);
        return Target.DONE;
      }
      InternetAddress replyTo = first(mail.getReplyTo());
      InternetAddress answerTo = replyTo != null ? replyTo : from;
      boolean answer =
          answerTo != null && !AutoReplies.isAutomatic(mail) && !AutoReplies.robot(answerTo);

      MailParts.Result found = MailParts.of(mail, maxBytes);
      Map<Integer, Part> recorded =
          mailLog.parts(key).stream().collect(Collectors.toMap(Part::index, Function.identity()));
      String origin = "by mail from " + sender + ", Message-ID " + messageId;
      List<Part> parts =
          found.candidates().stream()
              .map(
                  c ->
                      recorded.containsKey(c.index())
                          ? recorded.get(c.index())
                          : takeIn(key, c, origin))
              .toList();
      MailAnswer.Text text =
          answer ? MailAnswer.answer(mail.getSubject(), parts, found.ignored(), maxBytes) : null;
      record(
          key,
          messageId,
          sender,
          answer ? Outcome.ANSWERED : Outcome.NOT_ANSWERED,
          parts,
          text == null
              ? null
              : () -> mailer.send(answerTo.getAddress(), text.subject(), text.body()));
      return Target.DONE;
    } catch (DataAccessException | TransactionException e) {
      throw e;
    } catch (MessagingException | IOException | RuntimeException e) {
      // no answer: the sender is owed one once an operator has looked into it (README)
      log.error("invoice mailbox: mail {} could not be processed", messageId, e);
      return Target.FAILED;
    }
  }

  private Part takeIn(String key, MailParts.Candidate candidate, String origin) {
    if (candidate.content() == null) {
      return recordRefusal(key, candidate, MailAnswer.tooLarge(candidate.fileName(), maxBytes));
    }
    try {
      var receipt =
          intake.receive(
              candidate.content(),
              candidate.fileName(),
              false,
              r -> {
                mailLog.recordPart(
                    key,
                    candidate.index(),
                    candidate.fileName(),
                    MailAnswer.accepted(candidate.fileName(), r));
                efiles.note(r.efileId(), "RECEIVED_BY_MAIL", origin, ACTOR);
              });
      return MailAnswer.accepted(candidate.fileName(), receipt);
    } catch (ErrorResponseException refusal) {
      return recordRefusal(key, candidate, MailAnswer.refused(candidate.fileName(), refusal));
    } catch (DuplicateKeyException takenByAnother) {
      return recordedPart(key, candidate.index());
    }
  }

  private Part recordRefusal(String key, MailParts.Candidate candidate, Part refusal) {
    try {
      transactions.executeWithoutResult(
          s -> mailLog.recordPart(key, candidate.index(), candidate.fileName(), refusal));
      return refusal;
    } catch (DuplicateKeyException takenByAnother) {
      return recordedPart(key, candidate.index());
    }
  }

  private Part recordedPart(String key, int index) {
    return mailLog.parts(key).stream().filter(p -> p.index() == index).findFirst().orElseThrow();
  }

  private void record(
      String key,
      String messageId,
      String sender,
      Outcome outcome,
      List<Part> parts,
      Runnable answer) {
    String fileNumbers =
        parts.stream()
            .map(Part::fileNumber)
            .filter(n -> n != null)
            .collect(Collectors.joining(","));
    try {
      transactions.executeWithoutResult(
          s -> {
            mailLog.recordMail(key, messageId, sender, outcome, fileNumbers);
            if (answer != null) {
              answer.run();
            }
          });
    } catch (DuplicateKeyException takenByAnother) {
      log.info("invoice mailbox: {} recorded by another poll", messageId);
    }
  }

  private void move(Store store, Folder inbox, Message message, Folder target) {
    try {
      Message[] one = {message};
      if (store instanceof IMAPStore imap
          && imap.hasCapability("MOVE")
          && inbox instanceof IMAPFolder folder) {
        folder.moveMessages(one, target);
      } else {
        inbox.copyMessages(one, target);
        message.setFlag(Flags.Flag.DELETED, true);
      }
    } catch (MessagingException e) {
      // recorded already: the next poll moves it without taking it in or answering again
      log.warn("invoice mailbox: could not move a mail to {}: {}", target.getName(), e.toString());
    }
  }

  private static Folder existing(Store store, String name) throws MessagingException {
    Folder folder = store.getFolder(name);
    if (!folder.exists() && !folder.create(Folder.HOLDS_MESSAGES)) {
      throw new MessagingException("cannot create folder " + name);
    }
    return folder;
  }

  static String key(String messageId, MimeMessage mail) throws MessagingException, IOException {
    MessageDigest sha = sha256();
    if (messageId != null && !messageId.isBlank()) {
      return HexFormat.of()
          .formatHex(sha.digest(messageId.strip().getBytes(StandardCharsets.UTF_8)));
    }
    try (DigestOutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha)) {
      mail.writeTo(out);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static InternetAddress first(Address[] addresses) {
    return Optional.ofNullable(addresses).stream()
        .flatMap(java.util.Arrays::stream)
        .filter(InternetAddress.class::isInstance)
        .map(InternetAddress.class::cast)
        .findFirst()
        .orElse(null);
  }

  private String protocol() {
    return mailbox.tls() ? "imaps" : "imap";
  }

  private Properties sessionProperties() {
    Properties props = new Properties();
    String p = "mail." + protocol() + ".";
    // a hanging server must not hold the poller for ever
    props.put(p + "connectiontimeout", "10000");
    props.put(p + "timeout", "60000");
    props.put(p + "writetimeout", "60000");
    if (mailbox.tls()) {
      props.put(p + "ssl.checkserveridentity", "true");
    }
    return props;
  }
}
