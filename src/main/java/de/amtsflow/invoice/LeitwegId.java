package de.amtsflow.invoice;

import java.math.BigInteger;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Leitweg-ID (BT-10 of an XRechnung), the address of the public buyer, per KoSIT's
 * "Formatspezifikation Leitweg-ID": a Grobadressierung of 2 to 12 digits, an optional
 * Feinadressierung of up to 30 letters and digits, and two check digits, joined by hyphens. The
 * check digits follow ISO/IEC 7064 MOD 97-10 over the ID without hyphens, letters counted as A=10 …
 * Z=35 (case does not matter).
 *
 * <p>The ID decides routing, not validity: an invoice with a missing or broken Leitweg-ID is still
 * a valid invoice, it only needs a clerk to assign it.
 */
public record LeitwegId(String grobadressierung, String feinadressierung, String pruefziffer) {

  /** The outcome of checking a BT-10 value. */
  public enum Status {
    VALID,
    MISSING,
    MALFORMED,
    CHECK_DIGITS_FAILED
  }

  /**
   * @param value the BT-10 value as written (stripped), {@code null} when missing
   * @param leitwegId the parsed ID when the format is right (even if the check digits fail)
   */
  public record Check(String value, Status status, Optional<LeitwegId> leitwegId) {

    /** Whether a clerk has to assign the invoice ("Zuordnung klären"). */
    public boolean needsClarification() {
      return status != Status.VALID;
    }
  }

  private static final Pattern FORMAT =
      Pattern.compile("(\\d{2,12})(?:-([A-Za-z0-9]{1,30}))?-(\\d{2})");
  private static final BigInteger NINETY_SEVEN = BigInteger.valueOf(97);

  /**
   * Parses the format only; the check digits are not verified.
   *
   * @throws IllegalArgumentException when the value is not shaped like a Leitweg-ID
   */
  public static LeitwegId parse(String value) {
    Matcher m = value == null ? null : FORMAT.matcher(value.strip());
    if (m == null || !m.matches()) {
      throw new IllegalArgumentException("Not a Leitweg-ID: " + value);
    }
    return new LeitwegId(m.group(1), m.group(2), m.group(3));
  }

  /** Checks a BT-10 value: format, then check digits. */
  public static Check validate(String value) {
    if (value == null || value.isBlank()) {
      return new Check(null, Status.MISSING, Optional.empty());
    }
    String stripped = value.strip();
    LeitwegId id;
    try {
      id = parse(stripped);
    } catch (IllegalArgumentException e) {
      return new Check(stripped, Status.MALFORMED, Optional.empty());
    }
    Status status = id.checkDigitsValid() ? Status.VALID : Status.CHECK_DIGITS_FAILED;
    return new Check(stripped, status, Optional.of(id));
  }

  /** ISO/IEC 7064 MOD 97-10: the number formed by ID and check digits leaves remainder 1. */
  public boolean checkDigitsValid() {
    return mod97(address(grobadressierung, feinadressierung) + pruefziffer) == 1;
  }

  /** The check digits a Grob- and Feinadressierung must carry (Feinadressierung may be null). */
  static String checkDigitsFor(String grobadressierung, String feinadressierung) {
    int check = 98 - mod97(address(grobadressierung, feinadressierung) + "00");
    return String.format(Locale.ROOT, "%02d", check);
  }

  private static String address(String grobadressierung, String feinadressierung) {
    return grobadressierung + (feinadressierung == null ? "" : feinadressierung);
  }

  private static int mod97(String alphanumeric) {
    StringBuilder digits = new StringBuilder();
    for (char c : alphanumeric.toUpperCase(Locale.ROOT).toCharArray()) {
      digits.append(Character.isDigit(c) ? c - '0' : c - 'A' + 10);
    }
    return new BigInteger(digits.toString()).mod(NINETY_SEVEN).intValue();
  }

  @Override
  public String toString() {
    return grobadressierung
        + (feinadressierung == null ? "" : "-" + feinadressierung)
        + "-"
        + pruefziffer;
  }
}
