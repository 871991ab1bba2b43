/**
 * Letters to citizens and suppliers and the records the authority files for itself: rendered from
 * templates a process owner edits to PDF/A-2b for the e-file ({@link
 * de.amtsflow.letters.LetterRenderer}), and mail through the configured SMTP server ({@link
 * de.amtsflow.letters.Mailer}). Cross-cutting: used by the features, never imports one.
 */
package de.amtsflow.letters;
