package de.amtsflow.efile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "efile_document_version")
class DocumentVersionEntity {

  @Id private UUID id;

  @Column(name = "document_id", nullable = false, updatable = false)
  private UUID documentId;

  @Column(nullable = false, updatable = false)
  private int version;

  @Column(name = "file_name", nullable = false, updatable = false)
  private String fileName;

  @Column(name = "media_type", nullable = false, updatable = false)
  private String mediaType;

  @Column(name = "size_bytes", nullable = false, updatable = false)
  private long sizeBytes;

  @Column(nullable = false, updatable = false)
  private String sha256;

  @Column(name = "created_by", nullable = false, updatable = false)
  private String createdBy;

  @Column(name = "created_at", nullable = false, updatable = false)
  private Instant createdAt;

  protected DocumentVersionEntity() {}

  DocumentVersionEntity(
      UUID id,
      UUID documentId,
      int version,
      String fileName,
      String mediaType,
      long sizeBytes,
      String sha256,
      String createdBy,
      Instant createdAt) {
    this.id = id;
    this.documentId = documentId;
    this.version = version;
    this.fileName = fileName;
    this.mediaType = mediaType;
    this.sizeBytes = sizeBytes;
    this.sha256 = sha256;
    this.createdBy = createdBy;
    this.createdAt = createdAt;
  }

  Document toRecord(DocumentEntity document) {
    return new Document(
        document.id(),
        document.efileId(),
        document.title(),
        document.kind(),
        version,
        fileName,
        mediaType,
        sizeBytes,
        sha256,
        createdBy,
        createdAt);
  }

  UUID documentId() {
    return documentId;
  }

  int version() {
    return version;
  }

  long sizeBytes() {
    return sizeBytes;
  }

  String sha256() {
    return sha256;
  }
}
