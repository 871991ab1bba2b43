package de.amtsflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.amtsflow.AbstractHttpTest;
import de.amtsflow.efile.AuditEntry;
import de.amtsflow.efile.EFileStore;
import de.amtsflow.invoice.mailbox.InvoiceMailbox;
import jakarta.activation.DataHandler;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

/**
 * The invoice mailbox end to end: suppliers' mails are delivered into a GreenMail IMAP mailbox, the
 * test polls it through the real poller bean, answers go out through the mail outbox to GreenMail's
 * SMTP server.
 */
// a context of its own: closed after the class, so the next class's engine 'default' is the
// only one registered (see EFileStoreH2Test)
@org.springframework.test.annotation.DirtiesContext
@TestPropertySource(
    properties = {
      // a context of its own: its own database and engine name, no webapps (they hold their engine
      // lookup in static fields and would take Tasklist away from the shared context)
      "spring.datasource.url=jdbc:h2:mem:invoice-mailbox;DB_CLOSE_DELAY=-1",
      "amtsflow.data-dir=target/test-data/invoice-mailbox",
      "camunda.bpm.generate-unique-process-engine-name=true",
      "camunda.bpm.webapp.enabled=false",
      "amtsflow.invoice.mailbox.enabled=true",
      "amtsflow.invoice.mailbox.host=127.0.0.1",
      "amtsflow.invoice.mailbox.port=3143",
      "amtsflow.invoice.mailbox.user=" + InvoiceMailboxTest.MAILBOX,
      "amtsflow.invoice.mailbox.password=geheim",
      "amtsflow.invoice.mailbox.tls=false",
      // the test polls itself
      "amtsflow.invoice.mailbox.poll-interval=PT1H"
    })
class InvoiceMailboxTest extends AbstractHttpTest {

  static final String MAILBOX = "rechnung@gemeinde.test";
  static final String SUPPLIER = "buchhaltung@lieferant.test";
  static final Pattern FILE_NUMBER = Pattern.compile("RE-\\d{4}-\\d{6}");

