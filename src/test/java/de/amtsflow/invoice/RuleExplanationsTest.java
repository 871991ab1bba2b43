package de.amtsflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Suppliers read what a failed rule means in German: the rule, its family, or a general text. */
class RuleExplanationsTest {

  @Test
  void aKnownRuleIsExplainedInItsOwnWords() {
    assertThat(RuleExplanations.explain("BR-DE-15")).contains("Leitweg-ID").contains("fehlt");
    assertThat(RuleExplanations.explain("BR-DE-23-a")).contains("Überweisung");
    assertThat(RuleExplanations.explain("XML-SCHEMA")).contains("XML-Schema");
  }

  @Test
  void anUnlistedRuleGetsItsFamilysExplanation() {
    assertThat(RuleExplanations.explain("BR-CO-99")).contains("berechnet");
    assertThat(RuleExplanations.explain("BR-S-08")).contains("Normalsatz");
    assertThat(RuleExplanations.explain("BR-DEC-23")).contains("Nachkommastellen");
    assertThat(RuleExplanations.explain("BR-99")).contains("EN 16931");
  }

  @Test
  void anythingElseGetsTheGeneralSentence() {
    assertThat(RuleExplanations.explain("PEPPOL-EN16931-R001"))
        .isEqualTo(RuleExplanations.explain(null))
        .contains("Regel");
  }
}
