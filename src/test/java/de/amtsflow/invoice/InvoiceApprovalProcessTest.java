package de.amtsflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import de.amtsflow.AbstractHttpTest;
import de.amtsflow.efile.Document;
import de.amtsflow.efile.EFileStatus;
import de.amtsflow.efile.EFileStore;
import de.amtsflow.letters.LetterText;
import de.amtsflow.letters.PdfA;
import de.amtsflow.security.Groups;
import de.amtsflow.tasks.TaskRuleViolation;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The e-invoice approval end to end, as suppliers and clerks drive it: POST /api/invoices without
 * login, then /api/tasks with the clerks' logins; jobs are run explicitly, timers by moving the
 * engine clock; mail goes to GreenMail.
 */
class InvoiceApprovalProcessTest extends AbstractHttpTest {

  @RegisterExtension static GreenMailExtension mail = new GreenMailExtension(ServerSetupTest.SMTP);

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired HistoryService history;
  @Autowired IdentityService identity;
  @Autowired AuthorizationService authorizations;
  @Autowired EFileStore efiles;
  @Autowired InvoiceRepository invoices;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  static byte[] small(String number) {
    return replace(
        "xrechnung-testsuite/01.01a-INVOICE_ubl.xml",
        "<cbc:ID>123456XX</cbc:ID>",
        "<cbc:ID>" + number + "</cbc:ID>");
  }

  static byte[] large(String number) {
    return replace(
        "xrechnung-testsuite/02.01a-cvd_INVOICE_uncefact.xml",
        "<ram:ID>1234567</ram:ID>",
        "<ram:ID>" + number + "</ram:ID>");
  }

  static byte[] invalid(String number) {
    return replace(
        "mustangproject/invalidXRV30.xml",
        "<ram:ID>123456XX</ram:ID>",
        "<ram:ID>" + number + "</ram:ID>");
  }

  static byte[] replace(String fixture, String from, String to) {
    String xml = new String(Fixtures.read(fixture), StandardCharsets.UTF_8);
    assertThat(xml).contains(from);
    return xml.replaceFirst(java.util.regex.Pattern.quote(from), to)
        .getBytes(StandardCharsets.UTF_8);
  }

  static String unique() {
    return "T-" + UUID.randomUUID().toString().substring(0, 8);
  }

