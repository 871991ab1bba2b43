package de.amtsflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import de.amtsflow.AbstractHttpTest;
import de.amtsflow.browser.Browsers;
import de.amtsflow.browser.Tasklist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * A supplier delivers an e-invoice on the web page, and the approvers work it in Camunda Tasklist
 * in a real browser: "Sachlich richtig" by {@code pruefer}, whom Tasklist then does not offer
 * "Zahlung anordnen" (four-eyes rule), and {@code anordnung}, who is refused a rejection without a
 * reason inside the form and then orders the payment.
 */
class InvoiceBrowserIT extends AbstractHttpTest {

  @RegisterExtension final Browsers browsers = new Browsers();

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;

  @TempDir Path dir;

  @Test
  void supplierUploadsAndTheApproversWorkItInTasklist() throws IOException {
    String number = InvoiceApprovalProcessTest.unique();
    Path file = dir.resolve("rechnung-" + number + ".xml");
    Files.write(file, InvoiceApprovalProcessTest.large(number));

    // the supplier
    WebDriver supplier = browsers.open("supplier");
    supplier.get("http://localhost:" + port + "/rechnung.html");
    browsers.accessible(supplier, "rechnung.html");
    supplier.findElement(By.id("invoice-file")).sendKeys(file.toString());
    browsers.screenshot(supplier, "supplier-chose-file");
    supplier.findElement(By.id("invoice-submit")).click();
    WebDriverWait wait = new WebDriverWait(supplier, Browsers.WAIT);
    String fileNumber =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("receipt-number")))
            .getText()
            .strip();
    assertThat(fileNumber).matches("RE-\\d{4}-\\d{6}");
    assertThat(supplier.findElement(By.id("invoice-result")).getText()).contains("eingegangen");
    browsers.screenshot(supplier, "supplier-receipt");
    browsers.accessible(supplier, "rechnung.html: Eingangsbestätigung");

    ProcessInstance pi =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(fileNumber).singleResult();
    runJobs(pi);
    assertThat(pi).isWaitingAt(InvoiceProcess.Task.CONFIRM_FACTUAL);

    // pruefer: sachlich richtig, with the documents a click away
    WebDriver pruefer = browsers.open("pruefer");
    Tasklist prueferList = new Tasklist(pruefer, port).login("pruefer", "pruefer");
    assertThat(prueferList.filters()).contains("Meine Gruppe", "Fristen diese Woche");
    // the card names the case, the supplier and the amount
    String seller = (String) runtime.getVariable(pi.getId(), InvoiceProcess.Var.SELLER_NAME);
    String amount = (String) runtime.getVariable(pi.getId(), InvoiceProcess.Var.GROSS_AMOUNT_TEXT);
    assertThat(prueferList.cards("Meine Gruppe", "Sachlich richtig feststellen"))
        .anyMatch(c -> c.contains(fileNumber) && c.contains(seller) && c.contains(amount));
    browsers.screenshot(pruefer, "pruefer-task-cards");
    prueferList.open("Meine Gruppe", "Sachlich richtig feststellen", fileNumber);
    assertThat(prueferList.value("Aktenzeichen")).isEqualTo(fileNumber);
    assertThat(prueferList.value("Rechnungsnummer")).isEqualTo(number);
    browsers.screenshot(pruefer, "pruefer-factual-form");
    // a task that is not one's own shows its form disabled: take it first
    prueferList.claim();
    assertReadableRenderingOpens(pruefer, prueferList, number);
    prueferList.choose("sachlich richtig");
    browsers.screenshot(pruefer, "pruefer-factual-filled");
    prueferList.complete().awaitCompleted();
    runJobs(pi);
    assertThat(pi).isWaitingAt(InvoiceProcess.Task.CONFIRM_ARITHMETIC);

    // rechnung: rechnerisch richtig, over the REST task API (same rules)
    String arithmetic =
        tasks
            .createTaskQuery()
            .processInstanceId(pi.getId())
            .taskDefinitionKey(InvoiceProcess.Task.CONFIRM_ARITHMETIC)
            .singleResult()
            .getId();
    as("rechnung").post().uri("/api/tasks/{id}/claim", arithmetic).retrieve().toBodilessEntity();
    assertThat(
            as("rechnung")
                .post()
                .uri("/api/tasks/{id}/complete", arithmetic)
                .contentType(MediaType.APPLICATION_JSON)
                .body("{\"decision\":\"APPROVE\"}")
                .retrieve()
                .toBodilessEntity()
                .getStatusCode()
                .value())
        .isEqualTo(200);
    runJobs(pi);
    assertThat(pi).isWaitingAt(InvoiceProcess.Task.ORDER_PAYMENT);

    // pruefer may order payments, but not of this invoice: Tasklist does not offer it to them.
    // A second invoice, delivered after, proves the list was loaded after the order task existed.
    String second = InvoiceApprovalProcessTest.unique();
    String secondFileNumber =
        anonymous
            .post()
            .uri("/api/invoices")
            .contentType(MediaType.APPLICATION_XML)
            .body(InvoiceApprovalProcessTest.large(second))
            .retrieve()
            .body(com.fasterxml.jackson.databind.JsonNode.class)
            .get("fileNumber")
            .asText();
    runJobs(
        runtime
            .createProcessInstanceQuery()
            .processInstanceBusinessKey(secondFileNumber)
            .singleResult());
    assertThat(prueferList.cards("Meine Gruppe", "Sachlich richtig feststellen"))
        .anyMatch(c -> c.contains(secondFileNumber));
    assertThat(prueferList.allCards()).noneMatch(c -> c.contains(fileNumber));
    browsers.screenshot(pruefer, "pruefer-not-offered-payment-order");

    // anordnung orders it; a rule the form cannot know is refused inside the form, in words
    WebDriver anordnung = browsers.open("anordnung");
    Tasklist anordnungList = new Tasklist(anordnung, port).login("anordnung", "anordnung");
    assertThat(anordnungList.cards("Meine Gruppe", "Zahlung anordnen"))
        .anyMatch(c -> c.contains(fileNumber));
    anordnungList.open("Meine Gruppe", "Zahlung anordnen", fileNumber);
    browsers.screenshot(anordnung, "anordnung-form");
    anordnungList.claim().choose("ablehnen").complete();
    String refusal = anordnungList.awaitRefusal();
    browsers.screenshot(anordnung, "anordnung-refused-in-form");
    assertThat(refusal)
        .contains("Eine Ablehnung braucht eine Begründung")
        .doesNotContain("ENGINE-")
        .doesNotContain("Exception");
    browsers.accessible(
        anordnung, "Tasklist: Ablehnung ohne Begründung abgewiesen", Tasklist.OUR_PARTS);
    assertThat(pi).isWaitingAt(InvoiceProcess.Task.ORDER_PAYMENT);
    anordnungList.choose("Zahlung anordnen").complete().awaitCompleted();
    browsers.screenshot(anordnung, "anordnung-done");
    runJobs(pi);
    assertThat(pi).hasPassed(InvoiceProcess.Task.ORDER_PAYMENT).isEnded();
  }

  @Test
  void anUnroutableInvoiceIsAssignedWithAGermanForm() {
    String number = InvoiceApprovalProcessTest.unique();
    byte[] invoice =
        new String(
                InvoiceApprovalProcessTest.replace(
                    "xrechnung-testsuite/01.01a-INVOICE_ubl.xml",
                    "<cbc:BuyerReference>04011000-12345-03</cbc:BuyerReference>",
                    "<cbc:BuyerReference>99000000-01944-98</cbc:BuyerReference>"),
                java.nio.charset.StandardCharsets.UTF_8)
            .replace("<cbc:ID>123456XX</cbc:ID>", "<cbc:ID>" + number + "</cbc:ID>")
            .getBytes(java.nio.charset.StandardCharsets.UTF_8);
    String fileNumber =
        anonymous
            .post()
            .uri("/api/invoices")
            .contentType(MediaType.APPLICATION_XML)
            .body(invoice)
            .retrieve()
            .body(com.fasterxml.jackson.databind.JsonNode.class)
            .get("fileNumber")
            .asText();
    ProcessInstance pi =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(fileNumber).singleResult();
    assertThat(pi).isWaitingAt(InvoiceProcess.Task.CLARIFY_ASSIGNMENT);

    WebDriver clerk = browsers.open("rechnung");
    Tasklist tasklist = new Tasklist(clerk, port).login("rechnung", "rechnung");
    tasklist.open("Meine Gruppe", "Zuordnung klären", fileNumber).claim();
    // no English left in the form: the select's placeholder and form-js's own messages
    assertThat(tasklist.selectDisplay("Kategorie")).isEqualTo("Bitte auswählen");
    tasklist.type("Leitweg-ID", "0".repeat(47));
    assertThat(tasklist.fieldError("Leitweg-ID")).isEqualTo("Bitte höchstens 46 Zeichen eingeben.");
    browsers.screenshot(clerk, "rechnung-clarify-german-messages");
    browsers.accessible(clerk, "Tasklist: Zuordnung klären", Tasklist.OUR_PARTS);
    tasklist.type("Leitweg-ID", "04011000-12345-03").select("Kategorie", "IT").choose("zuordnen");
    browsers.screenshot(clerk, "rechnung-clarify-filled");
    tasklist.complete().awaitCompleted();
    runJobs(pi);
    assertThat(pi).hasPassed(InvoiceProcess.Task.CLARIFY_ASSIGNMENT);
    assertThat(runtime.getVariable(pi.getId(), InvoiceProcess.Var.LEITWEG_ID))
        .isEqualTo("04011000-12345-03");
  }

  @Test
  void anInvalidInvoiceIsExplainedInGerman() throws IOException {
    String number = InvoiceApprovalProcessTest.unique();
    Path file = dir.resolve("fehlerhaft-" + number + ".xml");
    Files.write(file, InvoiceApprovalProcessTest.invalid(number));

    WebDriver supplier = browsers.open("supplier");
    supplier.get("http://localhost:" + port + "/rechnung.html");
    supplier.findElement(By.id("invoice-file")).sendKeys(file.toString());
    supplier.findElement(By.id("invoice-submit")).click();
    WebDriverWait wait = new WebDriverWait(supplier, Browsers.WAIT);
    WebElement errors =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("invoice-errors")));
    String result = supplier.findElement(By.id("invoice-result")).getText();
    browsers.screenshot(supplier, "supplier-invalid-explained");
    browsers.accessible(supplier, "rechnung.html: ungültige Rechnung");
    assertThat(result).contains("nicht angenommen");
    assertThat(supplier.findElement(By.id("receipt-number")).getText()).matches("RE-\\d{4}-\\d{6}");
    // each failed rule in words, with its id for the supplier's software vendor
    assertThat(errors.findElements(By.tagName("li"))).isNotEmpty();
    assertThat(errors.getText()).containsAnyOf("fehlt", "falsch", "ungültig", "entspricht nicht");
    assertThat(errors.getText()).containsPattern("BR-[A-Z0-9-]+|XML-SCHEMA");
  }

  /** The form's links open the readable rendering and the e-file with the clerk's login. */
  private void assertReadableRenderingOpens(WebDriver driver, Tasklist tasklist, String number) {
    String tasklistWindow = driver.getWindowHandle();
    Set<String> before = driver.getWindowHandles();
    WebElement readable =
        tasklist.formLinks().stream()
            .filter(a -> a.getText().contains("Lesbare Ansicht"))
            .findFirst()
            .orElseThrow();
    readable.click();
    WebDriverWait wait = new WebDriverWait(driver, Browsers.WAIT);
    wait.until(d -> d.getWindowHandles().size() > before.size());
    String rendering =
        driver.getWindowHandles().stream().filter(h -> !before.contains(h)).findFirst().get();
    driver.switchTo().window(rendering);
    wait.until(d -> d.getPageSource().contains(number));
    browsers.screenshot(driver, "pruefer-readable-rendering");
    driver.close();
    driver.switchTo().window(tasklistWindow);

    Set<String> beforeEFile = driver.getWindowHandles();
    tasklist.formLinks().stream()
        .filter(a -> a.getText().contains("E-Akte"))
        .findFirst()
        .orElseThrow()
        .click();
    wait.until(d -> d.getWindowHandles().size() > beforeEFile.size());
    String efile =
        driver.getWindowHandles().stream().filter(h -> !beforeEFile.contains(h)).findFirst().get();
    driver.switchTo().window(efile);
    WebElement documents =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("documents")));
    assertThat(documents.getText()).contains("Rechnung " + number);
    browsers.screenshot(driver, "pruefer-efile");
    browsers.accessible(driver, "akte.html (E-Akte, Sachbearbeitung)");
    driver.close();
    driver.switchTo().window(tasklistWindow);
  }
}
