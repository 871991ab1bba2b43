package de.amtsflow.efile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A logical document; its bytes are in {@link DocumentVersionEntity}s. */
@Entity
@Table(name = "efile_document")
class DocumentEntity {

  @Id private UUID id;

  @Column(name = "efile_id", nullable = false, updatable = false)
  private UUID efileId;

  @Column(nullable = false, updatable = false)
  private String title;

  @Column(nullable = false, updatable = false)
  private String kind;

  @Column(name = "current_version", nullable = false)
  private int currentVersion;

  protected DocumentEntity() {}

  DocumentEntity(UUID id, UUID efileId, String title, String kind) {
    this.id = id;
    this.efileId = efileId;
    this.title = title;
    this.kind = kind;
    this.currentVersion = 0;
  }

  int nextVersion() {
    currentVersion++;
    return currentVersion;
  }

  UUID id() {
    return id;
  }

  UUID efileId() {
    return efileId;
  }

  String title() {
    return title;
  }

  String kind() {
    return kind;
  }

  int currentVersion() {
    return currentVersion;
  }
}
