package de.amtsflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsflow.invoice.LeitwegId.Status;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class LeitwegIdTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "04011000-1234512345-06", // example of the format specification
        "04011000-12345-03",
        "991-33333TEST-33", // letters in the Feinadressierung
        "991-33333test-33", // ISO 7064 maps letters regardless of case
        "992-90009-96",
        "1234567890-54321-40",
        " 04011000-12350-85 "
      })
  void acceptsWellFormedIdsWithCorrectCheckDigits(String value) {
    LeitwegId.Check check = LeitwegId.validate(value);

    assertThat(check.status()).isEqualTo(Status.VALID);
    assertThat(check.needsClarification()).isFalse();
  }

  @Test
  void parsesTheParts() {
    LeitwegId id = LeitwegId.parse("04011000-1234512345-06");

    assertThat(id.grobadressierung()).isEqualTo("04011000");
    assertThat(id.feinadressierung()).isEqualTo("1234512345");
    assertThat(id.pruefziffer()).isEqualTo("06");
    assertThat(id).hasToString("04011000-1234512345-06");
    assertThat(LeitwegId.parse("992-96").feinadressierung()).isNull();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "99000000-01944-98", // in the official testsuite, valid invoice all the same
        "99000000-05676-98",
        "04011000-12345-34",
        "04011000-1234512345-07"
      })
  void flagsFailingCheckDigits(String value) {
    LeitwegId.Check check = LeitwegId.validate(value);

    assertThat(check.status()).isEqualTo(Status.CHECK_DIGITS_FAILED);
    assertThat(check.leitwegId()).isPresent();
    assertThat(check.needsClarification()).isTrue();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "Leitweg-ID",
        "0-12345-03", // Grobadressierung shorter than 2 digits
        "1234567890123-12345-03", // longer than 12
        "04011000-12345-3", // one check digit
        "04011000-1234567890123456789012345678901-03", // Feinadressierung over 30
        "04011000-123_45-03",
        "04011000--03",
        "04011000 12345 03"
      })
  void flagsMalformedIds(String value) {
    assertThat(LeitwegId.validate(value).status()).isEqualTo(Status.MALFORMED);
    assertThatThrownBy(() -> LeitwegId.parse(value)).isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest
  @NullAndEmptySource
  @ValueSource(strings = {"  "})
  void flagsMissingIds(String value) {
    LeitwegId.Check check = LeitwegId.validate(value);

    assertThat(check.status()).isEqualTo(Status.MISSING);
    assertThat(check.needsClarification()).isTrue();
  }

  @Test
  void computesCheckDigitsThatValidate() {
    String digits = LeitwegId.checkDigitsFor("05315000", "AMT42");

    assertThat(LeitwegId.validate("05315000-AMT42-" + digits).status()).isEqualTo(Status.VALID);
    assertThat(LeitwegId.checkDigitsFor("04011000", "1234512345")).isEqualTo("06");
  }
}
