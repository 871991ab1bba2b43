package de.amtsflow.efile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Entity
@Table(name = "efile")
class EFileEntity {

  @Id private UUID id;

  @Column(name = "file_number", nullable = false, updatable = false)
  private String fileNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false, updatable = false)
  private EFileType type;

  @Column(nullable = false)
  private String subject;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private EFileStatus status;

  @Column(name = "retention_until")
  private LocalDate retentionUntil;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "tenant_id", nullable = false)
  private String tenantId;

  @Column(name = "audit_count", nullable = false)
  private long auditCount;

  @Column(name = "audit_head_hash", nullable = false)
  private String auditHeadHash;

  protected EFileEntity() {}

  EFileEntity(
      UUID id,
      String fileNumber,
      EFileType type,
      String subject,
      Instant createdAt,
      String createdBy,
      String tenantId) {
    this.id = id;
    this.tenantId = tenantId;
    this.fileNumber = fileNumber;
    this.type = type;
    this.subject = subject;
    this.status = EFileStatus.OPEN;
    this.createdAt = createdAt;
    this.createdBy = createdBy;
    this.auditCount = 0;
    this.auditHeadHash = AuditChain.GENESIS;
  }

  void close(Instant at, LocalDate keepUntil) {
    this.status = EFileStatus.CLOSED;
    this.closedAt = at;
    this.retentionUntil = keepUntil;
  }

  void handOver(String tenantId) {
    this.tenantId = tenantId;
  }

  String tenantId() {
    return tenantId;
  }

  void advanceAuditHead(long count, String headHash) {
    this.auditCount = count;
    this.auditHeadHash = headHash;
  }

  EFile toRecord() {
    return new EFile(
        id,
        fileNumber,
        type,
        subject,
        status,
        retentionUntil,
        createdAt,
        createdBy,
        closedAt,
        tenantId);
  }

  UUID id() {
    return id;
  }

  String fileNumber() {
    return fileNumber;
  }

  EFileType type() {
    return type;
  }

  EFileStatus status() {
    return status;
  }

  long auditCount() {
    return auditCount;
  }

  String auditHeadHash() {
    return auditHeadHash;
  }
}
