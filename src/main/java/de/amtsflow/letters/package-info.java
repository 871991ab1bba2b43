/**
 * Letters to citizens and suppliers: a plain PDF for the e-file ({@link
 * de.amtsflow.letters.LetterPdf}) and mail through the configured SMTP server ({@link
 * de.amtsflow.letters.Mailer}). Cross-cutting: used by the features, never imports one.
 */
package de.amtsflow.letters;
