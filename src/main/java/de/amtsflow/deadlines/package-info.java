/**
 * The Fristen overview for team leads ({@code GET /api/deadlines}, page {@code fristen.html}): the
 * running periods of every case a clerk may see. Features contribute their periods as {@link
 * de.amtsflow.deadlines.DeadlineSource} beans that read the engine under the caller's Camunda
 * authorizations (no bypass), so a clerk sees exactly the cases the engine lets them read. Never
 * imports a feature.
 */
package de.amtsflow.deadlines;
