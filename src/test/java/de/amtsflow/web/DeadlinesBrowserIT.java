package de.amtsflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsflow.AbstractHttpTest;
import de.amtsflow.browser.Browsers;
import de.amtsflow.browser.Tasklist;
import de.amtsflow.permit.PermitFixtures;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The Fristen overview in a real browser: a team lead of the Bauaufsicht and the Rechnungseingang
 * (member of both groups) logs into Tasklist and opens fristen.html. A permit in participation has
 * its Einvernehmen fiction in under 14 days (the clock was moved back when it started), an invoice
 * its Skonto within the working days at risk.
 */
class DeadlinesBrowserIT extends AbstractHttpTest {

  static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  static final String LEAD = "teamleitung";

  @RegisterExtension final Browsers browsers = new Browsers();

  @Autowired RuntimeService runtime;
  @Autowired TaskService tasks;
  @Autowired ManagementService management;
  @Autowired IdentityService identity;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void aTeamLeadSeesSortsAndSpotsTheUrgentDeadlines() throws IOException {
    String permit = permitInParticipationSince(LocalDate.now(BERLIN).minusMonths(2).plusDays(10));
    String invoice = invoiceWithSkontoUntil(LocalDate.now(BERLIN).plusDays(3));
    teamLead();

    WebDriver driver = browsers.open("teamleitung");
    new Tasklist(driver, port).login(LEAD, LEAD);
    driver.get("http://localhost:" + port + "/fristen.html");
    WebDriverWait wait = new WebDriverWait(driver, Browsers.WAIT);
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("deadlines")));

    WebElement consent = row(driver, permit, "Einvernehmensfiktion");
    assertThat(consent.getAttribute("class")).contains("deadline--soon");
    assertThat(consent.getText()).contains("Fiktion in").contains("Gemeinde");
    WebElement skonto = row(driver, invoice, "Skontofrist");
    assertThat(skonto.getAttribute("class")).contains("deadline--skonto");
    assertThat(skonto.getText()).contains("Skonto gefährdet");
    browsers.screenshot(driver, "fristen");
    browsers.accessible(driver, "fristen.html");

    // soonest first; a click on "Fristende" turns the order round
    assertThat(endDates(driver)).isSorted();
    driver.findElement(By.xpath("//th[@data-sort='endsOn']/button")).click();
    assertThat(driver.findElement(By.xpath("//th[@data-sort='endsOn']")).getAttribute("aria-sort"))
        .isEqualTo("descending");
    List<String> descending = endDates(driver);
    assertThat(descending).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    browsers.screenshot(driver, "fristen-nach-fristende-absteigend");

    // filtered by kind: only the Skonto rows stay
    new org.openqa.selenium.support.ui.Select(driver.findElement(By.id("deadline-kind")))
        .selectByVisibleText("Skontofrist");
    assertThat(driver.findElements(By.cssSelector("#deadlines tbody tr")))
        .isNotEmpty()
        .allSatisfy(r -> assertThat(r.getText()).contains("Skontofrist"));
  }

  static WebElement row(WebDriver driver, String fileNumber, String kind) {
    return driver.findElements(By.cssSelector("#deadlines tbody tr")).stream()
        .filter(r -> r.getText().contains(fileNumber) && r.getText().contains(kind))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no row " + fileNumber + " " + kind));
  }

  static List<String> endDates(WebDriver driver) {
    return driver.findElements(By.cssSelector("#deadlines tbody time")).stream()
        .map(t -> t.getAttribute("datetime"))
        .toList();
  }

  /** A user in the Bauaufsicht and the Rechnungseingang, as a small authority's team lead. */
  void teamLead() {
    if (identity.createUserQuery().userId(LEAD).count() == 0) {
      User user = identity.newUser(LEAD);
      user.setFirstName("Tina");
      user.setLastName("Teamleitung");
      user.setPassword(LEAD);
      identity.saveUser(user);
      identity.createMembership(LEAD, "permit-clerks");
      identity.createMembership(LEAD, "invoice-clerks");
      identity.createTenantUserMembership("lra", LEAD);
    }
  }

  /** A complete application whose participation began on {@code started}. */
  String permitInParticipationSince(LocalDate started) {
    ClockUtil.setCurrentTime(Date.from(started.atTime(10, 0).atZone(BERLIN).toInstant()));
    ResponseEntity<JsonNode> submitted =
        anonymous
            .post()
            .uri("/api/permit-applications")
            .contentType(MediaType.APPLICATION_JSON)
            .body(PermitFixtures.application())
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(submitted.getStatusCode().value()).as("%s", submitted.getBody()).isEqualTo(201);
    String fileNumber = submitted.getBody().get("fileNumber").asText();
    ProcessInstance pi =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(fileNumber).singleResult();
    runJobs(pi);
    String check = tasks.createTaskQuery().processInstanceId(pi.getId()).singleResult().getId();
    ResponseEntity<JsonNode> completed =
        as("bauamt")
            .post()
            .uri("/api/tasks/{id}/complete", check)
            .contentType(MediaType.APPLICATION_JSON)
            .body(Map.of("completeness", "COMPLETE", "agencies", List.of()))
            .retrieve()
            .toEntity(JsonNode.class);
    assertThat(completed.getStatusCode().value()).as("%s", completed.getBody()).isEqualTo(200);
    runJobs(pi);
    ClockUtil.reset();
    return fileNumber;
  }

  /** A valid XRechnung whose first Skonto (7 days) ends on {@code skontoUntil}. */
  String invoiceWithSkontoUntil(LocalDate skontoUntil) throws IOException {
    String xml;
    try (InputStream in =
        getClass()
            .getResourceAsStream("/invoice/xrechnung-testsuite/01.10a-INVOICE_uncefact.xml")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    xml =
        xml.replace(
                "<ram:ID>Rechnungsnummer</ram:ID>", "<ram:ID>F-" + UUID.randomUUID() + "</ram:ID>")
            .replace("20160627", skontoUntil.minusDays(7).format(DateTimeFormatter.BASIC_ISO_DATE));
    return deliverInvoice(xml.getBytes(StandardCharsets.UTF_8)).get("fileNumber").asText();
  }
}
