package de.amtsflow.letters;

/**
 * The sending authority as its letters show it (DIN 5008: letterhead, return address above the
 * address field, contact block, footer with bank details).
 *
 * @param authority e.g. "Landratsamt Musterkreis"
 * @param department e.g. "Untere Bauaufsichtsbehörde"
 * @param street street and number of the authority
 * @param postalCode postal code
 * @param city city
 * @param phone the switchboard
 * @param email the office's e-mail address
 * @param website the authority's web site
 * @param openingHours when the office is open, as the footer says it
 * @param bankName the bank of the authority's account for fees
 * @param iban that account's IBAN
 * @param bic that account's BIC
 */
public record Letterhead(
    String authority,
    String department,
    String street,
    String postalCode,
    String city,
    String phone,
    String email,
    String website,
    String openingHours,
    String bankName,
    String iban,
    String bic) {

  static final Letterhead EMPTY =
      new Letterhead(null, null, null, null, null, null, null, null, null, null, null, null);

  /**
   * The line above the address field: "Landratsamt Musterkreis · Am Markt 1 · 93047 Regensburg".
   */
  public String returnAddress() {
    return String.join(
        " · ",
        java.util.stream.Stream.of(authority, street, join(postalCode, city))
            .filter(s -> s != null && !s.isBlank())
            .toList());
  }

  private static String join(String a, String b) {
    return ((a == null ? "" : a) + " " + (b == null ? "" : b)).strip();
  }
}
