package de.amtsflow.web;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsflow.AbstractHttpTest;
import de.amtsflow.browser.Browsers;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every public page, in the states a citizen or supplier meets that the process tests do not reach
 * (empty, refused, wrong link), checked by axe-core; and the Bauantrag form shows the server's
 * validation message next to the field it names, with an error summary that leads there.
 */
class PublicPagesBrowserIT extends AbstractHttpTest {

  @RegisterExtension final Browsers browsers = new Browsers();

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  @Test
  void everyPublicPageIsAccessible() {
    WebDriver browser = browsers.open("citizen");
    WebDriverWait wait = new WebDriverWait(browser, Browsers.WAIT);

    browser.get(url("/"));
    assertThat(browser.getTitle()).contains("amtsflow");
    assertThat(browser.findElement(By.tagName("main")).getText())
        .contains("Bauantrag stellen", "Antrag verfolgen", "E-Rechnung einreichen");
    browsers.screenshot(browser, "start");
    browsers.accessible(browser, "index.html");

    browser.get(url("/verfolgen.html"));
    browsers.screenshot(browser, "tracking-without-link");
    browsers.accessible(browser, "verfolgen.html: ohne Link");

    browser.get(url("/verfolgen.html#antrag=" + UUID.randomUUID() + "&code=falsch"));
    browser.navigate().refresh();
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("inhalt"), "Kein Antrag"));
    browsers.screenshot(browser, "tracking-wrong-link");
    browsers.accessible(browser, "verfolgen.html: falscher Link");

    browser.get(url("/rechnung.html"));
    browsers.screenshot(browser, "invoice-upload");
    browsers.accessible(browser, "rechnung.html");

    browser.get(url("/akte.html#efile=" + UUID.randomUUID()));
    browser.navigate().refresh();
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("efile-message"), "Aufgabenliste"));
    browsers.screenshot(browser, "efile-without-login");
    browsers.accessible(browser, "akte.html: ohne Anmeldung");
  }

  @Test
  void theServersValidationMessageStandsNextToTheField() {
    WebDriver browser = browsers.open("citizen");
    WebDriverWait wait = new WebDriverWait(browser, Browsers.WAIT);
    browser.get(url("/bauantrag.html"));

    // "Weiter" with nothing filled in: the form says what is missing, before anything is sent
    wait.until(ExpectedConditions.elementToBeClickable(By.id("next"))).click();
    WebElement summary =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error-summary")));
    assertThat(summary.getText()).contains("Bitte korrigieren");
    browsers.screenshot(browser, "form-missing-fields");
    browsers.accessible(browser, "bauantrag.html: Pflichtfelder fehlen");

    // a Flurstück the server refuses ("12a"), everything else right
    type(browser, "applicant-name", "Erika Mustermann");
    type(browser, "applicant-email", "erika@buerger.test");
    type(browser, "applicant-street", "Lindenweg 3");
    type(browser, "applicant-postalCode", "93047");
    type(browser, "applicant-city", "Regensburg");
    next(browser, "builder-same");
    click(browser, "builder-same");
    next(browser, "designer-name");
    type(browser, "designer-name", "Max Planer");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("designer-qualification")))
        .selectByValue("ARCHITECT");
    type(browser, "designer-chamberMembershipNumber", "BY-12345");
    click(browser, "designer-authorizedToSubmit");
    next(browser, "plot-gemarkung");
    new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("plot-municipalityKey")))
        .selectByVisibleText("Gemeinde Adorf");
    type(browser, "plot-gemarkung", "Kumpfmühl");
    type(browser, "plot-parcels", "12a");
    // leaving the step asks the server, which applies the submit's own rules
    click(browser, "next");

    // still at the plot step: the message next to the field, the summary links to it
    WebElement parcels =
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("plot-parcels")));
    wait.until(ExpectedConditions.attributeToBe(parcels, "aria-invalid", "true"));
    String describedBy = parcels.getAttribute("aria-describedby");
    assertThat(describedBy).isNotBlank();
    String messages =
        java.util.Arrays.stream(describedBy.split("\\s+"))
            .map(id -> browser.findElements(By.id(id)))
            .flatMap(java.util.List::stream)
            .map(WebElement::getText)
            .reduce("", String::concat);
    assertThat(messages).contains("Flurstücksnummer wie 123 oder 123/4");
    assertThat(browser.findElement(By.id("error-summary")).getText())
        .contains("Flurstücksnummer wie 123 oder 123/4");
    browsers.screenshot(browser, "form-server-refused-parcel");
    browsers.accessible(browser, "bauantrag.html: Server-Fehlermeldung am Feld");
    // nothing was filed
    assertThat(browser.findElements(By.id("file-number"))).allMatch(e -> !e.isDisplayed());
  }

  private static void type(WebDriver browser, String id, String text) {
    WebElement input =
        new WebDriverWait(browser, Browsers.WAIT)
            .until(ExpectedConditions.visibilityOfElementLocated(By.id(id)));
    input.clear();
    input.sendKeys(text);
  }

  private static void click(WebDriver browser, String id) {
    new WebDriverWait(browser, Browsers.WAIT)
        .until(ExpectedConditions.elementToBeClickable(By.id(id)))
        .click();
  }

  private static void next(WebDriver browser, String nextStepField) {
    click(browser, "next");
    new WebDriverWait(browser, Browsers.WAIT)
        .until(ExpectedConditions.visibilityOfElementLocated(By.id(nextStepField)));
  }
}
