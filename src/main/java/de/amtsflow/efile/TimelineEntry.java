package de.amtsflow.efile;

import java.time.Instant;

/**
 * One step in a case's history, as the e-file page shows it in "Verlauf".
 *
 * @param at when it happened (a task: when it was completed; an open task: when it began)
 * @param type what kind of step, e.g. {@code TASK_COMPLETED}, {@code DOCUMENT_ADDED}
 * @param text the step in German, e.g. "Vollständigkeit prüfen"
 * @param detail its outcome or particulars in German, or null
 * @param actor who did it: a user id or a system actor ({@link EFileVocabulary#SYSTEM}, a feature's
 *     own); null when nobody can be named
 */
public record TimelineEntry(Instant at, String type, String text, String detail, String actor) {}
