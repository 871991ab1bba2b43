package de.amtsflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsflow.invoice.LeitwegId.Status;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Every file of the shared e-invoice corpus, judged by every rule set release: the 86 files of
 * KoSIT's XRechnung testsuite are valid, every other file gets the verdict and error rule ids of
 * src/test/resources/invoice/corpus-expectations-&lt;release&gt;.tsv, whose last column says why we
 * differ from the upstream label, from Mustang or from the release before, where we do. Runs only
 * with {@code -Damtsflow.corpus.dir=../shared/corpus/einvoice}: the project's own tests do not need
 * ../shared.
 */
@EnabledIfSystemProperty(named = "amtsflow.corpus.dir", matches = ".+")
class EInvoiceCorpusTest {

  private static final String TESTSUITE = "xrechnung-testsuite/";

  private static final InvoiceValidator VALIDATOR = new InvoiceValidator();

  private record Expectation(String verdict, Set<String> rules, String why) {}

  private static Path corpus() {
    return Path.of(System.getProperty("amtsflow.corpus.dir"));
  }

  private static List<String> indexedPaths() throws IOException {
    try (Stream<String> lines = Files.lines(corpus().resolve("INDEX.tsv"))) {
      return lines.skip(1).filter(l -> !l.isBlank()).map(l -> l.split("\t")[0]).toList();
    }
  }

  private static Map<String, Expectation> expectations(String release) throws IOException {
    Map<String, Expectation> result = new LinkedHashMap<>();
    String name = "/invoice/corpus-expectations-" + release + ".tsv";
    try (InputStream in = EInvoiceCorpusTest.class.getResourceAsStream(name)) {
      assertThat(in).as("%s for release %s", name, release).isNotNull();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        if (line.isBlank() || line.startsWith("#")) {
          continue;
        }
        String[] c = line.split("\t", -1);
        Set<String> rules =
            c[2].isEmpty()
                ? Set.of()
                : Arrays.stream(c[2].split(",")).collect(Collectors.toCollection(TreeSet::new));
        result.put(c[0], new Expectation(c[1], rules, c[3]));
      }
    }
    return result;
  }

  @Test
  void everyIndexedFileHasAnExpectationPerReleaseAndNoneIsStale() throws IOException {
    List<String> others = indexedPaths().stream().filter(p -> !p.startsWith(TESTSUITE)).toList();

    for (RuleSetRelease release : VALIDATOR.releases()) {
      assertThat(expectations(release.id()).keySet())
          .as(release.id())
          .containsExactlyInAnyOrderElementsOf(others);
    }
    assertThat(indexedPaths().stream().filter(p -> p.startsWith(TESTSUITE))).hasSize(86);
  }

  @TestFactory
  Stream<DynamicContainer> everyFileGetsItsExpectedVerdictFromEveryRelease() throws IOException {
    List<DynamicContainer> releases = new java.util.ArrayList<>();
    for (RuleSetRelease release : VALIDATOR.releases()) {
      Map<String, Expectation> expected = expectations(release.id());
      releases.add(
          DynamicContainer.dynamicContainer(
              release.id(),
              indexedPaths().stream()
                  .map(
                      path ->
                          DynamicTest.dynamicTest(
                              path,
                              () -> {
                                byte[] content = Files.readAllBytes(corpus().resolve(path));
                                Expectation e =
                                    path.startsWith(TESTSUITE)
                                        ? new Expectation(
                                            "VALID", Set.of(), "KoSIT positive test case")
                                        : expected.get(path);
                                check(path, content, release, e);
                              }))));
    }
    return releases.stream();
  }

  private static void check(String path, byte[] content, RuleSetRelease release, Expectation e) {
    if ("UNSUPPORTED".equals(e.verdict())) {
      assertThatThrownBy(() -> VALIDATOR.validate(content, release))
          .as(path)
          .isInstanceOfSatisfying(
              UnsupportedInvoiceFormatException.class,
              x -> assertThat(x.reason().name()).isEqualTo(e.rules().iterator().next()));
      return;
    }
    ValidationResult result = VALIDATOR.validate(content, release);
    Set<String> rules =
        result.errors().stream()
            .map(RuleViolation::rule)
            .collect(Collectors.toCollection(TreeSet::new));
    assertThat(result.valid())
        .as("%s: %s", path, result.errors())
        .isEqualTo(e.verdict().equals("VALID"));
    assertThat(rules).as(path).isEqualTo(e.rules());
  }

  @Test
  void leitwegIdsOfTheTestsuiteRouteButDoNotInvalidate() throws IOException {
    InvoiceExtractor extractor = new InvoiceExtractor();
    Map<Status, Integer> statuses = new EnumMap<>(Status.class);
    for (String path : indexedPaths().stream().filter(p -> p.startsWith(TESTSUITE)).toList()) {
      byte[] content = Files.readAllBytes(corpus().resolve(path));
      statuses.merge(extractor.extract(content).leitwegId().status(), 1, Integer::sum);
    }

    // 99000000-01944-98 (2x), 99000000-05676-98 (2x), 04011000-12345-34 fail the check digits, one
    // file carries the text "Leitweg-ID"; all of them are valid invoices (see the factory above)
    assertThat(statuses)
        .containsEntry(Status.CHECK_DIGITS_FAILED, 5)
        .containsEntry(Status.MALFORMED, 1)
        .containsEntry(Status.VALID, 80)
        .doesNotContainKey(Status.MISSING);
  }

  /**
   * The extracted gross total (BT-112) of every testsuite file equals the amount written in the
   * file, read here independently of the extractor's XPath with a plain pattern.
   */
  @Test
  void extractedTotalsMatchTheTestsuiteFiles() throws IOException {
    InvoiceExtractor extractor = new InvoiceExtractor();
    java.util.regex.Pattern gross =
        java.util.regex.Pattern.compile(
            "<(?:cbc:TaxInclusiveAmount|ram:GrandTotalAmount)[^>]*>\\s*([-0-9.]+)\\s*<");
    int checked = 0;
    for (String path : indexedPaths().stream().filter(p -> p.startsWith(TESTSUITE)).toList()) {
      byte[] content = Files.readAllBytes(corpus().resolve(path));
      java.util.regex.Matcher m =
          gross.matcher(new String(content, java.nio.charset.StandardCharsets.UTF_8));
      assertThat(m.find()).as("%s has a gross total", path).isTrue();
      assertThat(extractor.extract(content).totals().gross())
          .as(path)
          .isEqualByComparingTo(new java.math.BigDecimal(m.group(1)));
      checked++;
    }
    assertThat(checked).isEqualTo(86);
  }
}
