/**
 * The authority's calendar: which days are public holidays in the configured Land (from jollyday)
 * and on which day a statutory period ends (§ 193 BGB, Art. 31 Abs. 3 BayVwVfG). Cross-cutting: the
 * features ({@code permit}, {@code invoice}) use {@link de.amtsflow.calendar.WorkingCalendar}; this
 * package never imports a feature.
 */
package de.amtsflow.calendar;
