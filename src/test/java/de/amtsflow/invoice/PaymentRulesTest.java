package de.amtsflow.invoice;

import static org.assertj.core.api.Assertions.assertThat;

import de.amtsflow.calendar.WorkingCalendar;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Skonto, working days and retention: the date rules behind the timers and the payment order. */
class PaymentRulesTest {

  static InvoiceData invoice(LocalDate issued, String terms) {
    return new InvoiceData(
        InvoiceSyntax.UBL_INVOICE,
        "R-1",
        "380",
        issued,
        null,
        "EUR",
        null,
        null,
        null,
        null,
        new InvoiceData.Totals(
            new BigDecimal("100.00"),
            new BigDecimal("19.00"),
            new BigDecimal("119.00"),
            new BigDecimal("119.00")),
        "DE02120300000000202051",
        InvoiceExtractor.paymentTerms(terms),
        List.of());
  }

  @Test
  void skontoIsTakenWhileItsPeriodRuns() {
    InvoiceData data =
        invoice(
            LocalDate.of(2026, 11, 2),
            "#SKONTO#TAGE=7#PROZENT=2.00#\n#SKONTO#TAGE=14#PROZENT=1.00#\n");

    assertThat(IssuePaymentOrderDelegate.amountToPay(data, LocalDate.of(2026, 11, 9)))
        .isEqualByComparingTo("116.62");
    assertThat(IssuePaymentOrderDelegate.amountToPay(data, LocalDate.of(2026, 11, 10)))
        .isEqualByComparingTo("117.81");
    assertThat(IssuePaymentOrderDelegate.amountToPay(data, LocalDate.of(2026, 11, 17)))
        .isEqualByComparingTo("119.00");
    assertThat(InvoiceIntake.skontoDeadline(data)).contains(LocalDate.of(2026, 11, 9));
  }

  @Test
  void escalationTwoWorkingDaysBeforeSkipsTheWeekendAndHolidays() {
    WorkingCalendar calendar = WorkingCalendar.of("BY");
    // Tuesday 10 Nov 2026 -> Friday 6 Nov
    assertThat(calendar.minusWorkingDays(LocalDate.of(2026, 11, 10), 2))
        .isEqualTo(LocalDate.of(2026, 11, 6));
    // Friday 6 Nov + 10 working days -> Friday 20 Nov
    assertThat(calendar.plusWorkingDays(LocalDate.of(2026, 11, 6), 10))
        .isEqualTo(LocalDate.of(2026, 11, 20));
    // Skonto until Tuesday 30 Mar 2027: Ostermontag and Karfreitag are no working days, so the
    // escalation comes on Wednesday 24 Mar
    assertThat(calendar.minusWorkingDays(LocalDate.of(2027, 3, 30), 2))
        .isEqualTo(LocalDate.of(2027, 3, 24));
  }

  @Test
  void retentionRunsFromTheEndOfTheYear() {
    assertThat(CloseInvoiceEFileDelegate.keepUntil(LocalDate.of(2026, 3, 1), 8))
        .isEqualTo(LocalDate.of(2034, 12, 31));
  }
}
