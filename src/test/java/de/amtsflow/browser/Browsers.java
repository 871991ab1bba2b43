package de.amtsflow.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Real browsers for the {@code *BrowserIT} tests: Debian's Chromium, headless, driven by Debian's
 * chromedriver through Selenium. Each {@link #open(String)} is a separate browser (own cookies: a
 * citizen and a clerk do not share a session). Screenshots and the accessibility results go to
 * {@code target/browser/}.
 *
 * <p>Without Chromium the tests are skipped with a message, unless {@code
 * AMTSFLOW_BROWSER_REQUIRED=true} (set by {@code .ci/run}, which installs it): then they fail.
 */
public final class Browsers implements BeforeEachCallback, AfterEachCallback {

  public static final Path OUT = Path.of("target", "browser");
  private static final Path CHROMIUM =
      Path.of(System.getProperty("amtsflow.browser.chromium", "/usr/bin/chromium"));
  private static final Path CHROMEDRIVER =
      Path.of(System.getProperty("amtsflow.browser.chromedriver", "/usr/bin/chromedriver"));
  private static final Set<String> BLOCKING_IMPACTS = Set.of("serious", "critical");
  public static final Duration WAIT = Duration.ofSeconds(20);

  private final List<WebDriver> open = new ArrayList<>();
  private final java.util.Map<WebDriver, Path> downloads = new java.util.HashMap<>();
  private String testName = "test";
  private int shot;

  @Override
  public void beforeEach(ExtensionContext context) {
    boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    String message =
        "browser tests need " + CHROMIUM + " and " + CHROMEDRIVER + " (.ci/run installs them)";
    if (!installed && Boolean.parseBoolean(System.getenv("AMTSFLOW_BROWSER_REQUIRED"))) {
      throw new IllegalStateException(message);
    }
    Assumptions.assumeTrue(installed, message);
    testName =
        context.getRequiredTestClass().getSimpleName()
            + "-"
            + context.getRequiredTestMethod().getName();
    shot = 0;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    if (context.getExecutionException().isPresent()) {
      for (int i = 0; i < open.size(); i++) {
        screenshot(open.get(i), "failure-browser" + (i + 1));
      }
    }
    open.forEach(WebDriver::quit);
    open.clear();
    downloads.clear();
  }

  /** A new browser window for one person, e.g. "citizen" or "bauamt". */
  public WebDriver open(String who) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments(
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-dev-shm-usage",
        "--no-first-run",
        "--window-size=1366,1000",
        "--lang=de-DE");
    // downloads land in target/browser/downloads/<test>-<who>/, without a prompt
    Path downloadDir = OUT.resolve("downloads").resolve(testName + "-" + who).toAbsolutePath();
    try {
      Files.createDirectories(downloadDir);
      try (var stale = Files.list(downloadDir)) {
        for (Path old : stale.toList()) {
          Files.delete(old); // an earlier run's file must not pass for this run's download
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    options.setExperimentalOption(
        "prefs",
        java.util.Map.of(
            "download.default_directory", downloadDir.toString(),
            "download.prompt_for_download", false,
            "download.directory_upgrade", true));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(CHROMEDRIVER.toFile())
            .usingAnyFreePort()
            .build();
    ChromeDriver driver = new ChromeDriver(service, options);
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    open.add(driver);
    downloads.put(driver, downloadDir);
    return driver;
  }

  /** The folder where this browser's downloads land. */
  public Path downloads(WebDriver driver) {
    return downloads.get(driver);
  }

  /** Waits until the browser has finished downloading {@code fileName}, returns its bytes. */
  public byte[] downloaded(WebDriver driver, String fileName) {
    Path file = downloads(driver).resolve(fileName);
    Path partial = downloads(driver).resolve(fileName + ".crdownload");
    new org.openqa.selenium.support.ui.WebDriverWait(driver, WAIT)
        .withMessage("download of " + fileName + " into " + downloads(driver))
        .until(d -> Files.isRegularFile(file) && !Files.exists(partial));
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Saves a PNG of the window as {@code target/browser/<Test>-<method>-NN-<step>.png}. */
  public Path screenshot(WebDriver driver, String step) {
    try {
      Files.createDirectories(OUT);
      File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
      Path target = OUT.resolve(String.format("%s-%02d-%s.png", testName, ++shot, step));
      Files.copy(png.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Runs axe-core (WCAG 2.1 A/AA rules) on the page as it is now, records every violation in {@code
   * target/browser/axe-results.tsv}, and fails on a serious or critical one.
   */
  public Results accessible(WebDriver driver, String state) {
    return accessible(driver, state, List.of());
  }

  /**
   * Like {@link #accessible(WebDriver, String)}, limited to the parts of the page that match these
   * CSS selectors: in Tasklist what amtsflow puts there (the task form, our refusal), not Camunda's
   * own frame, which is not ours to change.
   */
  public Results accessible(WebDriver driver, String state, List<String> within) {
    AxeBuilder axe =
        new AxeBuilder()
            .withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"));
    within.forEach(axe::include);
    Results results = axe.analyze(driver);
    List<Rule> violations = results.getViolations();
    record(state, driver.getCurrentUrl(), results);
    List<String> blocking =
        violations.stream()
            .filter(rule -> BLOCKING_IMPACTS.contains(rule.getImpact()))
            .map(Browsers::describe)
            .toList();
    assertThat(blocking).as("serious/critical axe violations on %s", state).isEmpty();
    return results;
  }

  private static String describe(Rule rule) {
    return rule.getImpact()
        + " "
        + rule.getId()
        + ": "
        + rule.getHelp()
        + " at "
        + rule.getNodes().stream()
            .map(CheckedNode::getTarget)
            .map(String::valueOf)
            .collect(Collectors.joining(", "));
  }

  private void record(String state, String url, Results results) {
    try {
      Files.createDirectories(OUT);
      Path file = OUT.resolve("axe-results.tsv");
      if (!Files.exists(file)) {
        Files.writeString(file, "state\turl\tpasses\tviolations\tserious_or_critical\tdetails\n");
      }
      List<Rule> violations = results.getViolations();
      long blocking =
          violations.stream().filter(r -> BLOCKING_IMPACTS.contains(r.getImpact())).count();
      String details =
          violations.stream()
              .map(r -> r.getImpact() + ":" + r.getId())
              .collect(Collectors.joining(" "));
      Files.writeString(
          file,
          String.join(
                  "\t",
                  state,
                  url,
                  String.valueOf(results.getPasses().size()),
                  String.valueOf(violations.size()),
                  String.valueOf(blocking),
                  details)
              + "\n",
          StandardOpenOption.APPEND);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
