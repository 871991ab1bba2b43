/**
 * The invoice mailbox: suppliers mail XRechnung/ZUGFeRD invoices to an IMAP mailbox; every
 * invoice-like part goes through the same intake as HTTP, the sender gets one German answer per
 * mail, and the mail is moved to a "done" or "failed" folder. A mail seen again (same Message-ID)
 * never yields a second invoice or a second answer. Part of the invoice module, off unless
 * configured.
 */
package de.amtsflow.invoice.mailbox;
