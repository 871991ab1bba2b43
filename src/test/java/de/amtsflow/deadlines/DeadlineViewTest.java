package de.amtsflow.deadlines;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

/** The overview's highlights: fictions within 14 days, overdue periods. */
class DeadlineViewTest {

  static final LocalDate TODAY = LocalDate.of(2026, 12, 3);

  static DeadlineController.DeadlineView view(DeadlineKind kind, LocalDate endsOn) {
    return DeadlineController.view(
        new Deadline("BAU-2026-000001", "Baugenehmigungsverfahren", kind, "x", endsOn, "g", "G"),
        TODAY);
  }

  @Test
  void aFictionIsHighlightedFromFourteenDaysAhead() {
    assertThat(view(DeadlineKind.CONSENT_FICTION, TODAY.plusDays(14)).fictionSoon()).isTrue();
    assertThat(view(DeadlineKind.CONSENT_FICTION, TODAY.plusDays(15)).fictionSoon()).isFalse();
    assertThat(view(DeadlineKind.APPROVAL_FICTION, TODAY).fictionSoon()).isTrue();
    // a period that decides nothing by its silent end is not a fiction
    assertThat(view(DeadlineKind.COMPLETENESS_CHECK, TODAY.plusDays(3)).fictionSoon()).isFalse();
  }

  @Test
  void aPeriodIsOverdueTheDayAfterItsLastDay() {
    DeadlineController.DeadlineView endsToday = view(DeadlineKind.COMPLETENESS_CHECK, TODAY);
    assertThat(endsToday.daysLeft()).isZero();
    assertThat(endsToday.overdue()).isFalse();
    DeadlineController.DeadlineView yesterday =
        view(DeadlineKind.COMPLETENESS_CHECK, TODAY.minusDays(1));
    assertThat(yesterday.daysLeft()).isEqualTo(-1);
    assertThat(yesterday.overdue()).isTrue();
    assertThat(view(DeadlineKind.CONSENT_FICTION, TODAY.minusDays(1)).fictionSoon()).isFalse();
  }
}
