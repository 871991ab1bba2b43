package de.amtsflow.letters;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * One letter to render: which template, to whom, under which reference and date, signed by whom,
 * and the values its template reads.
 *
 * @param template the template's name, e.g. {@code brief} or {@code baugenehmigung} (a file {@code
 *     <name>.html} under {@code classpath:letters/} or the configured template folder)
 * @param title the document's title (PDF metadata, e-file) and the letter's subject line
 * @param recipient the addressee
 * @param reference the case's reference (Aktenzeichen)
 * @param date the letter's date
 * @param clerk the clerk who signs "Im Auftrag" (null: the letter was made by the system and is
 *     valid without a signature, Art. 37 Abs. 5 BayVwVfG)
 * @param paragraphs body paragraphs for templates that print them as given
 * @param data further values by name, as the template reads them
 */
public record Letter(
    String template,
    String title,
    Recipient recipient,
    String reference,
    LocalDate date,
    String clerk,
    List<String> paragraphs,
    Map<String, Object> data) {

  public Letter {
    paragraphs = paragraphs == null ? List.of() : List.copyOf(paragraphs);
    // values may be null (a template tests for them): no Map.copyOf
    data =
        data == null
            ? Map.of()
            : java.util.Collections.unmodifiableMap(new java.util.HashMap<>(data));
  }

  /**
   * The addressee.
   *
   * @param name the person or firm, as the salutation names it
   * @param street street and number
   * @param postalCode postal code
   * @param city city
   * @param country the country as the last line of a foreign address (DIN 5008: in capitals, e.g.
   *     "ÖSTERREICH"); null for an address in Germany
   */
  public record Recipient(
      String name, String street, String postalCode, String city, String country) {

    /** An address in Germany. */
    public Recipient(String name, String street, String postalCode, String city) {
      this(name, street, postalCode, city, null);
    }

    /** A recipient known only by name (no postal address on file). */
    public static Recipient named(String name) {
      return new Recipient(name, null, null, null);
    }
  }
}
