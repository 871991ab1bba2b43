package de.amtsflow.invoice;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which e-invoice rule sets judge ({@code amtsflow.invoice.rules.*}).
 *
 * @param dir a folder with one folder per rule set release, beside the shipped ones (KoSIT's
 *     configuration layout, see {@link RuleSetRelease}); read at start
 * @param pin the id of the release that judges every invoice whatever its receipt date (e.g. {@code
 *     2025-07-10}); empty: the receipt date chooses
 */
@ConfigurationProperties("amtsflow.invoice.rules")
public record RuleSetProperties(String dir, String pin) {

  Path folder() {
    return dir == null || dir.isBlank() ? null : Path.of(dir.strip());
  }
}