  @RegisterExtension
  static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP_IMAP);

  @Autowired InvoiceMailbox mailbox;
  @Autowired RuntimeService runtime;
  @Autowired EFileStore efiles;
  @Autowired InvoiceRepository invoices;

  GreenMailUser inbox;

  @BeforeEach
  void mailbox() {
    inbox = mail.setUser(MAILBOX, MAILBOX, "geheim");
  }

  @Test
  void validInvoiceInANestedMultipartReachesApprovalAndIsConfirmed() throws Exception {
    String messageId = messageId();
    MimeMultipart inner = new MimeMultipart("mixed");
    inner.addBodyPart(text("Sehr geehrte Damen und Herren, anbei unsere Rechnung."));
    inner.addBodyPart(attachment("rechnung-4711.xml", "application/xml", valid()));
    MimeBodyPart nested = new MimeBodyPart();
    nested.setContent(inner);
    deliver(messageId, "Rechnung 4711", null, nested);

    assertThat(mailbox.poll()).isEqualTo(new InvoiceMailbox.PollResult(1, 0));

    MimeMessage answer = onlyAnswer();
    String body = (String) answer.getContent();
    assertThat(answer.getSubject()).startsWith("Eingangsbestätigung Ihrer E-Rechnung (RE-");
    assertThat(body).contains("Anhang „rechnung-4711.xml“", "eingegangen", "Aktenzeichen");
    String fileNumber = fileNumber(body);
    ProcessInstance pi =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(fileNumber).singleResult();
    assertThat(pi).isWaitingAt(InvoiceProcess.Task.CONFIRM_FACTUAL);
    UUID efileId = efiles.findByFileNumber(fileNumber).orElseThrow().id();
    assertThat(efiles.audit(efileId))
        .filteredOn(e -> "RECEIVED_BY_MAIL".equals(e.action()))
        .extracting(AuditEntry::details)
        .singleElement()
        .asString()
        .contains(SUPPLIER, messageId);
    assertThat(folder("INBOX")).isZero();
    assertThat(folder("done")).isEqualTo(1);
  }

  @Test
  void invalidInvoiceIsRejectedInGermanWithTheFailedRules() throws Exception {
    deliver(
        messageId(),
        "Rechnung",
        null,
        attachment("kaputt.xml", "text/xml", InvoiceApprovalProcessTest.invalid(unique())));

    assertThat(mailbox.poll()).isEqualTo(new InvoiceMailbox.PollResult(1, 0));

    MimeMessage answer = onlyAnswer();
    String body = (String) answer.getContent();
    assertThat(answer.getSubject()).isEqualTo("Ihre E-Rechnung wurde nicht angenommen");
    assertThat(body)
        .contains("Anhang „kaputt.xml“", "nicht annehmen", "EN 16931 / XRechnung")
        .containsPattern("(?m)^- (BR|PEPPOL|CII|UBL)[-A-Z0-9]*: ");
    assertThat(fileNumber(body)).startsWith("RE-");
    assertThat(folder("done")).isEqualTo(1);
  }

  @Test
  void mailWithoutAnInvoiceIsAnsweredPolitelyAndMoved() throws Exception {
    deliver(
        messageId(),
        "Frage zur Zahlung",
        null,
        text("Wann zahlen Sie unsere Rechnung?"),
        attachment("logo.png", "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G'}));
    long before = invoices.count();

    assertThat(mailbox.poll()).isEqualTo(new InvoiceMailbox.PollResult(1, 0));

    MimeMessage answer = onlyAnswer();
    assertThat(answer.getSubject()).isEqualTo("Ihre Nachricht enthielt keine E-Rechnung");
    assertThat((String) answer.getContent())
        .contains("Sehr geehrte Damen und Herren", "XRechnung", "ZUGFeRD", "logo.png");
    assertThat(invoices.count()).isEqualTo(before);
    assertThat(folder("INBOX")).isZero();
    assertThat(folder("done")).isEqualTo(1);
  }

  @Test
  void theSameMessageIdTwiceYieldsOneInvoiceAndOneAnswer() throws Exception {
    String messageId = messageId();
    byte[] invoice = valid();
    long before = invoices.count();
    // the move after the intake failed, or the node died before it: the mail is there again
    deliver(messageId, "Rechnung", null, attachment("r.xml", "application/xml", invoice));
    deliver(messageId, "Rechnung", null, attachment("r.xml", "application/xml", invoice));

    assertThat(mailbox.poll()).isEqualTo(new InvoiceMailbox.PollResult(2, 0));
    deliver(messageId, "Rechnung", null, attachment("r.xml", "application/xml", invoice));
    assertThat(mailbox.poll()).isEqualTo(new InvoiceMailbox.PollResult(1, 0));

    assertThat(invoices.count()).isEqualTo(before + 1);
    assertThat(fileNumber((String) onlyAnswer().getContent())).startsWith("RE-");
    assertThat(folder("INBOX")).isZero();
    assertThat(folder("done")).isEqualTo(3);
  }

  @Test
  void autoSubmittedMailIsTakenInButNotAnswered() throws Exception {
    long before = invoices.count();
    deliver(
        messageId(),
        "Rechnung aus dem ERP",
        "auto-generated",
        attachment("r.xml", "application/xml", valid()));

    assertThat(mailbox.poll()).isEqualTo(new InvoiceMailbox.PollResult(1, 0));

    awaitMailDelivered();
    assertThat(answers()).isEmpty();
    assertThat(invoices.count()).isEqualTo(before + 1);
  }

  static byte[] valid() {
    return InvoiceApprovalProcessTest.small(unique());
  }

  static String unique() {
    return InvoiceApprovalProcessTest.unique();
  }

  static String messageId() {
    return "<" + UUID.randomUUID() + "@lieferant.test>";
  }

  void deliver(String messageId, String subject, String autoSubmitted, MimeBodyPart... parts)
      throws Exception {
    MimeMessage message = new MimeMessage(Session.getInstance(new Properties()));
    message.setFrom(SUPPLIER);
    message.setRecipients(Message.RecipientType.TO, MAILBOX);
    message.setSubject(subject, "UTF-8");
    MimeMultipart mixed = new MimeMultipart("mixed");
    for (MimeBodyPart part : parts) {
      mixed.addBodyPart(part);
    }
    message.setContent(mixed);
    if (autoSubmitted != null) {
      message.setHeader("Auto-Submitted", autoSubmitted);
    }
    message.saveChanges();
    message.setHeader("Message-ID", messageId);
    inbox.deliver(message);
  }

  static MimeBodyPart text(String text) throws Exception {
    MimeBodyPart part = new MimeBodyPart();
    part.setText(text, "UTF-8");
    return part;
  }

  static MimeBodyPart attachment(String name, String type, byte[] content) throws Exception {
    MimeBodyPart part = new MimeBodyPart();
    part.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
    part.setFileName(name);
    part.setDisposition(MimeBodyPart.ATTACHMENT);
    return part;
  }

  List<MimeMessage> answers() {
    return Arrays.asList(mail.getReceivedMessagesForDomain("lieferant.test"));
  }

  MimeMessage onlyAnswer() {
    awaitMailDelivered();
    List<MimeMessage> answers = answers();
    assertThat(answers).hasSize(1);
    return answers.get(0);
  }

  static String fileNumber(String body) {
    Matcher matcher = FILE_NUMBER.matcher(body);
    assertThat(matcher.find()).as("a file number in %s", body).isTrue();
    return matcher.group();
  }

  int folder(String name) throws Exception {
    Session session = Session.getInstance(new Properties());
    try (Store store = session.getStore("imap")) {
      store.connect("127.0.0.1", 3143, MAILBOX, "geheim");
      Folder folder = store.getFolder(name);
      folder.open(Folder.READ_ONLY);
      try {
        return folder.getMessageCount();
      } finally {
        folder.close(false);
      }
    }
  }
}
