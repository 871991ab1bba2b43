package de.amtsflow.permit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import de.amtsflow.browser.Browsers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The citizen's form and tracking page in a real browser, as a citizen trips over them: Enter in a
 * field, a step left with gaps or typos, the chamber number an Architekt/in must give, a file that
 * only pretends to be a PDF, a lost link (Aktenzeichen and access code from the
 * Eingangsbestätigung), and the letters to download.
 */
class PermitFormBrowserIT extends AbstractPermitTest {

  /** Enum constants the citizen must never read. */
  private static final String CODE_WORD =
      "(?s).*\\b([A-Z]{2,}_[A-Z_]+|SIMPLIFIED|REGULAR|ARCHITECT|OTHER)\\b.*";

  @RegisterExtension final Browsers browsers = new Browsers();

  @TempDir Path dir;

  private WebDriver citizen;
  private WebDriverWait wait;

  @Test
  void eachStepIsCheckedWhenLeftAndEnterMovesOnButNeverSends() throws IOException {
    long before = applications.count();
    citizen = browsers.open("citizen");
    wait = new WebDriverWait(citizen, Browsers.WAIT);
    citizen.get(base() + "/bauantrag.html");

    // Enter in the first, empty field: step 1's gaps, one message each, nothing about later steps
    enter("applicant-name");
    List<String> errors = summary();
    assertThat(errors)
        .hasSize(5)
        .doesNotHaveDuplicates()
        .allSatisfy(e -> assertThat(e).doesNotMatch(CODE_WORD));
    // in the order of the fields
    assertThat(errors.get(0)).startsWith("Name");
    assertThat(errors.get(4)).startsWith("Ort");
    assertThat(String.join(" ", errors))
        .contains("Name", "E-Mail", "Straße", "Postleitzahl", "Ort")
        .doesNotContain("Gemarkung", "Flurstück", "Verfahren", "Entwurfsverfasser");
    assertThat(stepIndicator()).isEqualTo("Schritt 1 von 7");
    assertThat(invalid())
        .containsExactlyInAnyOrder(
            "applicant-name",
            "applicant-email",
            "applicant-street",
            "applicant-postalCode",
            "applicant-city");
    browsers.screenshot(citizen, "enter-on-empty-step1");
    browsers.accessible(citizen, "bauantrag.html: Schritt 1, Enter ohne Angaben");

    // a field filled in loses its error at once, the others keep theirs
    type("applicant-name", "Erika Mustermann");
    assertThat(invalid()).doesNotContain("applicant-name").contains("applicant-city");

    // e-mail and postal code are checked on this step, by the server's rules
    type("applicant-email", "erika@");
    type("applicant-street", "Lindenweg 3");
    type("applicant-postalCode", "9304");
    type("applicant-city", "Regensburg");
    enter("applicant-city");
    wait.until(d -> summary().size() == 2);
    assertThat(summary())
        .containsExactlyInAnyOrder("Keine gültige E-Mail-Adresse.", "Postleitzahl: fünf Ziffern.");
    assertThat(invalid()).containsExactlyInAnyOrder("applicant-email", "applicant-postalCode");
    assertThat(messageBeside("applicant-postalCode")).contains("Postleitzahl: fünf Ziffern.");
    browsers.screenshot(citizen, "step1-email-and-postal-code");
    browsers.accessible(citizen, "bauantrag.html: Schritt 1, E-Mail und PLZ falsch");
    type("applicant-email", "erika@buerger.test");
    type("applicant-postalCode", "93047");
    enter("applicant-postalCode");
    waitForStep(2);
    assertThat(citizen.findElement(By.id("error-summary")).isDisplayed()).isFalse();

    // 2 the builder is the applicant: no copies of the applicant's errors
    click("builder-same");
    click("next");
    waitForStep(3);

    // 3 an Architekt/in: the chamber number is marked required as soon as it is chosen
    WebElement chamberLabel = citizen.findElement(By.id("chamber-required"));
    assertThat(chamberLabel.getText()).isEqualTo("(freiwillig)");
    type("designer-name", "Max Planer");
    new Select(citizen.findElement(By.id("designer-qualification"))).selectByValue("ARCHITECT");
    wait.until(ExpectedConditions.textToBePresentInElement(chamberLabel, "(Pflichtfeld)"));
    click("designer-authorizedToSubmit");
    enter("designer-name");
    wait.until(d -> summary().size() == 1);
    assertThat(summary().get(0))
        .startsWith("Mitgliedsnummer der Architekten- oder Ingenieurekammer fehlt")
        .doesNotMatch(CODE_WORD);
    assertThat(invalid()).containsExactly("designer-chamberMembershipNumber");
    browsers.screenshot(citizen, "step3-chamber-number-required");
    browsers.accessible(citizen, "bauantrag.html: Schritt 3, Kammernummer fehlt");
    Select qualification = new Select(citizen.findElement(By.id("designer-qualification")));
    assertThat(qualification.getOptions())
        .extracting(WebElement::getText)
        .allSatisfy(o -> assertThat(o).doesNotMatch(CODE_WORD));
    qualification.selectByValue("OTHER");
    wait.until(ExpectedConditions.textToBePresentInElement(chamberLabel, "(freiwillig)"));
    qualification.selectByValue("ARCHITECT");
    type("designer-chamberMembershipNumber", "BY-12345");
    enter("designer-chamberMembershipNumber");
    waitForStep(4);

    // 4 plot; 5 project: Enter in a textarea is a new line, in a field it moves on
    new Select(citizen.findElement(By.id("plot-municipalityKey")))
        .selectByVisibleText("Gemeinde Adorf");
    type("plot-gemarkung", "Kumpfmühl");
    type("plot-parcels", "123/4");
    enter("plot-parcels");
    waitForStep(5);
    type("project-description", "Neubau eines Einfamilienhauses");
    citizen.findElement(By.id("project-description")).sendKeys(Keys.ENTER, "mit Garage");
    assertThat(stepIndicator()).isEqualTo("Schritt 5 von 7");
    click("project-measure-NEW_BUILDING");
    new Select(citizen.findElement(By.id("project-buildingClass"))).selectByValue("1");
    click("project-specialBuilding-false");
    click("project-mainlyResidential-true");
    click("procedure-SIMPLIFIED");
    assertThat(citizen.findElement(By.id("procedure")).getText()).doesNotMatch(CODE_WORD);
    type("project-buildingCosts", "350.000");
    enter("project-buildingCosts");
    waitForStep(6);

    // 6 a text file named .pdf is refused when it is chosen, not after sending
    Path fake = dir.resolve("Lageplan.pdf");
    Files.writeString(fake, "Das ist kein PDF, nur Text.", StandardCharsets.UTF_8);
    citizen.findElement(By.id("document-file")).sendKeys(fake.toString());
    WebElement problem =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("document-problem")));
    wait.until(d -> !problem.getText().isBlank());
    assertThat(problem.getText()).contains("PDF").doesNotContain("Exception", "application/");
    assertThat(citizen.findElement(By.id("document-file")).getAttribute("aria-invalid"))
        .isEqualTo("true");
    click("document-add");
    assertThat(citizen.findElement(By.id("document-list")).getText())
        .doesNotContain("Lageplan.pdf");
    browsers.screenshot(citizen, "step6-fake-pdf-refused-on-choosing");
    browsers.accessible(citizen, "bauantrag.html: Schritt 6, keine echte PDF-Datei");
    Path plan = dir.resolve("Lageplan-echt.pdf");
    Files.write(plan, PermitFixtures.pdf());
    citizen.findElement(By.id("document-file")).clear();
    citizen.findElement(By.id("document-file")).sendKeys(plan.toString());
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("document-check"), "Format und Größe sind in Ordnung"));
    assertThat(citizen.findElement(By.id("document-problem")).isDisplayed()).isFalse();
    new Select(citizen.findElement(By.id("document-kind"))).selectByValue("SITE_PLAN");
    click("document-add");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("document-list"), "Lageplan-echt.pdf – Lageplan"));
    enter("document-kind");
    waitForStep(7);

    // every Enter so far moved on or stopped at a check: nothing was sent
    assertThat(applications.count()).isEqualTo(before);
    assertThat(citizen.findElement(By.id("summary")).getText())
        .contains("Erika Mustermann", "Architekt", "Neubau eines Einfamilienhauses")
        .doesNotMatch(CODE_WORD);
    click("submit");
    WebElement code =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("access-code")));
    wait.until(d -> !code.getText().isBlank());
    assertThat(code.getText()).matches("[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}");
    assertThat(applications.count()).isEqualTo(before + 1);
    browsers.screenshot(citizen, "confirmation-with-access-code");
  }

  @Test
  void theCitizenFindsTheCaseByAktenzeichenAndAccessCodeAndDownloadsTheLetters() {
    JsonNode receipt = post(anonymous, PermitFixtures.application(), null).getBody();
    String fileNumber = receipt.get("fileNumber").asText();
    String accessCode = receipt.get("accessCode").asText();
    ProcessInstance pi =
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(fileNumber).singleResult();
    runJobs(pi);
    requestDocuments(
        pi, List.of("Baubeschreibung"), PermitFixtures.workday(LocalDate.now().plusDays(14)));

    citizen = browsers.open("citizen");
    wait = new WebDriverWait(citizen, Browsers.WAIT);
    citizen.get(base() + "/verfolgen.html");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("access-form")));
    assertThat(citizen.findElement(By.id("access-form")).getText())
        .contains("Aktenzeichen", "Zugangscode")
        .doesNotContain("Vorgangsnummer");
    browsers.accessible(citizen, "verfolgen.html: Zugang");

    // a wrong code: a German message, nothing of the case
    type("access-file-number", fileNumber);
    type("access-code", "0000-0000-0000");
    enter("access-code");
    WebElement message =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("status-message")));
    wait.until(d -> !message.getText().isBlank());
    assertThat(message.getText()).contains("Zugangscode").doesNotContain("404", "Exception");
    assertThat(citizen.findElement(By.id("status")).isDisplayed()).isFalse();
    browsers.screenshot(citizen, "tracking-wrong-code");
    browsers.accessible(citizen, "verfolgen.html: falscher Zugangscode");

    // the code as a citizen types it off the letter: lower case, no dashes
    type("access-code", accessCode.replace("-", "").toLowerCase());
    enter("access-code");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(By.id("file-number"), fileNumber));
    WebElement letters = citizen.findElement(By.id("letters"));
    wait.until(ExpectedConditions.textToBePresentInElement(letters, "Eingangsbestätigung"));
    List<WebElement> rows = letters.findElements(By.tagName("li"));
    assertThat(rows).hasSize(2);
    assertThat(letters.getText()).contains("Nachforderung").doesNotContain("wurde Ihnen zugesandt");
    browsers.screenshot(citizen, "tracking-letters");
    browsers.accessible(citizen, "verfolgen.html: Schreiben");

    rows.get(0).findElement(By.tagName("button")).click();
    byte[] pdf = browsers.downloaded(citizen, "eingangsbestaetigung.pdf");
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    assertThat(text(pdf)).contains(fileNumber, accessCode);
    assertThat(citizen.findElement(By.id("letter-problem")).isDisplayed()).isFalse();
  }

  private static String text(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      return sortedStripper().getText(document).replaceAll("\\s+", " ");
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private String base() {
    return "http://localhost:" + port;
  }

  private void type(String id, String text) {
    WebElement input = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    input.clear();
    input.sendKeys(text);
  }

  private void enter(String id) {
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id(id))).sendKeys(Keys.ENTER);
  }

  private void click(String id) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
  }

  private String stepIndicator() {
    return citizen.findElement(By.id("step-indicator")).getText().strip();
  }

  private void waitForStep(int step) {
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("step-" + step + "-heading")));
    wait.until(d -> stepIndicator().equals("Schritt " + step + " von 7"));
  }

  /** The error summary's entries, once it shows. */
  private List<String> summary() {
    WebElement box =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
    return box.findElements(By.tagName("li")).stream().map(WebElement::getText).toList();
  }

  /** The ids of the fields marked invalid on the current step. */
  private List<String> invalid() {
    return citizen.findElements(By.cssSelector("[aria-invalid='true']")).stream()
        .filter(WebElement::isDisplayed)
        .map(e -> e.getAttribute("id"))
        .toList();
  }

  /** The texts the field's aria-describedby points at (hint and error). */
  private String messageBeside(String id) {
    String describedBy = citizen.findElement(By.id(id)).getAttribute("aria-describedby");
    StringBuilder text = new StringBuilder();
    for (String ref : describedBy == null ? new String[0] : describedBy.split("\\s+")) {
      citizen.findElements(By.id(ref)).forEach(e -> text.append(e.getText()).append(' '));
    }
    return text.toString();
  }

  /** Text in reading order (line by line on the page), as a person reads the letter. */
  private static PDFTextStripper sortedStripper() throws java.io.IOException {
    PDFTextStripper stripper = new PDFTextStripper();
    stripper.setSortByPosition(true);
    return stripper;
  }
}
