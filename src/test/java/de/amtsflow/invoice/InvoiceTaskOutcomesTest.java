package de.amtsflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The invoice tasks' decisions as the e-file's Verlauf names them. */
class InvoiceTaskOutcomesTest {

  final InvoiceTaskOutcomes outcomes = new InvoiceTaskOutcomes();

  @Test
  void approvalsAndRejectionsWithTheirReason() {
    assertThat(
            outcomes.of(
                InvoiceProcess.Task.CONFIRM_FACTUAL,
                Map.of(InvoiceProcess.Var.DECISION, InvoiceProcess.DECISION_APPROVE)))
        .hasValue("sachlich richtig");
    assertThat(
            outcomes.of(
                InvoiceProcess.Task.ORDER_PAYMENT,
                Map.of(
                    InvoiceProcess.Var.DECISION,
                    InvoiceProcess.DECISION_REJECT,
                    InvoiceProcess.Var.REJECTION_REASON,
                    " Leistung nicht erbracht ")))
        .hasValue("Anordnung abgelehnt – Begründung: Leistung nicht erbracht");
    assertThat(
            outcomes.of(
                InvoiceProcess.Task.CLARIFY_ASSIGNMENT,
                Map.of(InvoiceProcess.Var.DECISION, InvoiceProcess.DECISION_REJECT)))
        .hasValue("nicht zuordenbar");
  }

  @Test
  void nothingWithoutADecisionOrForAnotherTask() {
    assertThat(outcomes.of(InvoiceProcess.Task.CONFIRM_ARITHMETIC, Map.of())).isEmpty();
    assertThat(
            outcomes.of(
                "Task_Unknown",
                Map.of(InvoiceProcess.Var.DECISION, InvoiceProcess.DECISION_APPROVE)))
        .isEmpty();
  }
}
