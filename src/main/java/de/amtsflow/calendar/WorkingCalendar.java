package de.amtsflow.calendar;

import de.focus_shift.jollyday.core.CalendarHierarchy;
import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayCalendar;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.HolidayType;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.Year;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Working days of the authority in its Land.
 *
 * <p>Two kinds of question, kept apart on purpose:
 *
 * <ul>
 *   <li><b>Statutory periods</b> ({@link #periodEnd}): a period whose last day is a Saturday, a
 *       Sunday or a public holiday of the Land ends with the next working day (§ 193 BGB, Art. 31
 *       Abs. 3 BayVwVfG and the other Länder's VwVfG). Only the law decides here: 24 and 31
 *       December are not public holidays in any Land, so a period ending on them does not move,
 *       even if the office is closed.
 *   <li><b>Internal dates</b> ({@link #plusWorkingDays}, {@link #minusWorkingDays}): counting the
 *       authority's working days (invoice approval, Skonto escalation) also skips the configured
 *       closing days, since nobody works the case then.
 * </ul>
 */
@Component
public class WorkingCalendar {

  private final String state;
  private final String[] hierarchy;
  private final Set<MonthDay> closingDays;
  private final HolidayManager holidays;
  private final Map<Integer, Set<LocalDate>> holidaysByYear = new ConcurrentHashMap<>();

  public WorkingCalendar(CalendarProperties properties) {
    this.state = properties.state();
    this.holidays = HolidayManager.getInstance(ManagerParameters.create(HolidayCalendar.GERMANY));
    String land = state.toLowerCase(Locale.ROOT);
    Map<String, CalendarHierarchy> lands = holidays.getCalendarHierarchy().getChildren();
    if (!lands.containsKey(land)) {
      throw new IllegalStateException(
          "amtsflow.calendar.state (amtsflow.permit.state) is "
              + state
              + ", not a German Land (known: "
              + lands.keySet().stream().sorted().collect(Collectors.joining(", "))
              + ")");
    }
    String region = properties.region();
    if (!region.isEmpty() && !lands.get(land).getChildren().containsKey(region)) {
      throw new IllegalStateException(
          "amtsflow.calendar.region is "
              + region
              + ", not a region of "
              + state
              + " (known: "
              + lands.get(land).getChildren().keySet().stream()
                  .sorted()
                  .collect(Collectors.joining(", "))
              + ")");
    }
    this.hierarchy = region.isEmpty() ? new String[] {land} : new String[] {land, region};
    this.closingDays = Set.copyOf(properties.closingMonthDays());
  }

  /** A calendar of the Land's public holidays without closing days (for tests and tools). */
  public static WorkingCalendar of(String state) {
    return new WorkingCalendar(new CalendarProperties(state, null, List.of()));
  }

  /** The Land, e.g. {@code BY}. */
  public String state() {
    return state;
  }

  /** A public holiday of the Land (and region), whatever the weekday. */
  public boolean isPublicHoliday(LocalDate date) {
    return holidaysByYear.computeIfAbsent(date.getYear(), this::load).contains(date);
  }

  /** Monday to Friday and no public holiday: a day on which a statutory period may end. */
  public boolean isStatutoryWorkingDay(LocalDate date) {
    return date.getDayOfWeek() != DayOfWeek.SATURDAY
        && date.getDayOfWeek() != DayOfWeek.SUNDAY
        && !isPublicHoliday(date);
  }

  /** A statutory working day on which the authority is also open (not a closing day). */
  public boolean isWorkingDay(LocalDate date) {
    return isStatutoryWorkingDay(date) && !closingDays.contains(MonthDay.from(date));
  }

  /**
   * § 193 BGB: the day a statutory period actually ends whose last day by the count is {@code
   * lastDay}: that day itself, or the next working day if it is a Saturday, a Sunday or a public
   * holiday. Closing days do not count here.
   */
  public LocalDate periodEnd(LocalDate lastDay) {
    LocalDate day = lastDay;
    while (!isStatutoryWorkingDay(day)) {
      day = day.plusDays(1);
    }
    return day;
  }

  /** The working day {@code days} working days after {@code from}. */
  public LocalDate plusWorkingDays(LocalDate from, int days) {
    return countWorkingDays(from, days, 1);
  }

  /** The working day {@code days} working days before {@code from}. */
  public LocalDate minusWorkingDays(LocalDate from, int days) {
    return countWorkingDays(from, days, -1);
  }

  private LocalDate countWorkingDays(LocalDate from, int days, int direction) {
    LocalDate date = from;
    for (int left = days; left > 0; ) {
      date = date.plusDays(direction);
      if (isWorkingDay(date)) {
        left--;
      }
    }
    return date;
  }

  private Set<LocalDate> load(int year) {
    return holidays.getHolidays(Year.of(year), HolidayType.PUBLIC_HOLIDAY, hierarchy).stream()
        .map(Holiday::getDate)
        .collect(Collectors.toUnmodifiableSet());
  }
}
