/**
 * A case's history for clerks from the process engine's own records: the process instances whose
 * business key is an e-file's Aktenzeichen, contributed to the e-file's "Verlauf" ({@code GET
 * /api/efiles/{id}/timeline}) as a {@link de.amtsflow.efile.TimelineSource}. Unlike Cockpit CE it
 * covers ended instances, for as long as the engine keeps their history (historyTimeToLive).
 *
 * <p>Promises: every engine read runs as the calling user, so Camunda's authorizations
 * (READ_HISTORY on the process definition) decide what appears, and what was withheld is said, not
 * hidden. Task and event names are the models' German names; features name the outcome of their
 * user tasks as {@link de.amtsflow.casehistory.TaskOutcomes} beans. Never imports a feature.
 */
package de.amtsflow.casehistory;
