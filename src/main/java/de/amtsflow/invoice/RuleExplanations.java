package de.amtsflow.invoice;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * What a failed validation rule means, in plain German for the supplier (the rule texts of EN 16931
 * and XRechnung are English and technical). From {@code invoice/rule-explanations.properties}: the
 * rule itself, else its family ({@code BR-CO-13} → {@code BR-CO} → {@code BR}), else a general
 * sentence.
 */
final class RuleExplanations {

  private static final String RESOURCE = "/invoice/rule-explanations.properties";
  private static final Properties TEXTS = load();

  private RuleExplanations() {}

  static String explain(String rule) {
    if (rule == null || rule.isBlank()) {
      return TEXTS.getProperty("default");
    }
    String exact = TEXTS.getProperty(rule);
    if (exact != null) {
      return exact;
    }
    for (String family = family(rule); family != null; family = family(family)) {
      String text = TEXTS.getProperty("prefix." + family);
      if (text != null) {
        return text;
      }
    }
    return TEXTS.getProperty("default");
  }

  private static String family(String rule) {
    int dash = rule.lastIndexOf('-');
    return dash > 0 ? rule.substring(0, dash) : null;
  }

  private static Properties load() {
    Properties texts = new Properties();
    try (InputStream in = RuleExplanations.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " missing");
      }
      texts.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return texts;
  }
}
