package de.amtsflow.efile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.UUID;

/** Insert-only: no setters, every column is {@code updatable = false}. */
@Entity
@Table(name = "efile_audit_entry")
@IdClass(AuditEntryEntity.Key.class)
class AuditEntryEntity {

  record Key(UUID efileId, long seq) implements Serializable {
    Key() {
      this(null, 0);
    }
  }

  @Id
  @Column(name = "efile_id", updatable = false)
  private UUID efileId;

  @Id
  @Column(updatable = false)
  private long seq;

  @Column(name = "occurred_at", nullable = false, updatable = false)
  private Instant occurredAt;

  @Column(nullable = false, updatable = false)
  private String actor;

  @Column(nullable = false, updatable = false)
  private String action;

  @Column(name = "document_id", updatable = false)
  private UUID documentId;

  @Column(name = "document_version", updatable = false)
  private Integer documentVersion;

  @Column(name = "content_sha256", updatable = false)
  private String contentSha256;

  @Column(updatable = false)
  private String details;

  @Column(name = "prev_hash", nullable = false, updatable = false)
  private String prevHash;

  @Column(name = "entry_hash", nullable = false, updatable = false)
  private String entryHash;

  protected AuditEntryEntity() {}

  AuditEntryEntity(UUID efileId, AuditEntry entry) {
    this.efileId = efileId;
    this.seq = entry.seq();
    this.occurredAt = entry.occurredAt();
    this.actor = entry.actor();
    this.action = entry.action();
    this.documentId = entry.documentId();
    this.documentVersion = entry.documentVersion();
    this.contentSha256 = entry.contentSha256();
    this.details = entry.details();
    this.prevHash = entry.prevHash();
    this.entryHash = entry.entryHash();
  }

  AuditEntry toRecord() {
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
        entryHash);
  }
}
