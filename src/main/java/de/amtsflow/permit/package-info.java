/**
 * The digital building permit (digitaler Bauantrag): citizens submit an application and documents
 * and follow its status without a login (a secret tracking token opens one application); clerks,
 * the Gemeinde and the Fachstellen work it in Tasklist or over {@code /api/tasks}; the process
 * {@code BuildingPermitProcess} watches every statutory deadline with a timer whose period comes
 * from configuration per Land (Bavaria by default).
 *
 * <p>Promises: everything an application produces (the application, plans, statements, letters,
 * Bescheid, fee notice) is filed in its e-file through {@link de.amtsflow.efile.EFileStore}; a
 * rejected submit or upload stores nothing; the process holds ids and decisions, not documents. The
 * module's API is {@link de.amtsflow.permit.PermitProcess} and the request/response records;
 * everything else is package-private.
 */
package de.amtsflow.permit;
