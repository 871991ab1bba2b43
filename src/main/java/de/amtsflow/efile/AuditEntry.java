package de.amtsflow.efile;

import java.time.Instant;
import java.util.UUID;

/** One entry of an e-file's append-only audit trail. */
public record AuditEntry(
    long seq,
    Instant occurredAt,
    String actor,
    String action,
    UUID documentId,
    Integer documentVersion,
    String contentSha256,
    String details,
    String prevHash,
    String entryHash) {}
