package de.amtsflow.permit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One step of an application's citizen-readable timeline. */
@Entity
@Table(name = "permit_timeline")
class PermitTimelineEntity {

  @Id UUID id;

  @Column(name = "application_id", nullable = false)
  UUID applicationId;

  @Column(nullable = false)
  int seq;

  @Column(name = "occurred_at", nullable = false)
  Instant occurredAt;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  PermitStatus status;

  /** German, for the citizen. */
  @Column(nullable = false)
  String text;

  PermitTimelineEntity() {}

  PermitTimelineEntity(
      UUID applicationId, int seq, Instant occurredAt, PermitStatus status, String text) {
    this.id = UUID.randomUUID();
    this.applicationId = applicationId;
    this.seq = seq;
    this.occurredAt = occurredAt;
    this.status = status;
    this.text = text;
  }
}
