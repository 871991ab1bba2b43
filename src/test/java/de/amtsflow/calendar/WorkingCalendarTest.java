package de.amtsflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** § 193 BGB by the Land's public holidays (jollyday), and the authority's working days. */
class WorkingCalendarTest {

  static final WorkingCalendar BY = WorkingCalendar.of("BY");
  static final WorkingCalendar NI = WorkingCalendar.of("NI");
  static final WorkingCalendar SN = WorkingCalendar.of("SN");

  static LocalDate day(int year, int month, int day) {
    return LocalDate.of(year, month, day);
  }

  @Test
  void aPeriodEndingOnAWorkingDayStays() {
    assertThat(BY.periodEnd(day(2026, 12, 3))).isEqualTo(day(2026, 12, 3));
  }

  @Test
  void aPeriodEndingOnAWeekendRunsToMonday() {
    // Saturday and Sunday 5/6 Dec 2026
    assertThat(BY.periodEnd(day(2026, 12, 5))).isEqualTo(day(2026, 12, 7));
    assertThat(BY.periodEnd(day(2026, 12, 6))).isEqualTo(day(2026, 12, 7));
  }

  @Test
  void easterMovesAPeriodEndingOnKarfreitagToTheTuesdayAfterOstermontag() {
    // Easter Sunday 2027 is 28 March: Karfreitag 26, Ostermontag 29
    assertThat(BY.periodEnd(day(2027, 3, 26))).isEqualTo(day(2027, 3, 30));
    assertThat(BY.periodEnd(day(2027, 3, 29))).isEqualTo(day(2027, 3, 30));
    assertThat(NI.periodEnd(day(2027, 3, 26))).isEqualTo(day(2027, 3, 30));
  }

  @Test
  void fronleichnamIsAHolidayInBavariaNotInLowerSaxony() {
    // Thursday 27 May 2027
    assertThat(BY.isPublicHoliday(day(2027, 5, 27))).isTrue();
    assertThat(BY.periodEnd(day(2027, 5, 27))).isEqualTo(day(2027, 5, 28));
    assertThat(NI.isPublicHoliday(day(2027, 5, 27))).isFalse();
    assertThat(NI.periodEnd(day(2027, 5, 27))).isEqualTo(day(2027, 5, 27));
  }

  @Test
  void reformationstagIsAHolidayInSaxonyAndLowerSaxonyNotInBavaria() {
    // Friday 31 Oct 2025: in Saxony and Lower Saxony the period runs on to Monday 3 Nov
    assertThat(SN.periodEnd(day(2025, 10, 31))).isEqualTo(day(2025, 11, 3));
    assertThat(NI.periodEnd(day(2025, 10, 31))).isEqualTo(day(2025, 11, 3));
    assertThat(BY.periodEnd(day(2025, 10, 31))).isEqualTo(day(2025, 10, 31));
    assertThat(WorkingCalendar.of("BB").isPublicHoliday(day(2025, 10, 31))).isTrue();
  }

  @Test
  void bussUndBettagIsAHolidayInSaxonyOnly() {
    // Wednesday 18 Nov 2026
    assertThat(SN.periodEnd(day(2026, 11, 18))).isEqualTo(day(2026, 11, 19));
    assertThat(BY.periodEnd(day(2026, 11, 18))).isEqualTo(day(2026, 11, 18));
    assertThat(NI.isPublicHoliday(day(2026, 11, 18))).isFalse();
  }

  @Test
  void christmasEveAndNewYearsEveAreNoHolidaysSoAStatutoryPeriodEndsOnThem() {
    WorkingCalendar closedOnBoth =
        new WorkingCalendar(new CalendarProperties("BY", null, List.of("12-24", "12-31")));
    // Thursday 24 and 31 Dec 2026: not public holidays in any Land (§ 193 BGB does not apply)
    assertThat(closedOnBoth.periodEnd(day(2026, 12, 24))).isEqualTo(day(2026, 12, 24));
    assertThat(closedOnBoth.periodEnd(day(2026, 12, 31))).isEqualTo(day(2026, 12, 31));
    // ... but a period ending on the first or second Christmas day runs on to Monday 28 Dec
    assertThat(closedOnBoth.periodEnd(day(2026, 12, 25))).isEqualTo(day(2026, 12, 28));
    // the office is closed on them: internal working-day counts skip them
    assertThat(closedOnBoth.isWorkingDay(day(2026, 12, 24))).isFalse();
    assertThat(closedOnBoth.isStatutoryWorkingDay(day(2026, 12, 24))).isTrue();
    // Wed 23 Dec + 2 working days: 24 closed, 25/26 holidays, 27 Sunday -> Tue 29 Dec
    assertThat(closedOnBoth.plusWorkingDays(day(2026, 12, 23), 2)).isEqualTo(day(2026, 12, 29));
    assertThat(BY.plusWorkingDays(day(2026, 12, 23), 2)).isEqualTo(day(2026, 12, 28));
  }

  @Test
  void workingDaysSkipWeekendsAndHolidays() {
    // Friday 6 Nov 2026 + 10 working days -> Friday 20 Nov (no holiday in BY); in SN Buß- und
    // Bettag (18 Nov) is no working day -> Monday 23 Nov
    assertThat(BY.plusWorkingDays(day(2026, 11, 6), 10)).isEqualTo(day(2026, 11, 20));
    assertThat(SN.plusWorkingDays(day(2026, 11, 6), 10)).isEqualTo(day(2026, 11, 23));
    // Tuesday 30 Mar 2027 - 2 working days: Ostermontag and Karfreitag skipped -> Wednesday 24
    assertThat(BY.minusWorkingDays(day(2027, 3, 30), 2)).isEqualTo(day(2027, 3, 24));
  }

  @Test
  void aRegionAddsItsHolidays() {
    WorkingCalendar augsburg = new WorkingCalendar(new CalendarProperties("BY", "ag", List.of()));
    // Augsburger Hohes Friedensfest, Monday 8 Aug 2022
    assertThat(augsburg.isPublicHoliday(day(2022, 8, 8))).isTrue();
    assertThat(BY.isPublicHoliday(day(2022, 8, 8))).isFalse();
  }

  @Test
  void anUnknownLandOrRegionStopsStartUp() {
    assertThatThrownBy(() -> WorkingCalendar.of("XX"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("XX")
        .hasMessageContaining("by");
    assertThatThrownBy(() -> new WorkingCalendar(new CalendarProperties("BY", "zz", List.of())))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("zz");
    assertThatThrownBy(
            () -> new CalendarProperties("BY", null, List.of("24.12.")).closingMonthDays())
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("MM-dd");
  }
}
