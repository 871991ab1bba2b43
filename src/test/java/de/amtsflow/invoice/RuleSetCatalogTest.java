package de.amtsflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Rule set releases as data: validity by receipt date, pinning, an operator's drop-in folder. */
class RuleSetCatalogTest {

  private static final Path SHIPPED = Path.of("src/main/resources/einvoice-rules/2026-01-31");
  private static final Clock CLOCK = Clock.system(ZoneId.of("Europe/Berlin"));

  @Test
  void theShippedReleasesFollowEachOtherWithoutGap() {
    InvoiceValidator validator = new InvoiceValidator();

    assertThat(validator.releases())
        .extracting(RuleSetRelease::id, RuleSetRelease::validFrom, RuleSetRelease::validUntil)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "2025-07-10", LocalDate.of(2025, 7, 10), LocalDate.of(2026, 1, 30)),
            org.assertj.core.groups.Tuple.tuple("2026-01-31", LocalDate.of(2026, 1, 31), null));
    assertThat(validator.inForce(LocalDate.of(2026, 1, 30)).id()).isEqualTo("2025-07-10");
    assertThat(validator.inForce(LocalDate.of(2026, 1, 31)).id()).isEqualTo("2026-01-31");
    // before the first release the first judges: nothing is left without rules
    assertThat(validator.inForce(LocalDate.of(2020, 1, 1)).id()).isEqualTo("2025-07-10");
    // every KoSIT scenario is there, with its re-levelled rules
    RuleSetRelease current = validator.inForce(LocalDate.of(2026, 12, 3));
    assertThat(current.scenarios()).hasSize(11);
    assertThat(current.scenarios().get(5).name()).isEqualTo("EN16931 XRechnung (CII)");
    assertThat(current.scenarios().get(5).customLevels())
        .containsEntry("CII-SR-452", Scenario.Level.ERROR)
        .containsEntry("BR-CL-23", Scenario.Level.WARNING);
  }

  @Test
  void aPinnedReleaseJudgesEveryDate() {
    InvoiceValidator validator =
        new InvoiceValidator(new RuleSetProperties(null, "2025-07-10"), CLOCK);

    ValidationResult result =
        validator.validate(
            Fixtures.read("mustangproject/invalidXRV30.xml"), LocalDate.of(2026, 12, 3));

    assertThat(result.ruleSetRelease()).isEqualTo("2025-07-10");
    assertThat(result.errors()).extracting(RuleViolation::rule).contains("PEPPOL-EN16931-R001");
  }

  @Test
  void anUnknownPinStopsTheStartWithTheKnownReleases() {
    assertThatThrownBy(() -> new InvoiceValidator(new RuleSetProperties(null, "2030-01-01"), CLOCK))
        .hasMessageContaining("'2030-01-01', which is no known release")
        .hasMessageContaining("2025-07-10")
        .hasMessageContaining("2026-01-31");
  }

  /**
   * An operator drops KoSIT's next release into the folder, no rebuild: here the current one under
   * a later date, whose scenarios all demote BR-DE-15 to a warning. From its first day it judges.
   */
  @Test
  void aReleaseDroppedIntoTheFolderJudgesFromItsDate(@TempDir Path dir) throws IOException {
    Path release = dir.resolve("2027-01-15");
    copy(SHIPPED, release);
    Files.delete(release.resolve(RuleSetRelease.DESCRIPTOR));
    Path scenarios = release.resolve("kosit-configuration/scenarios.xml");
    String xml = Files.readString(scenarios, StandardCharsets.UTF_8);
    Files.writeString(
        scenarios,
        xml.replace(
            "<customLevel level=\"warning\">BR-CL-23</customLevel>",
            "<customLevel level=\"warning\">BR-CL-23</customLevel>"
                + "<customLevel level=\"warning\">BR-DE-15</customLevel>"),
        StandardCharsets.UTF_8);
    Path build = release.resolve("kosit-configuration/build.xml");
    Files.writeString(
        build,
        Files.readString(build, StandardCharsets.UTF_8)
            .replace(
                "name=\"validator.configuration.version.full\" value=\"2026-01-31\"",
                "name=\"validator.configuration.version.full\" value=\"2027-01-15\""),
        StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("notes.txt"), "not a release");
    Files.createDirectories(dir.resolve("empty"));

    InvoiceValidator validator =
        new InvoiceValidator(new RuleSetProperties(dir.toString(), ""), CLOCK);
    byte[] invoice = Fixtures.read("mustangproject/invalidXRV30.xml");

    assertThat(validator.releases())
        .extracting(RuleSetRelease::id)
        .containsExactly("2025-07-10", "2026-01-31", "2027-01-15");
    ValidationResult before = validator.validate(invoice, LocalDate.of(2027, 1, 14));
    ValidationResult after = validator.validate(invoice, LocalDate.of(2027, 1, 15));
    assertThat(before.ruleSetRelease()).isEqualTo("2026-01-31");
    assertThat(before.errors()).extracting(RuleViolation::rule).contains("BR-DE-15");
    assertThat(after.ruleSetRelease()).isEqualTo("2027-01-15");
    assertThat(after.errors()).extracting(RuleViolation::rule).containsExactly("BR-CO-16");
    assertThat(after.warnings()).extracting(RuleViolation::rule).contains("BR-DE-15");
    assertThat(after.reportXml())
        .contains("name=\"KoSIT XRechnung 3.0.2, Konfiguration 2027-01-15\"");
  }

  @Test
  void aFolderThatIsNoReleaseSaysWhatIsMissing(@TempDir Path dir) throws IOException {
    Path release = dir.resolve("2027-01-15");
    copy(SHIPPED, release);
    Files.delete(release.resolve("xrechnung-schematron-2.5.0/ubl/XRechnung-UBL-validation.sch"));

    assertThatThrownBy(
            () -> new InvoiceValidator(new RuleSetProperties(dir.toString(), null), CLOCK))
        .hasMessageContaining("2027-01-15")
        .hasMessageContaining("no XRechnung-UBL-validation.xsl/.xslt/.sch in the release");
  }

  private static void copy(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path target = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(target);
        } else {
          Files.copy(f, target);
        }
      }
    }
  }
}
