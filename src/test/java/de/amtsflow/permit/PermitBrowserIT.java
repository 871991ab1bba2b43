package de.amtsflow.permit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import de.amtsflow.browser.Browsers;
import de.amtsflow.browser.Tasklist;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Locale;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A Bauantrag in real browsers: the citizen fills the web form with a PDF plan and gets the file
 * number; {@code bauamt} opens "Vollständigkeit prüfen" in Tasklist and asks for a document; the
 * citizen's tracking page shows the request and takes the upload; the clerk sees the document in
 * the e-file and confirms completeness.
 */
class PermitBrowserIT extends AbstractPermitTest {

  @RegisterExtension final Browsers browsers = new Browsers();

  @TempDir Path dir;

  private WebDriver citizen;
  private WebDriverWait citizenWait;

  @Test
  void citizenAppliesClerkRequestsADocumentCitizenHandsItIn() throws IOException {
    Path plan = dir.resolve("Lageplan.pdf");
    Files.write(plan, PermitFixtures.pdf());
    Path description = dir.resolve("Baubeschreibung.pdf");
    Files.write(description, PermitFixtures.pdf());

    citizen = browsers.open("citizen");
    citizenWait = new WebDriverWait(citizen, Browsers.WAIT);
    citizen.get(base() + "/");
    browsers.accessible(citizen, "index.html");
    citizen.findElement(By.linkText("Bauantrag stellen")).click();
    citizenWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("applicant-name")));

    // 1 Antragsteller
    browsers.accessible(citizen, "bauantrag.html: Schritt 1 Antragsteller");
    type("applicant-name", "Erika Mustermann");
    type("applicant-email", "erika@buerger.test");
    type("applicant-street", "Lindenweg 3");
    type("applicant-postalCode", "93047");
    type("applicant-city", "Regensburg");
    browsers.screenshot(citizen, "citizen-step1-applicant");
    next("builder-same");
    // 2 Bauherr: the applicant
    click("builder-same");
    browsers.accessible(citizen, "bauantrag.html: Schritt 2 Bauherr");
    next("designer-name");
    // 3 Entwurfsverfasser
    type("designer-name", "Max Planer");
    type("designer-email", "planer@buero.test");
    new Select(citizen.findElement(By.id("designer-qualification"))).selectByValue("ARCHITECT");
    type("designer-chamberMembershipNumber", "BY-12345");
    click("designer-authorizedToSubmit");
    browsers.accessible(citizen, "bauantrag.html: Schritt 3 Entwurfsverfasser");
    next("plot-gemarkung");
    // 4 Grundstück
    new Select(citizen.findElement(By.id("plot-municipalityKey")))
        .selectByVisibleText("Gemeinde Adorf");
    type("plot-gemarkung", "Kumpfmühl");
    type("plot-parcels", "123/4");
    browsers.accessible(citizen, "bauantrag.html: Schritt 4 Grundstück");
    next("project-description");
    // 5 Vorhaben and Verfahrensart
    type("project-description", "Neubau eines Einfamilienhauses mit Garage");
    click("project-measure-NEW_BUILDING");
    new Select(citizen.findElement(By.id("project-buildingClass"))).selectByValue("1");
    click("project-specialBuilding-false");
    click("project-mainlyResidential-true");
    type("project-buildingCosts", "350.000");
    click("procedure-SIMPLIFIED");
    browsers.screenshot(citizen, "citizen-step5-project");
    browsers.accessible(citizen, "bauantrag.html: Schritt 5 Vorhaben");
    next("document-file");
    // 6 Unterlagen: the site plan
    citizen.findElement(By.id("document-file")).sendKeys(plan.toString());
    new Select(citizen.findElement(By.id("document-kind"))).selectByValue("SITE_PLAN");
    addDocumentIfButton();
    citizenWait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("inhalt"), "Lageplan.pdf"));
    browsers.screenshot(citizen, "citizen-step6-documents");
    browsers.accessible(citizen, "bauantrag.html: Schritt 6 Unterlagen");
    next("submit");
    // 7 Zusammenfassung
    String summary = citizen.findElement(By.id("inhalt")).getText();
    assertThat(summary).contains("Erika Mustermann", "Kumpfmühl", "123/4", "Lageplan.pdf");
    browsers.screenshot(citizen, "citizen-step7-summary");
    browsers.accessible(citizen, "bauantrag.html: Schritt 7 Zusammenfassung");
    click("submit");

    WebElement confirmation =
        citizenWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirmation")));
    citizenWait.until(ExpectedConditions.textToBePresentInElement(confirmation, "hochgeladen"));
    String fileNumber = citizen.findElement(By.id("file-number")).getText().strip();
    assertThat(fileNumber).matches("BAU-\\d{4}-\\d{6}");
    String trackingLink = citizen.findElement(By.id("tracking-link")).getAttribute("href");
    assertThat(trackingLink).contains("verfolgen.html#").contains("code=");
    browsers.screenshot(citizen, "citizen-confirmation");
    browsers.accessible(citizen, "bauantrag.html: Bestätigung");

    ProcessInstance pi =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(fileNumber).singleResult();
    runJobs(pi);
    assertThat(pi).isWaitingAt(PermitProcess.Task.CHECK_COMPLETENESS);

    // bauamt: the plan is in the e-file; a Baubeschreibung is missing
    WebDriver clerk = browsers.open("bauamt");
    Tasklist tasklist = new Tasklist(clerk, port).login("bauamt", "bauamt");
    assertThat(tasklist.filters()).contains("Meine Gruppe", "Fristen diese Woche");
    // the card tells this case from others: Aktenzeichen and applicant
    assertThat(tasklist.cards("Meine Gruppe", "Vollständigkeit prüfen"))
        .anyMatch(card -> card.contains(fileNumber) && card.contains("Erika Mustermann"));
    browsers.screenshot(clerk, "bauamt-task-cards");
    tasklist.open("Meine Gruppe", "Vollständigkeit prüfen", fileNumber);
    assertThat(tasklist.value("Aktenzeichen")).isEqualTo(fileNumber);
    assertThat(tasklist.value("Antragsteller")).isEqualTo("Erika Mustermann");
    browsers.screenshot(clerk, "bauamt-check-form");
    tasklist.claim();
    assertThat(efileListing(clerk, tasklist)).contains("Lageplan").contains("Bauantrag");
    LocalDate deadline = PermitFixtures.workday(LocalDate.now().plusDays(14));
    tasklist.choose("unvollständig – Unterlagen nachfordern");
    // the date picker speaks German: format, month, a week from Monday
    assertThat(
            tasklist.datePicker(
                "Frist zur Nachreichung",
                () -> browsers.screenshot(clerk, "bauamt-date-picker-german")))
        .containsExactly(
            "TT.MM.JJJJ",
            LocalDate.now().getMonth().getDisplayName(TextStyle.FULL, Locale.GERMAN),
            "Mo Di Mi Do Fr Sa So");
    tasklist.date("Frist zur Nachreichung", deadline);
    assertThat(tasklist.value("Frist zur Nachreichung"))
        .isEqualTo(deadline.format(DateTimeFormatter.ofPattern("dd.MM.yyyy")));
    tasklist.type("Fehlende Unterlagen", "Baubeschreibung");
    browsers.screenshot(clerk, "bauamt-request-documents");
    tasklist.complete().awaitCompleted();
    runJobs(pi);
    assertThat(pi).isWaitingAt(PermitProcess.AWAIT_DOCUMENTS);

    // the citizen follows the link: the request and an upload for it
    citizen.get(trackingLink);
    WebElement status =
        citizenWait.until(ExpectedConditions.visibilityOfElementLocated(By.id("status-text")));
    citizenWait.until(ExpectedConditions.textToBePresentInElement(status, "Unvollständig"));
    assertThat(citizen.findElement(By.id("missing-documents")).getText())
        .contains("Baubeschreibung");
    assertThat(citizen.findElement(By.id("deadlines")).getText())
        .contains(
            String.format(
                "%02d.%02d.%d",
                deadline.getDayOfMonth(), deadline.getMonthValue(), deadline.getYear()));
    browsers.screenshot(citizen, "citizen-tracking-request");
    browsers.accessible(citizen, "verfolgen.html: Nachforderung");
    citizen.findElement(By.id("upload-file")).sendKeys(description.toString());
    new Select(citizen.findElement(By.id("upload-kind"))).selectByValue("BUILDING_DESCRIPTION");
    click("upload-submit");
    citizenWait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("upload-result"), "Baubeschreibung.pdf"));
    citizenWait.until(
        d -> !d.findElement(By.id("status-text")).getText().contains("Unvollständig"));
    browsers.screenshot(citizen, "citizen-tracking-uploaded");
    browsers.accessible(citizen, "verfolgen.html: nach dem Hochladen");
    runJobs(pi);
    assertThat(pi).isWaitingAt(PermitProcess.Task.CHECK_COMPLETENESS);

    // bauamt sees it and confirms completeness
    tasklist.open("Meine Gruppe", "Vollständigkeit prüfen", fileNumber).claim();
    assertThat(efileListing(clerk, tasklist)).contains("Baubeschreibung");
    tasklist.choose("vollständig");
    browsers.screenshot(clerk, "bauamt-confirm-complete");
    tasklist.complete().awaitCompleted();
    runJobs(pi);
    assertThat(pi).hasPassed(PermitProcess.Task.CHECK_COMPLETENESS);
    assertThat(
            applications
                .findById(java.util.UUID.fromString(idOf(trackingLink)))
                .orElseThrow()
                .status)
        .isEqualTo(PermitStatus.IN_PARTICIPATION);
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private void type(String id, String text) {
    WebElement input = citizenWait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    input.clear();
    input.sendKeys(text);
  }

  private void click(String id) {
    citizenWait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
  }

  /** "Weiter", then waits for the next step's first field. */
  private void next(String nextStepField) {
    click("next");
    citizenWait.until(ExpectedConditions.visibilityOfElementLocated(By.id(nextStepField)));
  }

  private void addDocumentIfButton() {
    var add = citizen.findElements(By.id("document-add"));
    if (!add.isEmpty() && add.get(0).isDisplayed() && add.get(0).isEnabled()) {
      add.get(0).click();
    }
  }

  private static String idOf(String trackingLink) {
    return trackingLink.replaceAll(".*antrag=([0-9a-f-]{36}).*", "$1");
  }

  /** Opens the form's e-file link in a new window (the clerk's login), returns the listing. */
  private String efileListing(WebDriver clerk, Tasklist tasklist) {
    String tasklistWindow = clerk.getWindowHandle();
    var before = clerk.getWindowHandles();
    tasklist.formLinks().stream()
        .filter(a -> a.getText().contains("E-Akte"))
        .findFirst()
        .orElseThrow()
        .click();
    WebDriverWait wait = new WebDriverWait(clerk, Browsers.WAIT);
    wait.until(d -> d.getWindowHandles().size() > before.size());
    clerk
        .switchTo()
        .window(
            clerk.getWindowHandles().stream().filter(h -> !before.contains(h)).findFirst().get());
    String listing =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("documents"))).getText();
    browsers.screenshot(clerk, "bauamt-efile");
    clerk.close();
    clerk.switchTo().window(tasklistWindow);
    return listing;
  }
}
