package de.amtsflow.permit;

import de.amtsflow.calendar.WorkingCalendar;
import de.amtsflow.letters.GermanFormats;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The statutory deadlines of the configured Land, as dates the process timers wait for. A period
 * "until day X" ends with that day, so its timer fires at the start of the day after. Every period
 * end goes through the {@link WorkingCalendar}: one that falls on a Saturday, Sunday or public
 * holiday of the Land ends with the next working day (§ 193 BGB, Art. 31 Abs. 3 BayVwVfG).
 */
@Component
class PermitDeadlines {

  private final PermitProperties properties;
  private final WorkingCalendar calendar;
  private final Clock clock;

  PermitDeadlines(PermitProperties properties, WorkingCalendar calendar, Clock clock) {
    this.properties = properties;
    this.calendar = calendar;
    this.clock = clock;
  }

  /**
   * Art. 68 Abs. 2 BayBO: the Genehmigungsfiktion is for the vereinfachtes Verfahren, for erecting,
   * altering or converting a building that mainly serves housing (never a Sonderbau).
   */
  boolean approvalFictionApplies(PermitApplicationRequest request) {
    return properties.deadlines().approvalFiction() != null
        && request.procedure() == PermitApplicationRequest.Procedure.SIMPLIFIED
        && request.project().mainlyResidential()
        && !request.project().specialBuilding()
        && request.project().measure() != PermitApplicationRequest.Measure.DEMOLITION;
  }

  /**
   * The day the permit counts as granted if the complete application (or the documents a
   * Nachforderung asked for) arrived on {@code arrived}: the fiction period starts after the
   * completeness check period and runs for the fiction period; the permit counts as granted the day
   * after the period's (calendar-shifted) last day.
   */
  LocalDate approvalFictionDay(LocalDate arrived) {
    return lastDay(fictionPeriodStart(arrived), properties.deadlines().approvalFiction())
        .plusDays(1);
  }

  /** The last day of a statutory period of {@code length} from {@code start} (§ 193 BGB). */
  LocalDate lastDay(LocalDate start, java.time.Period length) {
    return calendar.periodEnd(start.plus(length));
  }

  /** Whether a deadline the authority sets may end on {@code day}: no weekend, no holiday. */
  boolean isWorkingDay(LocalDate day) {
    return calendar.isStatutoryWorkingDay(day);
  }

  private LocalDate fictionPeriodStart(LocalDate arrived) {
    java.time.Period offset = properties.deadlines().approvalFictionStart();
    return arrived.plus(offset == null ? java.time.Period.ZERO : offset);
  }

  /**
   * Process variables for the deadlines that start with an arrival: of the application (on the day
   * it reached the authority), and of the documents a Nachforderung asked for. The
   * Genehmigungsfiktion restarts only if {@code restartFiction}.
   */
  Map<String, Object> restart(
      LocalDate arrived, boolean approvalFictionApplies, boolean restartFiction) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(
        PermitProcess.Var.COMPLETENESS_DUE,
        endOf(lastDay(arrived, properties.deadlines().completenessCheck())));
    if (restartFiction) {
      vars.put(PermitProcess.Var.FICTION_PERIOD_START, startOf(fictionPeriodStart(arrived)));
      Optional<LocalDate> fiction =
          approvalFictionApplies ? Optional.of(approvalFictionDay(arrived)) : Optional.empty();
      vars.put(PermitProcess.Var.APPROVAL_FICTION_AT, fiction.map(this::startOf).orElse(null));
      vars.put(
          PermitProcess.Var.APPROVAL_FICTION_DATE, fiction.map(GermanFormats::date).orElse(""));
    }
    return vars;
  }

  /** Timer date for "until {@code day}": the start of the following day. */
  Date endOf(LocalDate day) {
    return startOf(day.plusDays(1));
  }

  Date startOf(LocalDate day) {
    return Date.from(day.atStartOfDay(clock.getZone()).toInstant());
  }

  Date now() {
    return Date.from(clock.instant());
  }

  LocalDate today() {
    return LocalDate.now(clock);
  }

  LocalDate dayOf(Date date) {
    return dayOf(date.toInstant());
  }

  LocalDate dayOf(java.time.Instant instant) {
    return ZonedDateTime.ofInstant(instant, clock.getZone()).toLocalDate();
  }

  LocalDate earliestResubmission() {
    return today().plus(properties.resubmissionMin());
  }

  LocalDate latestResubmission() {
    return today().plus(properties.resubmissionMax());
  }

  /** The participation deadlines, starting today: they end with the last day of their period. */
  Map<String, Object> participation() {
    return Map.of(
        PermitProcess.Var.CONSENT_FICTION_AT,
        endOf(lastDay(today(), properties.deadlines().consentFiction())),
        PermitProcess.Var.AGENCY_FICTION_AT,
        endOf(lastDay(today(), properties.deadlines().agencyFiction())));
  }
}
