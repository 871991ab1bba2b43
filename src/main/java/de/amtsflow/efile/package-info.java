/**
 * The e-file store (eAkte): every permit application and every invoice lives in an e-file.
 *
 * <p>Promises: documents are versioned (a new upload of the same logical document adds a version,
 * old versions stay readable); content is stored once per SHA-256 and never altered; every change
 * appends to a hash-chained audit trail, so {@link de.amtsflow.efile.EFileStore#checkIntegrity}
 * detects a changed content file and a changed, inserted or deleted audit entry. Other modules use
 * {@link de.amtsflow.efile.EFileStore} and the records next to it; everything else is internal.
 */
package de.amtsflow.efile;
