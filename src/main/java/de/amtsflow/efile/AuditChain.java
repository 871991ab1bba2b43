package de.amtsflow.efile;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Objects;
import java.util.UUID;

/**
 * Hash chain over an e-file's audit entries: each entry's hash covers its own fields and the
 * previous entry's hash, so changing, inserting or removing an entry breaks every later link.
 */
final class AuditChain {

  static final String GENESIS = "0".repeat(64);

  private AuditChain() {}

  static AuditEntry next(
      UUID efileId,
      long seq,
      String prevHash,
      Instant occurredAt,
      String actor,
      String action,
      UUID documentId,
      Integer documentVersion,
      String contentSha256,
      String details) {
    AuditEntry unsigned =
        new AuditEntry(
            seq,
            occurredAt,
            actor,
            action,
            documentId,
            documentVersion,
            contentSha256,
            details,
            prevHash,
            null);
    // one canonical field order, shared with the integrity check
    return new AuditEntry(
        seq,
        occurredAt,
        actor,
        action,
        documentId,
        documentVersion,
        contentSha256,
        details,
        prevHash,
        expectedHash(efileId, unsigned));
  }

  /** Recomputes the hash an entry should carry. */
  static String expectedHash(UUID efileId, AuditEntry e) {
    return hash(
        efileId,
        e.seq(),
        e.occurredAt(),
        e.actor(),
        e.action(),
        e.documentId(),
        e.documentVersion(),
        e.contentSha256(),
        e.details(),
        e.prevHash());
  }

  private static String hash(Object... fields) {
    // unit separator between fields: no field value can shift into its neighbour
    StringBuilder canonical = new StringBuilder();
    for (Object field : fields) {
      canonical.append(field instanceof Instant i ? i.toEpochMilli() : Objects.toString(field, ""));
      canonical.append('\u001f');
    }
    return sha256Hex(canonical.toString().getBytes(StandardCharsets.UTF_8));
  }

  static String sha256Hex(byte[] bytes) {
    return HexFormat.of().formatHex(sha256().digest(bytes));
  }

  static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }
}
