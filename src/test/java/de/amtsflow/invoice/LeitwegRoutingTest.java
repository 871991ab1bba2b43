package de.amtsflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsflow.invoice.LeitwegRouting.Outcome;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LeitwegRoutingTest {

  private final LeitwegRouting routing =
      new LeitwegRouting(new InvoiceProperties(List.of("04011000-12350-85", "991-33333test-33")));

  @Test
  void routesAKnownValidLeitwegId() {
    LeitwegRouting.Decision decision = routing.decide("04011000-12350-85");

    assertThat(decision.outcome()).isEqualTo(Outcome.ROUTED);
    assertThat(decision.needsClarification()).isFalse();
    assertThat(decision.warning()).isEmpty();
    assertThat(routing.decide("991-33333TEST-33").outcome()).isEqualTo(Outcome.ROUTED);
  }

  @ParameterizedTest
  @CsvSource(
      nullValues = "null",
      value = {
        "null, MISSING",
        "Leitweg-ID, MALFORMED",
        "99000000-01944-98, CHECK_DIGITS_FAILED",
        "04011000-12345-03, UNKNOWN"
      })
  void sendsEverythingElseToZuordnungKlaeren(String buyerReference, Outcome outcome) {
    LeitwegRouting.Decision decision = routing.decide(buyerReference);

    assertThat(decision.outcome()).isEqualTo(outcome);
    assertThat(decision.needsClarification()).isTrue();
    assertThat(decision.warning()).hasValueSatisfying(w -> assertThat(w).contains("Leitweg-ID"));
    // the supplier learns what happens, not our task's name
    assertThat(decision.supplierNotice())
        .hasValueSatisfying(
            w -> assertThat(w).contains("von Hand").doesNotContain("Zuordnung klären"));
  }

  @Test
  void decidesOnTheExtractedBuyerReference() {
    InvoiceData data =
        new InvoiceExtractor().extract(Fixtures.read("xrechnung-testsuite/01.10a-INVOICE_ubl.xml"));

    assertThat(routing.decide(data).outcome()).isEqualTo(Outcome.ROUTED);
  }
}
