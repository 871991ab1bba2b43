package de.amtsflow.invoice.mailbox;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeUtility;
import java.io.IOException;
import java.io.InputStream;
import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The invoice-like parts of a mail: XML and PDF attachments at any depth of nested multiparts and
 * forwarded mails, and a body that is itself XML. Everything else (the text, signatures, logos) is
 * ignored; named attachments among them are listed so that the answer can say so. The order is the
 * mail's, so a part's index is the same each time the mail is read.
 */
final class MailParts {

  /** An invoice candidate; {@code content} is null when the part exceeds the size limit. */
  record Candidate(int index, String fileName, byte[] content) {}

  record Result(List<Candidate> candidates, List<String> ignored) {}

  private MailParts() {}

  static Result of(Part mail, long maxBytes) throws MessagingException, IOException {
    List<Candidate> candidates = new ArrayList<>();
    List<String> ignored = new ArrayList<>();
    collect(mail, maxBytes, candidates, ignored, 0);
    return new Result(List.copyOf(candidates), List.copyOf(ignored));
  }

  private static void collect(
      Part part, long maxBytes, List<Candidate> candidates, List<String> ignored, int depth)
      throws MessagingException, IOException {
    if (depth > 10) {
      return;
    }
    if (part.isMimeType("multipart/*")) {
      Multipart multipart = (Multipart) part.getContent();
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        collect(child, maxBytes, candidates, ignored, depth + 1);
      }
      return;
    }
    if (part.isMimeType("message/rfc822") && part.getContent() instanceof Part forwarded) {
      collect(forwarded, maxBytes, candidates, ignored, depth + 1);
      return;
    }
    String name = fileName(part);
    String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
    boolean xml =
        part.isMimeType("application/xml") || part.isMimeType("text/xml") || lower.endsWith(".xml");
    boolean pdf = part.isMimeType("application/pdf") || lower.endsWith(".pdf");
    boolean attachment = name != null || Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition());
    if (xml || pdf) {
      candidates.add(read(part, candidates.size(), name == null ? null : name, maxBytes));
    } else if (part.isMimeType("text/plain") && !attachment) {
      // a body that is itself the XML (some ERP systems send it so)
      Candidate body = read(part, candidates.size(), "rechnung.xml", maxBytes);
      if (body.content() != null && looksLikeXml(body.content())) {
        candidates.add(body);
      }
    } else if (attachment && name != null) {
      ignored.add(name);
    }
  }

  private static Candidate read(Part part, int index, String name, long maxBytes)
      throws MessagingException, IOException {
    try (InputStream in = part.getInputStream()) {
      byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
      return new Candidate(index, name, bytes.length > maxBytes ? null : bytes);
    }
  }

  private static boolean looksLikeXml(byte[] content) {
    String start =
        new String(content, 0, Math.min(content.length, 200), StandardCharsets.UTF_8).strip();
    if (start.startsWith("\uFEFF")) {
      start = start.substring(1);
    }
    return start.startsWith("<?xml") || start.startsWith("<");
  }

  private static String fileName(Part part) throws MessagingException {
    String name = part.getFileName();
    if (name == null) {
      return null;
    }
    try {
      name = MimeUtility.decodeText(name);
    } catch (UnsupportedEncodingException e) {
      // keep it as written
    }
    return name.length() > 200 ? name.substring(name.length() - 200) : name;
  }
}
