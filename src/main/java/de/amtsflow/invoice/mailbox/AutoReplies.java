package de.amtsflow.invoice.mailbox;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.Set;

/**
 * Mails that must not be answered, so that two robots never mail each other for ever (RFC 3834):
 * auto-submitted mails, bulk mail, and bounces, which are not taken in either.
 */
final class AutoReplies {

  private static final Set<String> ROBOTS = Set.of("mailer-daemon", "postmaster");
  private static final Set<String> BULK = Set.of("bulk", "junk", "list", "auto_reply");

  private AutoReplies() {}

  /** A delivery report: empty return path, mailer-daemon, multipart/report. */
  static boolean isBounce(MimeMessage mail) throws MessagingException {
    String returnPath = mail.getHeader("Return-Path", ",");
    if (returnPath != null && returnPath.replaceAll("[\\s<>]", "").isEmpty()) {
      return true;
    }
    if (mail.isMimeType("multipart/report")) {
      return true;
    }
    Address[] from = mail.getFrom();
    return from != null && from.length > 0 && from[0] instanceof InternetAddress a && robot(a);
  }

  /** A mail not to be answered (its invoices are still taken in). */
  static boolean isAutomatic(MimeMessage mail) throws MessagingException {
    String submitted = mail.getHeader("Auto-Submitted", ",");
    if (submitted != null && !submitted.strip().toLowerCase(Locale.ROOT).startsWith("no")) {
      return true;
    }
    String precedence = mail.getHeader("Precedence", ",");
    if (precedence != null && BULK.contains(precedence.strip().toLowerCase(Locale.ROOT))) {
      return true;
    }
    return mail.getHeader("X-Autoreply") != null || mail.getHeader("X-Autorespond") != null;
  }

  static boolean robot(InternetAddress address) {
    String local = address.getAddress() == null ? "" : address.getAddress();
    int at = local.indexOf('@');
    return ROBOTS.contains((at < 0 ? local : local.substring(0, at)).toLowerCase(Locale.ROOT));
  }
}
