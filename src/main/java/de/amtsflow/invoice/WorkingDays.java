package de.amtsflow.invoice;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Monday to Friday; public holidays are not counted out (a known simplification). */
final class WorkingDays {

  private WorkingDays() {}

  static LocalDate plus(LocalDate from, int days) {
    LocalDate date = from;
    int left = days;
    while (left > 0) {
      date = date.plusDays(1);
      if (isWorkingDay(date)) {
        left--;
      }
    }
    return date;
  }

  static LocalDate minus(LocalDate from, int days) {
    LocalDate date = from;
    int left = days;
    while (left > 0) {
      date = date.minusDays(1);
      if (isWorkingDay(date)) {
        left--;
      }
    }
    return date;
  }

  static boolean isWorkingDay(LocalDate date) {
    return date.getDayOfWeek() != DayOfWeek.SATURDAY && date.getDayOfWeek() != DayOfWeek.SUNDAY;
  }
}
