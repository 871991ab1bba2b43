package de.amtsflow.calendar;

import java.time.MonthDay;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the calendar ({@code amtsflow.calendar.*}).
 *
 * @param state the Land whose public holidays count, as its ISO 3166-2 code without "DE-" (e.g.
 *     {@code BY}); {@code application.yml} takes it from {@code amtsflow.permit.state}
 * @param region a jollyday region within the Land with holidays of its own (e.g. {@code ag} for
 *     Augsburg's Friedensfest, {@code mu} for Mariä Himmelfahrt in München); empty: the Land's
 * @param closingDays days the authority is closed without being a public holiday, as {@code MM-dd}
 *     (e.g. {@code 12-24}): they are skipped when counting working days for internal dates (invoice
 *     approval, Skonto escalation), never when a statutory period ends
 */
@ConfigurationProperties("amtsflow.calendar")
public record CalendarProperties(String state, String region, List<String> closingDays) {

  private static final DateTimeFormatter MONTH_DAY = DateTimeFormatter.ofPattern("MM-dd");

  public CalendarProperties {
    state = state == null || state.isBlank() ? "BY" : state.strip().toUpperCase(Locale.ROOT);
    region = region == null ? "" : region.strip().toLowerCase(Locale.ROOT);
    closingDays = closingDays == null ? List.of() : List.copyOf(closingDays);
  }

  /** The closing days as month and day. */
  public List<MonthDay> closingMonthDays() {
    return closingDays.stream()
        .map(
            text -> {
              try {
                return MonthDay.parse(text.strip(), MONTH_DAY);
              } catch (DateTimeParseException e) {
                throw new IllegalStateException(
                    "amtsflow.calendar.closing-days: '" + text + "' is not MM-dd (e.g. 12-24)", e);
              }
            })
        .toList();
  }
}
