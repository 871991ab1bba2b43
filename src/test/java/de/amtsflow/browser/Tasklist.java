package de.amtsflow.browser;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Camunda Tasklist as a clerk uses it: log in, pick a filter, open a task, claim it, fill its
 * Camunda Form by the labels the clerk reads, complete it. Waits are explicit (no sleeping).
 */
public final class Tasklist {

  /**
   * What amtsflow puts into Tasklist (for axe): the Camunda Form and a refusal above its buttons.
   */
  public static final List<String> OUR_PARTS = List.of("form.fjs-form", ".amtsflow-refusal");

  private final WebDriver driver;
  private final WebDriverWait wait;
  private final String base;

  public Tasklist(WebDriver driver, int port) {
    this.driver = driver;
    this.wait = new WebDriverWait(driver, Browsers.WAIT);
    this.base = "http://localhost:" + port;
  }

  public Tasklist login(String user, String password) {
    driver.get(base + "/camunda/app/tasklist/");
    wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[ng-model=username]")))
        .sendKeys(user);
    driver.findElement(By.cssSelector("input[ng-model=password]")).sendKeys(password);
    driver.findElement(By.cssSelector("button[type=submit]")).click();
    wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".tasks-list")));
    return this;
  }

  /** The names of the filters in the left column. */
  public List<String> filters() {
    By filterLinks = By.cssSelector("[cam-tasklist-filters] .task-filter h4.name a");
    wait.until(ExpectedConditions.presenceOfElementLocated(filterLinks));
    return driver.findElements(filterLinks).stream()
        .map(WebElement::getText)
        .map(t -> t.replaceAll("\\s*\\(\\d+\\)$", "").strip())
        .filter(t -> !t.isEmpty())
        .toList();
  }

  /**
   * Selects the filter and opens the task of that name, waiting until it is listed (a process may
   * still be on its way there); the list is reloaded while waiting.
   */
  public Tasklist open(String filter, String taskName) {
    return open(filter, taskName, "");
  }

  /**
   * Like {@link #open(String, String)}, for the card of this task name whose text contains {@code
   * cardText} (the Aktenzeichen, say).
   */
  public Tasklist open(String filter, String taskName, String cardText) {
    By item =
        By.xpath(
            "//*[contains(@class,'tasks-list')]//li[contains(@class,'task')][contains(normalize-space(.),'"
                + cardText
                + "')]//h4/a[normalize-space(.)='"
                + taskName
                + "']");
    wait.until(
        d -> {
          clickFilter(filter);
          return !d.findElements(item).isEmpty();
        });
    wait.until(ExpectedConditions.elementToBeClickable(item)).click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".fjs-form")));
    wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("[cam-tasklist-task] h2, .task-details h2"), taskName));
    return this;
  }

  /** The texts of all cards the list shows now. */
  public List<String> allCards() {
    return driver
        .findElements(By.xpath("//*[contains(@class,'tasks-list')]//li[contains(@class,'task')]"))
        .stream()
        .map(e -> e.getText().replaceAll("\\s+", " "))
        .toList();
  }

  /** The texts of the cards in a filter's list with this task name (what a clerk scans). */
  public List<String> cards(String filter, String taskName) {
    By card =
        By.xpath(
            "//*[contains(@class,'tasks-list')]//li[contains(@class,'task')][.//h4/a[normalize-space(.)='"
                + taskName
                + "']]");
    wait.until(
        d -> {
          clickFilter(filter);
          return !d.findElements(card).isEmpty();
        });
    return driver.findElements(card).stream()
        .map(e -> e.getText().replaceAll("\\s+", " "))
        .toList();
  }

  private void clickFilter(String filter) {
    By link =
        By.xpath(
            "//*[@cam-tasklist-filters]//*[contains(@class,'task-filter')]//h4//a[starts-with("
                + "normalize-space(.),'"
                + filter
                + "')]");
    wait.until(ExpectedConditions.elementToBeClickable(link)).click();
  }

  /** Claims the open task when it is not yet the clerk's. */
  public Tasklist claim() {
    List<WebElement> claim = driver.findElements(By.cssSelector("button.claim"));
    if (!claim.isEmpty() && claim.get(0).isDisplayed()) {
      claim.get(0).click();
      wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("button.claim")));
    }
    return this;
  }

  /** Hands the open task back to the group (the × next to one's own name). */
  public Tasklist unclaim() {
    centered(wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("button.unclaim"))))
        .click();
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("button.claim")));
    return this;
  }

  /** The value a read-only field of the form shows, by its label. */
  public String value(String label) {
    return field(label).getAttribute("value");
  }

  /** Ticks the radio button or checkbox with this label. */
  public Tasklist choose(String label) {
    WebElement option =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//form[contains(@class,'fjs-form')]//label[normalize-space(.)='"
                        + label
                        + "']")));
    centered(option).click();
    return this;
  }

  /** What the select with this label shows while nothing is chosen (its placeholder). */
  public String selectDisplay(String label) {
    return centered(selectGroup(label))
        .findElement(By.cssSelector(".fjs-select-display"))
        .getText()
        .strip();
  }

  /** Picks the option with this text in the select with this label. */
  public Tasklist select(String label, String option) {
    WebElement group = centered(selectGroup(label));
    group.findElement(By.cssSelector(".fjs-select-display")).click();
    wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//*[contains(@class,'fjs-dropdownlist-item') and normalize-space(.)='"
                        + option
                        + "']")))
        .click();
    wait.until(
        d ->
            selectGroup(label)
                .findElement(By.cssSelector(".fjs-select-display"))
                .getText()
                .strip()
                .equals(option));
    return this;
  }

  private WebElement selectGroup(String label) {
    return wait.until(
        ExpectedConditions.visibilityOfElementLocated(
            By.xpath(
                "//form[contains(@class,'fjs-form')]//label[starts-with(normalize-space(.),'"
                    + label
                    + "')]/following::*[contains(@class,'fjs-input-group')][1]")));
  }

  /** The validation message form-js shows under the field with this label, once left. */
  public String fieldError(String label) {
    field(label).sendKeys(Keys.TAB);
    return wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath(
                    "//form[contains(@class,'fjs-form')]//label[starts-with(normalize-space(.),'"
                        + label
                        + "')]/ancestor::*[contains(@class,'fjs-form-field')][1]"
                        + "//*[contains(@class,'fjs-form-field-error')]")))
        .getText()
        .strip();
  }

  /**
   * Opens the date picker of the field with this label and returns what the clerk reads: the
   * field's placeholder, the month shown, the weekday header; runs {@code whileOpen} (a screenshot)
   * and closes it again with Escape.
   */
  public List<String> datePicker(String label, Runnable whileOpen) {
    WebElement input = centered(field(label));
    String placeholder = input.getAttribute("placeholder");
    input.click();
    WebElement calendar =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".flatpickr-calendar.open")));
    String month =
        calendar
            .findElement(By.cssSelector(".flatpickr-monthDropdown-months option:checked"))
            .getText();
    String weekdays =
        calendar.findElements(By.cssSelector(".flatpickr-weekday")).stream()
            .map(e -> e.getText().strip())
            .reduce((a, b) -> a + " " + b)
            .orElse("");
    whileOpen.run();
    input.sendKeys(Keys.ESCAPE);
    wait.until(
        ExpectedConditions.invisibilityOfElementLocated(
            By.cssSelector(".flatpickr-calendar.open")));
    return List.of(placeholder, month, weekdays);
  }

  /** Types into the text field or text area with this label. */
  public Tasklist type(String label, String text) {
    WebElement input = centered(field(label));
    input.clear();
    input.sendKeys(text);
    return this;
  }

  /** Enters a date into the date field with this label, as a German clerk types it (TT.MM.JJJJ). */
  public Tasklist date(String label, java.time.LocalDate date) {
    WebElement input = centered(field(label));
    input.click();
    input.sendKeys(
        String.format("%02d.%02d.%d", date.getDayOfMonth(), date.getMonthValue(), date.getYear()));
    input.sendKeys(Keys.ENTER);
    input.sendKeys(Keys.TAB);
    return this;
  }

  /** The links of the form's texts: their text and target. */
  public List<WebElement> formLinks() {
    return driver.findElements(By.cssSelector(".fjs-form a[href^='/']"));
  }

  /** Scrolls the element to the middle of the window, clear of Tasklist's fixed footer. */
  private WebElement centered(WebElement element) {
    ((JavascriptExecutor) driver)
        .executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    return element;
  }

  private WebElement field(String label) {
    WebElement labelElement =
        wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath(
                    "//form[contains(@class,'fjs-form')]//label[starts-with(normalize-space(.),'"
                        + label
                        + "')]")));
    return driver.findElement(By.id(labelElement.getAttribute("for")));
  }

  /** Presses "Abschließen". */
  public Tasklist complete() {
    WebElement button =
        wait.until(
            ExpectedConditions.elementToBeClickable(
                By.xpath(
                    "//button[contains(@class,'btn-primary') and normalize-space(.)="
                        + "'Abschließen']")));
    centered(button).click();
    return this;
  }

  /** Waits until the task is done: Tasklist closes it and asks to pick another one. */
  public Tasklist awaitCompleted() {
    wait.until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".fjs-form")));
    return this;
  }

  /**
   * Waits for a refusal shown inside the task form, above "Abschließen"
   * (scripts/amtsflow-forms.js), checks that no toast covers the buttons, and returns the refusal's
   * text.
   */
  public String awaitRefusal() {
    String text =
        wait.until(
                ExpectedConditions.visibilityOfElementLocated(
                    By.cssSelector("[role=alert].amtsflow-refusal")))
            .getText();
    wait.withMessage(
            () ->
                "a toast still covers the buttons: "
                    + ((JavascriptExecutor) driver)
                        .executeScript(
                            "const n = document.querySelector('.page-notifications');"
                                + " return n && n.outerHTML;"))
        .until(
            ExpectedConditions.invisibilityOfElementLocated(
                By.cssSelector(".page-notifications .alert-danger")));
    // it stands right before the buttons
    if (driver
        .findElements(
            By.xpath(
                "//*[contains(@class,'amtsflow-refusal')]/following-sibling::*[1]"
                    + "[contains(@class,'form-actions')]"))
        .isEmpty()) {
      throw new AssertionError("the refusal is not shown right above the form's buttons");
    }
    return text;
  }

  /** Waits for Tasklist's error notification and returns its text. */
  public String awaitError() {
    return wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector(".page-notifications .alert-danger")))
        .getText();
  }
}
