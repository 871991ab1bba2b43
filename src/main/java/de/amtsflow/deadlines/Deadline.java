package de.amtsflow.deadlines;

import java.time.LocalDate;

/**
 * One running period of one case.
 *
 * @param fileNumber the case's Aktenzeichen
 * @param process the process as clerks name it ("Baugenehmigungsverfahren")
 * @param kind what kind of period
 * @param what the period in German, e.g. "Stellungnahme Wasserwirtschaftsamt"
 * @param endsOn the period's last day (already moved past weekends and holidays where the law says
 *     so)
 * @param group the group responsible (Camunda group id)
 * @param groupName the group as clerks name it
 */
public record Deadline(
    String fileNumber,
    String process,
    DeadlineKind kind,
    String what,
    LocalDate endsOn,
    String group,
    String groupName) {}