  ResponseEntity<JsonNode> post(byte[] invoice) {
    return anonymous
        .post()
        .uri("/api/invoices")
        .contentType(MediaType.APPLICATION_XML)
        .body(invoice)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  ProcessInstance instanceOf(JsonNode receipt) {
    return runtime
        .createProcessInstanceQuery()
        .processInstanceBusinessKey(receipt.get("fileNumber").asText())
        .singleResult();
  }

  Task task(ProcessInstance pi, String key) {
    return tasks
        .createTaskQuery()
        .processInstanceId(pi.getId())
        .taskDefinitionKey(key)
        .singleResult();
  }

  ResponseEntity<JsonNode> complete(String user, Task task, Map<String, Object> payload) {
    return as(user)
        .post()
        .uri("/api/tasks/{id}/complete", task.getId())
        .contentType(MediaType.APPLICATION_JSON)
        .body(payload)
        .retrieve()
        .toEntity(JsonNode.class);
  }

  static Map<String, Object> approve() {
    return Map.of("decision", "APPROVE");
  }

  List<String> kinds(JsonNode receipt) {
    return efiles.documents(UUID.fromString(receipt.get("efileId").asText())).stream()
        .map(Document::kind)
        .toList();
  }

  @Test
  void validInvoiceBelowTheLimitIsApprovedAndOrderedForPayment() throws Exception {
    ResponseEntity<JsonNode> response = post(small(unique()));

    assertThat(response.getStatusCode().value()).isEqualTo(202);
    JsonNode receipt = response.getBody();
    assertThat(receipt.get("status").asText()).isEqualTo("IN_APPROVAL");
    assertThat(receipt.get("validation").get("valid").asBoolean()).isTrue();
    assertThat(receipt.get("fileNumber").asText()).startsWith("RE-");
    ProcessInstance pi = instanceOf(receipt);
    assertThat(pi).isWaitingAt(InvoiceProcess.Task.CONFIRM_FACTUAL);
    assertThat(kinds(receipt)).containsExactly("invoice-original", "validation-report");
    // the readable rendering goes into the e-file by a job of its own, beside the approval
    runJobs(pi);
    assertThat(pi)
        .hasPassed(InvoiceProcess.TASK_FILE_RENDERING)
        .isWaitingAt(InvoiceProcess.Task.CONFIRM_FACTUAL);
    assertThat(kinds(receipt))
        .containsExactly("invoice-original", "validation-report", "invoice-rendering");
    assertArchivablePdfRendering(receipt);
    // what the forms show, in the clerks' notation
    assertThat(runtime.getVariable(pi.getId(), InvoiceProcess.Var.GROSS_AMOUNT_TEXT))
        .isEqualTo("336,90");

    // the DMN routed it to invoice-approvers: pruefer sees it, rechnung does not yet
    JsonNode mine = as("pruefer").get().uri("/api/tasks").retrieve().body(JsonNode.class);
    assertThat(mine.findValuesAsText("processInstanceId")).contains(pi.getId());
    assertThat(
            complete("pruefer", task(pi, InvoiceProcess.Task.CONFIRM_FACTUAL), approve())
                .getStatusCode()
                .value())
        .isEqualTo(200);
    assertThat(
            complete("rechnung", task(pi, InvoiceProcess.Task.CONFIRM_ARITHMETIC), approve())
                .getStatusCode()
                .value())
        .isEqualTo(200);

    // 336.90 EUR gross: below the 5,000 EUR limit, no "Zahlung anordnen"
    assertThat(pi).isWaitingAt("Task_IssuePaymentOrder");
    runJobs(pi);
    assertThat(pi).isEnded();
    UUID efileId = UUID.fromString(receipt.get("efileId").asText());
    assertThat(kinds(receipt))
        .containsExactly(
            "invoice-original", "validation-report", "invoice-rendering", "payment-order");
    assertThat(efiles.get(efileId).status()).isEqualTo(EFileStatus.CLOSED);
    assertThat(efiles.get(efileId).retentionUntil().getMonthValue()).isEqualTo(12);
    assertThat(efiles.checkIntegrity(efileId).intact()).isTrue();
    JsonNode view =
        as("rechnung")
            .get()
            .uri("/api/invoices/{id}", receipt.get("invoiceId").asText())
            .retrieve()
            .body(JsonNode.class);
    assertThat(view.get("status").asText()).isEqualTo("PAYMENT_ORDERED");
    assertThat(view.get("data").get("totals").get("gross").decimalValue())
        .isEqualByComparingTo("336.90");
    String invoiceId = receipt.get("invoiceId").asText();
    String number = view.get("data").get("invoiceNumber").asText();
    ResponseEntity<String> html =
        as("pruefer")
            .get()
            .uri("/api/invoices/{id}/view", invoiceId)
            .retrieve()
            .toEntity(String.class);
    assertThat(html.getStatusCode().value()).isEqualTo(200);
    assertThat(html.getHeaders().getFirst("Content-Security-Policy"))
        .contains("default-src 'none'");
    assertThat(html.getBody()).contains(number);
    ResponseEntity<byte[]> original =
        as("pruefer")
            .get()
            .uri("/api/invoices/{id}/original", invoiceId)
            .retrieve()
            .toEntity(byte[].class);
    assertThat(original.getStatusCode().value()).isEqualTo(200);
    assertThat(new String(original.getBody(), StandardCharsets.UTF_8)).contains(number);
    assertThat(
            as("bauamt")
                .get()
                .uri("/api/invoices/{id}/view", invoiceId)
                .retrieve()
                .toEntity(String.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);
  }

  @Test
  void aboveTheLimitNeedsAPaymentOrderAndFourEyes() {
    User both = identity.newUser("doppelrolle" + UUID.randomUUID().toString().substring(0, 6));
    both.setPassword(both.getId());
    identity.saveUser(both);
    identity.createMembership(both.getId(), Groups.INVOICE_APPROVERS);
    identity.createMembership(both.getId(), Groups.PAYMENT_AUTHORITY);
    // of the Landratsamt (the dev profile's default tenant), whose invoices these are
    identity.createTenantUserMembership("lra", both.getId());

    JsonNode receipt = post(large(unique())).getBody();
    ProcessInstance pi = instanceOf(receipt);
    assertThat(
            complete(both.getId(), task(pi, InvoiceProcess.Task.CONFIRM_FACTUAL), approve())
                .getStatusCode()
                .value())
        .isEqualTo(200);
    assertThat(
            complete("rechnung", task(pi, InvoiceProcess.Task.CONFIRM_ARITHMETIC), approve())
                .getStatusCode()
                .value())
        .isEqualTo(200);
    assertThat(pi).isWaitingAt(InvoiceProcess.Task.ORDER_PAYMENT);

    // four-eyes up front: whoever confirmed "sachlich richtig" is not offered "Zahlung anordnen"
    // of this invoice — not in /api/tasks, not over the engine REST API Tasklist uses
    Task order = task(pi, InvoiceProcess.Task.ORDER_PAYMENT);
    JsonNode listed =
        as(both.getId(), both.getId()).get().uri("/api/tasks").retrieve().body(JsonNode.class);
    assertThat(listed.findValuesAsText("id")).doesNotContain(order.getId());
    assertThat(
            as("anordnung")
                .get()
                .uri("/api/tasks")
                .retrieve()
                .body(JsonNode.class)
                .findValuesAsText("id"))
        .contains(order.getId());
    JsonNode engineList =
        as(both.getId(), both.getId())
            .get()
            .uri("/engine-rest/task?processInstanceId={pi}", pi.getId())
            .retrieve()
            .body(JsonNode.class);
    assertThat(engineList).isEmpty();
    assertThat(complete(both.getId(), order, approve()).getStatusCode().value()).isEqualTo(404);
    assertThat(
            as(both.getId(), both.getId())
                .post()
                .uri("/engine-rest/task/{id}/submit-form", order.getId())
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"variables\":{\"decision\":{\"value\":\"APPROVE\",\"type\":\"String\"}}}")
                .retrieve()
                .toEntity(JsonNode.class)
                .getStatusCode()
                .value())
        .isEqualTo(403);
    // the revoke is the user's own, so it binds them even as an administrator
    identity.setAuthentication(both.getId(), List.of(Groups.ADMIN));
    try {
      assertThatThrownBy(
              () ->
                  tasks.complete(
                      order.getId(),
                      Map.of(InvoiceProcess.Var.DECISION, InvoiceProcess.DECISION_APPROVE)))
          .isInstanceOf(org.camunda.bpm.engine.AuthorizationException.class);
    } finally {
      identity.clearAuthentication();
    }
    // past authorization (a call without a user, the task assigned to them) the rule still refuses
    tasks.setAssignee(order.getId(), both.getId());
    Throwable thrown =
        catchThrowable(
            () ->
                tasks.complete(
                    order.getId(),
                    Map.of(InvoiceProcess.Var.DECISION, InvoiceProcess.DECISION_APPROVE)));
    assertThat(java.util.stream.Stream.iterate(thrown, t -> t != null, Throwable::getCause))
        .anySatisfy(
            t ->
                assertThat(t)
                    .isInstanceOf(TaskRuleViolation.class)
                    .hasMessageContaining("Vier-Augen-Prinzip"));
    tasks.setAssignee(order.getId(), null);
    assertThat(pi).isWaitingAt(InvoiceProcess.Task.ORDER_PAYMENT);

    // the refusals below are clerks' everyday answers: no ERROR, no stack trace in the log
    ch.qos.logback.classic.Logger camunda =
        (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger("org.camunda.bpm");
    ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> logged =
        new ch.qos.logback.core.read.ListAppender<>();
    logged.start();
    camunda.addAppender(logged);
    Map<String, Object> rejectWithoutReason = Map.of("decision", "REJECT");
    ResponseEntity<JsonNode> refused = complete("anordnung", order, rejectWithoutReason);
    assertThat(refused.getStatusCode().value()).isEqualTo(409);
    assertThat(refused.getBody().get("rule").asText()).isEqualTo("REASON_REQUIRED");
    assertThat(refused.getBody().get("detail").asText()).contains("Begründung");

    // the engine REST API (and Tasklist, which uses it) refuses alike: 409 with the sentence,
    // not a 500 wrapped in engine messages
    ResponseEntity<JsonNode> engineRest =
        as("anordnung")
            .post()
            .uri("/engine-rest/task/{id}/submit-form", order.getId())
            .contentType(MediaType.APPLICATION_JSON)
            .body("{\"variables\":{\"decision\":{\"value\":\"REJECT\",\"type\":\"String\"}}}")
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(engineRest.getStatusCode().value()).isEqualTo(409);
    camunda.detachAppender(logged);
    assertThat(logged.list)
        .as("engine log events during two refusals")
        .noneMatch(e -> e.getLevel().isGreaterOrEqual(ch.qos.logback.classic.Level.WARN))
        .noneMatch(e -> e.getThrowableProxy() != null);
    assertThat(engineRest.getBody().get("rule").asText()).isEqualTo("REASON_REQUIRED");
    assertThat(engineRest.getBody().get("message").asText())
        .isEqualTo("Eine Ablehnung braucht eine Begründung für den Lieferanten.");
    assertThat(pi).isWaitingAt(InvoiceProcess.Task.ORDER_PAYMENT);

    // another one of the group orders it
    assertThat(complete("anordnung", order, approve()).getStatusCode().value()).isEqualTo(200);
    runJobs(pi);
    assertThat(pi).isEnded();
    // the revoke went with the task
    assertThat(authorizations.createAuthorizationQuery().resourceId(order.getId()).count())
        .isZero();
    assertThat(kinds(receipt)).contains("payment-order");
  }

  @Test
  void invalidInvoiceIsReceivedThenRejectedWithTheRulesByMail() throws Exception {
    ResponseEntity<JsonNode> response = post(invalid(unique()));

    assertThat(response.getStatusCode().value()).isEqualTo(202);
    JsonNode validation = response.getBody().get("validation");
    assertThat(validation.get("valid").asBoolean()).isFalse();
    assertThat(validation.get("errors").findValuesAsText("rule")).isNotEmpty();
    ProcessInstance pi = instanceOf(response.getBody());
    runJobs(pi);

    assertThat(pi).isEnded().hasPassed("Task_NotifySupplierOfRejection");
    assertThat(kinds(response.getBody()))
        .contains("invoice-original", "validation-report", "notice");
    MimeMessage[] received = delivered();
    assertThat(received)
        .anySatisfy(
            m -> {
              assertThat(m.getAllRecipients()[0].toString()).isEqualTo("seller@email.de");
              assertThat(m.getSubject())
                  .contains("abgelehnt")
                  .contains(response.getBody().get("fileNumber").asText());
              assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(m))
                  .contains(validation.get("errors").get(0).get("rule").asText());
            });
    // the letter filed for 30 years: PDF/A that veraPDF passes, to the seller the invoice names
    byte[] letter = notice(response.getBody());
    assertThat(PdfA.validate(letter).failures()).as("veraPDF, PDF/A-2b").isEmpty();
    assertThat(LetterText.addressField(letter))
        .endsWith("[Seller name] [Seller address line 1] 12345 [Seller city]");
    assertThat(LetterText.infoBlock(letter))
        .contains("Aktenzeichen " + response.getBody().get("fileNumber").asText());
    JsonNode firstError = validation.get("errors").get(0);
    assertThat(LetterText.of(letter))
        .contains("Sehr geehrte Damen und Herren,")
        .contains(firstError.get("explanation").asText())
        .contains("Regel " + firstError.get("rule").asText() + ":");
  }

  /** The rejection letter the process filed in the invoice's e-file. */
  byte[] notice(JsonNode receipt) throws java.io.IOException {
    Document notice = filed(receipt, "notice");
    assertThat(notice.mediaType()).isEqualTo("application/pdf");
    return efiles.content(notice.efileId(), notice.id(), 1).readAllBytes();
  }

  /** The first document of this kind in the invoice's e-file. */
  Document filed(JsonNode receipt, String kind) {
    return efiles.documents(UUID.fromString(receipt.get("efileId").asText())).stream()
        .filter(d -> d.kind().equals(kind))
        .findFirst()
        .orElseThrow();
  }

  @Test
  void clerkRejectionReachesTheSupplierWithItsReason() throws Exception {
    JsonNode receipt = post(small(unique())).getBody();
    ProcessInstance pi = instanceOf(receipt);

    ResponseEntity<JsonNode> noReason =
        complete(
            "pruefer", task(pi, InvoiceProcess.Task.CONFIRM_FACTUAL), Map.of("decision", "REJECT"));
    assertThat(noReason.getStatusCode().value()).isEqualTo(409);
    assertThat(
            complete(
                    "pruefer",
                    task(pi, InvoiceProcess.Task.CONFIRM_FACTUAL),
                    Map.of("decision", "REJECT", "reason", "Leistung nicht erbracht"))
                .getStatusCode()
                .value())
        .isEqualTo(200);
    runJobs(pi);

    assertThat(pi).isEnded();
    assertThat(delivered())
        .anySatisfy(
            m ->
                assertThat(com.icegreen.greenmail.util.GreenMailUtil.getBody(m))
                    .contains("Leistung nicht erbracht"));
    JsonNode view =
        as("rechnung")
            .get()
            .uri("/api/invoices/{id}", receipt.get("invoiceId").asText())
            .retrieve()
            .body(JsonNode.class);
    assertThat(view.get("status").asText()).isEqualTo("REJECTED");
    assertThat(view.get("rejectionReason").asText()).isEqualTo("Leistung nicht erbracht");
    assertThat(LetterText.of(notice(receipt)))
        .contains("Grund Leistung nicht erbracht")
        .contains("Ihre Rechnung Nr. " + view.get("data").get("invoiceNumber").asText());
  }

  @Test
  void unroutableLeitwegIdIsValidButGoesToClarification() {
    byte[] invoice =
        replace(
            "xrechnung-testsuite/01.01a-INVOICE_ubl.xml",
            "<cbc:BuyerReference>04011000-12345-03</cbc:BuyerReference>",
            "<cbc:BuyerReference>99000000-01944-98</cbc:BuyerReference>");
    invoice =
        new String(invoice, StandardCharsets.UTF_8)
            .replace("<cbc:ID>123456XX</cbc:ID>", "<cbc:ID>" + unique() + "</cbc:ID>")
            .getBytes(StandardCharsets.UTF_8);

    JsonNode receipt = post(invoice).getBody();

    assertThat(receipt.get("validation").get("valid").asBoolean()).isTrue();
    assertThat(receipt.get("validation").get("warnings").findValuesAsText("rule"))
        .contains("LEITWEG-ID");
    ProcessInstance pi = instanceOf(receipt);
    assertThat(pi).isWaitingAt(InvoiceProcess.Task.CLARIFY_ASSIGNMENT);
    assertThat(
            complete(
                    "rechnung",
                    task(pi, InvoiceProcess.Task.CLARIFY_ASSIGNMENT),
                    Map.of(
                        "decision", "APPROVE", "leitwegId", "04011000-12345-03", "category", "IT"))
                .getStatusCode()
                .value())
        .isEqualTo(200);
    assertThat(pi).isWaitingAt(InvoiceProcess.Task.CONFIRM_FACTUAL);
  }

  @Test
  void duplicateIsRefusedUnlessMarkedAsResubmission() {
    String number = unique();
    JsonNode first = post(small(number)).getBody();
    long before = invoices.count();

    ResponseEntity<JsonNode> again = post(small(number));
    assertThat(again.getStatusCode().value()).isEqualTo(409);
    assertThat(again.getBody().get("existingInvoiceId").asText())
        .isEqualTo(first.get("invoiceId").asText());
    assertThat(invoices.count()).isEqualTo(before);

    ResponseEntity<JsonNode> resubmitted =
        anonymous
            .post()
            .uri("/api/invoices")
            .contentType(MediaType.APPLICATION_XML)
            .header("X-Resubmission", "true")
            .body(small(number))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(resubmitted.getStatusCode().value()).isEqualTo(202);
    UUID efileId = UUID.fromString(resubmitted.getBody().get("efileId").asText());
    assertThat(efiles.audit(efileId))
        .anySatisfy(e -> assertThat(e.action()).isEqualTo("RESUBMISSION"));
  }

  @Test
  void unreadableInputIsRefusedAndNothingIsStored() {
    long invoicesBefore = invoices.count();
    long instancesBefore = runtime.createProcessInstanceQuery().count();
    byte[] xxe =
        ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">&e;</Invoice>")
            .getBytes(StandardCharsets.UTF_8);
    byte[] bmp = new byte[] {'B', 'M', 0, 0, 0, 0, 0, 0};
    byte[] billionLaughs =
        ("<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">"
                + "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">"
                + "<!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">]>"
                + "<Invoice xmlns=\"urn:oasis:names:specification:ubl:schema:xsd:Invoice-2\">&lol3;</Invoice>")
            .getBytes(StandardCharsets.UTF_8);
    byte[] truncated = java.util.Arrays.copyOf(small(unique()), 500);

