package de.amtsflow.permit;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsflow.browser.Browsers;
import de.amtsflow.browser.Tasklist;
import de.amtsflow.efile.Document;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Rectangle;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A clerk and a closed case in a real browser: {@code bauamt}, logged into Tasklist, opens the
 * e-file page without a link, finds the approved permit by its Aktenzeichen (Cockpit CE would no
 * longer show it), reads who filed each document and its kind in German, and the case's Verlauf
 * with the German task names and who completed them; on a desktop and on a phone (375 × 740).
 */
class AkteBrowserIT extends AbstractPermitTest {

  @RegisterExtension final Browsers browsers = new Browsers();

  private WebDriver clerk;
  private WebDriverWait wait;

  @Test
  void aClerkFindsAClosedCaseByItsAktenzeichenAndReadsItsHistory() {
    Closed closed = approvedAfterNachforderung();
    String fileNumber = closed.application().fileNumber();
    List<Document> documents = documents(closed.application());

    clerk = browsers.open("bauamt");
    wait = new WebDriverWait(clerk, Browsers.WAIT);
    new Tasklist(clerk, port).login("bauamt", "bauamt");
    clerk.get("http://localhost:" + port + "/akte.html");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("search-number")));
    browsers.screenshot(clerk, "akte-suchen");
    browsers.accessible(clerk, "akte.html: Akte suchen");

    // a number that does not exist is said next to the field
    search("BAU-1999-999999");
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.id("search"), "Keine Akte mit dem Aktenzeichen „BAU-1999-999999“ gefunden."));
    browsers.accessible(clerk, "akte.html: Aktenzeichen nicht gefunden");

    // as typed by hand: lower case, blanks
    search("  " + fileNumber.toLowerCase() + " ");
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline li")));
    assertThat(clerk.findElement(By.id("efile-title")).getText()).isEqualTo("E-Akte " + fileNumber);
    assertThat(clerk.getCurrentUrl()).endsWith("#efile=" + closed.application().efileId());
    assertThat(clerk.findElement(By.id("efile-facts")).getText()).contains("geschlossen");

    // every document: its kind in German and who filed it
    assertThat(row(documents, "Einvernehmen der Gemeinde (§ 36 BauGB)").getText())
        .contains("Stellungnahme", "Georg Gemeinde (gemeinde)");
    assertThat(row(documents, "Stellungnahme Wasserwirtschaftsamt").getText())
        .contains("Stellungnahme", "Franziska Fachstelle (fachstelle)");
    assertThat(row(documents, "Baubeschreibung").getText())
        .contains("Baubeschreibung", "Antragsteller/in (online)");
    assertThat(row(documents, "Gebührenbescheid").getText())
        .contains("Gebührenbescheid", "Bauaufsicht (automatisch)");
    assertThat(clerk.findElement(By.id("documents")).getText()).contains("Eingestellt von");
    assertThat(clerk.findElements(By.cssSelector("#documents td[data-label='Art']")))
        .extracting(WebElement::getText)
        .hasSize(documents.size())
        .doesNotContain("Sonstiges")
        // German words, not the e-file's codes (fee-notice, statement)
        .allSatisfy(kind -> assertThat(kind).doesNotMatch("[a-z-]+"));

    // the Verlauf: the German task names, who completed them, what they decided, in order
    List<String> steps =
        clerk.findElements(By.cssSelector("#timeline li")).stream()
            .map(WebElement::getText)
            .toList();
    assertThat(steps)
        .anySatisfy(
            s ->
                assertThat(s)
                    .contains("Vollständigkeit prüfen", "unvollständig – nachgefordert")
                    .contains("Erledigt von: Berta Bauamt (bauamt)"))
        // the Einvernehmen is the Gemeinde's own process (its tenant): the Bauaufsicht's Verlauf
        // shows the statement it filed, with who gave it
        .anySatisfy(
            s ->
                assertThat(s)
                    .contains("Dokument eingestellt: Einvernehmen der Gemeinde (§ 36 BauGB)")
                    .contains("Eingestellt von: Georg Gemeinde (gemeinde)"))
        .anySatisfy(
            s ->
                assertThat(s)
                    .contains("Über den Bauantrag entscheiden", "genehmigt")
                    .contains("Erledigt von: Berta Bauamt (bauamt)"))
        .allSatisfy(s -> assertThat(s).containsPattern("^\\d{2}\\.\\d{2}\\.\\d{4}, \\d{2}:\\d{2}"));
    assertThat(String.join("\n", steps))
        .containsSubsequence(
            "Bauantrag eingegangen",
            "Unterlagen nachgereicht",
            "Dokument eingestellt: Einvernehmen der Gemeinde (§ 36 BauGB)",
            "Stellungnahme abgeben",
            "Über den Bauantrag entscheiden",
            "Verfahren abgeschlossen");
    // on a desktop the table stays inside the page's column
    assertThat(
            ((Number)
                    ((JavascriptExecutor) clerk)
                        .executeScript(
                            "const t = document.getElementById('documents').getBoundingClientRect();"
                                + " const m = document.querySelector('main').getBoundingClientRect();"
                                + " return Math.ceil(t.right - m.right);"))
                .longValue())
        .as("documents table sticking out of <main> (px)")
        .isLessThanOrEqualTo(0);
    browsers.screenshot(clerk, "akte-desktop");
    browsers.accessible(clerk, "akte.html: geschlossene Akte mit Verlauf");

    // a phone: nothing to scroll sideways, every document readable as a card
    ((HasCdp) clerk)
        .executeCdpCommand(
            "Emulation.setDeviceMetricsOverride",
            Map.of("width", 375, "height", 740, "deviceScaleFactor", 1, "mobile", true));
    clerk.navigate().refresh();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#timeline li")));
    JavascriptExecutor js = (JavascriptExecutor) clerk;
    long viewport = ((Number) js.executeScript("return window.innerWidth")).longValue();
    assertThat(viewport).isEqualTo(375);
    assertThat(
            ((Number) js.executeScript("return document.documentElement.scrollWidth")).longValue())
        .isLessThanOrEqualTo(viewport);
    for (Document document : documents) {
      WebElement card = row(documents, document.title());
      js.executeScript("arguments[0].scrollIntoView({block: 'center'})", card);
      for (String column : List.of("Art", "Fassung", "Eingestellt von")) {
        WebElement cell = card.findElement(By.cssSelector("td[data-label='" + column + "']"));
        assertThat(cell.isDisplayed()).as("%s of %s", column, document.title()).isTrue();
        Rectangle box = cell.getRect();
        assertThat(box.getX()).as("%s of %s", column, document.title()).isNotNegative();
        assertThat(box.getX() + box.getWidth()).isLessThanOrEqualTo((int) viewport);
        // the column's name stands before the value, as the table head is gone
        assertThat(
                js.executeScript("return getComputedStyle(arguments[0], '::before').content", cell))
            .isEqualTo("\"" + column + "\"");
      }
      assertThat(cell(card, "Fassung")).isEqualTo(String.valueOf(document.version()));
      assertThat(cell(card, "Art")).isNotBlank().isNotEqualTo("Sonstiges");
      assertThat(cell(card, "Eingestellt von")).isNotBlank().isNotEqualTo(document.createdBy());
    }
    js.executeScript(
        "arguments[0].scrollIntoView({block: 'start'})",
        clerk.findElement(By.id("efile-documents")));
    browsers.screenshot(clerk, "akte-375px-dokumente");
    js.executeScript(
        "arguments[0].scrollIntoView({block: 'start'})",
        clerk.findElement(By.id("efile-timeline")));
    browsers.screenshot(clerk, "akte-375px-verlauf");
    browsers.accessible(clerk, "akte.html: 375 px");
  }

  private static String cell(WebElement card, String column) {
    return card.findElement(By.cssSelector("td[data-label='" + column + "']")).getText().strip();
  }

  private void search(String number) {
    WebElement input = clerk.findElement(By.id("search-number"));
    input.clear();
    input.sendKeys(number);
    clerk.findElement(By.id("search-submit")).click();
  }

  private WebElement row(List<Document> documents, String title) {
    Document document =
        documents.stream().filter(d -> d.title().equals(title)).findFirst().orElseThrow();
    return clerk.findElement(By.id("document-" + document.id()));
  }
}