    for (byte[] bad :
        List.of(xxe, billionLaughs, bmp, truncated, "kein xml".getBytes(StandardCharsets.UTF_8))) {
      ResponseEntity<JsonNode> response = post(bad);
      assertThat(response.getStatusCode().value()).isIn(400, 415);
      assertThat(response.getHeaders().getContentType())
          .isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
      assertThat(response.getBody().toString()).doesNotContain("root:").doesNotContain("Exception");
    }
    ResponseEntity<JsonNode> plainPdf =
        anonymous
            .post()
            .uri("/api/invoices")
            .contentType(MediaType.APPLICATION_PDF)
            .body(Fixtures.pdf(null, null))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(plainPdf.getStatusCode().value()).isEqualTo(415);
    byte[] huge = new byte[21 * 1024 * 1024];
    ResponseEntity<JsonNode> tooLarge = post(huge);
    assertThat(tooLarge.getStatusCode().value()).isEqualTo(413);
    assertThat(tooLarge.getBody().get("code").asText()).isEqualTo("too-large");
    assertThat(invoices.count()).isEqualTo(invoicesBefore);
    assertThat(runtime.createProcessInstanceQuery().count()).isEqualTo(instancesBefore);
  }

  @Test
  void skontoDeadlineAndDueDateEscalateByTheEngineClock() throws Exception {
    byte[] invoice =
        replace(
            "xrechnung-testsuite/01.10a-INVOICE_uncefact.xml",
            "<ram:ID>Rechnungsnummer</ram:ID>",
            "<ram:ID>" + unique() + "</ram:ID>");
    JsonNode receipt = post(invoice).getBody();
    ProcessInstance pi = instanceOf(receipt);
    Date escalateAt =
        (Date) runtime.getVariable(pi.getId(), InvoiceProcess.Var.SKONTO_ESCALATION_AT);
    assertThat(escalateAt).isNotNull();

    ClockUtil.setCurrentTime(new Date(escalateAt.getTime() - 60_000));
    assertThat(
            management.createJobQuery().processInstanceId(pi.getId()).timers().executable().count())
        .isZero();
    ClockUtil.setCurrentTime(new Date(escalateAt.getTime() + 60_000));
    Job timer =
        management
            .createJobQuery()
            .processInstanceId(pi.getId())
            .timers()
            .executable()
            .singleResult();
    management.executeJob(timer.getId());
    runJobs(pi);

    assertThat(task(pi, InvoiceProcess.Task.CONFIRM_FACTUAL).getPriority())
        .isEqualTo(EscalateInvoiceDelegate.PRIORITY_SKONTO);
    assertThat(delivered())
        .anySatisfy(
            m -> {
              assertThat(m.getAllRecipients()[0].toString())
                  .isEqualTo("rechnungspruefung@gemeinde.test");
              assertThat(m.getSubject()).contains("Skontofrist");
            });
    assertThat(efiles.audit(UUID.fromString(receipt.get("efileId").asText())))
        .anySatisfy(e -> assertThat(e.action()).isEqualTo("ESCALATED_SKONTO"));
  }

  @Test
  void rejectionAtEachLaterStepEndsRejected() {
    JsonNode arithmetic = post(large(unique())).getBody();
    ProcessInstance byArithmetic = instanceOf(arithmetic);
    complete("pruefer", task(byArithmetic, InvoiceProcess.Task.CONFIRM_FACTUAL), approve());
    complete(
        "rechnung",
        task(byArithmetic, InvoiceProcess.Task.CONFIRM_ARITHMETIC),
        Map.of("decision", "REJECT", "reason", "Summe der Positionen falsch"));
    runJobs(byArithmetic);
    assertThat(byArithmetic).isEnded().hasPassed("Task_NotifySupplierOfRejection");

    JsonNode order = post(large(unique())).getBody();
    ProcessInstance byOrder = instanceOf(order);
    complete("pruefer", task(byOrder, InvoiceProcess.Task.CONFIRM_FACTUAL), approve());
    complete("rechnung", task(byOrder, InvoiceProcess.Task.CONFIRM_ARITHMETIC), approve());
    complete(
        "anordnung",
        task(byOrder, InvoiceProcess.Task.ORDER_PAYMENT),
        Map.of("decision", "REJECT", "reason", "Haushaltsmittel gesperrt"));
    runJobs(byOrder);
    assertThat(byOrder)
        .isEnded()
        .hasPassed("Task_NotifySupplierOfRejection")
        .hasNotPassed("Task_IssuePaymentOrder");
    assertThat(kinds(order)).contains("notice").doesNotContain("payment-order");
    assertThat(efiles.get(UUID.fromString(order.get("efileId").asText())).status())
        .isEqualTo(EFileStatus.CLOSED);

    byte[] unroutable =
        new String(small(unique()), StandardCharsets.UTF_8)
            .replace("04011000-12345-03", "99000000-01944-98")
            .getBytes(StandardCharsets.UTF_8);
    ProcessInstance byClarification = instanceOf(post(unroutable).getBody());
    ResponseEntity<JsonNode> badCategory =
        complete(
            "rechnung",
            task(byClarification, InvoiceProcess.Task.CLARIFY_ASSIGNMENT),
            Map.of("decision", "APPROVE", "category", "KANTINE"));
    assertThat(badCategory.getStatusCode().value()).isEqualTo(400);
    assertThat(badCategory.getBody().get("field").asText()).isEqualTo("category");
    complete(
        "rechnung",
        task(byClarification, InvoiceProcess.Task.CLARIFY_ASSIGNMENT),
        Map.of("decision", "REJECT", "reason", "Nicht an unsere Behörde adressiert"));
    runJobs(byClarification);
    assertThat(byClarification).isEnded().hasPassed("Task_NotifySupplierOfRejection");
  }

  @Test
  void passedPaymentDueDateEscalatesAgain() {
    JsonNode receipt = post(large(unique())).getBody();
    ProcessInstance pi = instanceOf(receipt);
    Date due = (Date) runtime.getVariable(pi.getId(), InvoiceProcess.Var.PAYMENT_DUE);
    assertThat(due).isNotNull();

    ClockUtil.setCurrentTime(new Date(due.getTime() + 60_000));
    List<Job> timers =
        management.createJobQuery().processInstanceId(pi.getId()).timers().executable().list();
    assertThat(timers).isNotEmpty();
    timers.forEach(t -> management.executeJob(t.getId()));
    runJobs(pi);

    assertThat(task(pi, InvoiceProcess.Task.CONFIRM_FACTUAL).getPriority())
        .isEqualTo(EscalateInvoiceDelegate.PRIORITY_DUE);
    assertThat(efiles.audit(UUID.fromString(receipt.get("efileId").asText())))
        .anySatisfy(e -> assertThat(e.action()).isEqualTo("ESCALATED_PAYMENT_DUE"));
    // the approval goes on after the escalation
    assertThat(pi).isWaitingAt(InvoiceProcess.Task.CONFIRM_FACTUAL);
  }

  @Test
  void zugferdPdfIsReceivedThroughItsEmbeddedInvoice() {
    byte[] pdf =
        Fixtures.pdf("factur-x.xml", Fixtures.read("zugferd-corpus/EN16931_Einfach.cii.xml"));
    org.springframework.util.LinkedMultiValueMap<String, Object> form =
        new org.springframework.util.LinkedMultiValueMap<>();
    form.add(
        "file",
        new org.springframework.core.io.ByteArrayResource(pdf) {
          @Override
          public String getFilename() {
            return "rechnung.pdf";
          }
        });

    ResponseEntity<JsonNode> response =
        anonymous
            .post()
            .uri("/api/invoices")
            .contentType(MediaType.MULTIPART_FORM_DATA)
            .body(form)
            .retrieve()
            .toEntity(JsonNode.class);

    assertThat(response.getStatusCode().value()).isEqualTo(202);
    assertThat(response.getBody().get("validation").get("valid").asBoolean()).isTrue();
    UUID efileId = UUID.fromString(response.getBody().get("efileId").asText());
    assertThat(efiles.documents(efileId))
        .filteredOn(d -> d.kind().equals("invoice-original"))
        .singleElement()
        .satisfies(d -> assertThat(d.mediaType()).isEqualTo("application/pdf"));
    // no Leitweg-ID in a plain EN 16931 invoice: valid, but to be assigned by a clerk
    assertThat(instanceOf(response.getBody())).isWaitingAt(InvoiceProcess.Task.CLARIFY_ASSIGNMENT);

    ResponseEntity<JsonNode> broken =
        anonymous
            .post()
            .uri("/api/invoices")
            .contentType(MediaType.APPLICATION_PDF)
            .body("%PDF-1.7\n1 0 obj << /Type /Catalog".getBytes(StandardCharsets.UTF_8))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(broken.getStatusCode().value()).isIn(400, 415);
    assertThat(broken.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
  }

  /** PDF/A-3b as FOP claims it, every font embedded, the invoice number readable in the text. */
  void assertArchivablePdfRendering(JsonNode receipt) throws Exception {
    Document rendering = filed(receipt, "invoice-rendering");
    assertThat(rendering.title()).isEqualTo("Lesbare Fassung der Rechnung");
    assertThat(rendering.mediaType()).isEqualTo("application/pdf");
    byte[] bytes = efiles.content(rendering.efileId(), rendering.id(), 1).readAllBytes();
    try (PDDocument pdf = Loader.loadPDF(bytes)) {
      assertThat(pdf.getNumberOfPages()).isPositive();
      List<PDFont> fonts = new java.util.ArrayList<>();
      for (PDPage page : pdf.getPages()) {
        for (COSName name : page.getResources().getFontNames()) {
          fonts.add(page.getResources().getFont(name));
        }
      }
      assertThat(fonts).isNotEmpty().allSatisfy(f -> assertThat(f.isEmbedded()).isTrue());
      String xmp =
          new String(pdf.getDocumentCatalog().getMetadata().toByteArray(), StandardCharsets.UTF_8);
      assertThat(xmp)
          .contains("<pdfaid:part>3</pdfaid:part>")
          .contains("<pdfaid:conformance>B</pdfaid:conformance>");
      assertThat(new PDFTextStripper().getText(pdf))
          .contains(
              runtime
                  .getVariable(instanceOf(receipt).getId(), InvoiceProcess.Var.INVOICE_NUMBER)
                  .toString());
    }
  }

  MimeMessage[] delivered() {
    awaitMailDelivered();
    return mail.getReceivedMessages();
  }
}
