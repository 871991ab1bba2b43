package de.amtsflow.permit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

@Entity
@Table(name = "permit_application")
class PermitApplicationEntity {

  enum Channel {
    /** Submitted by the citizen or architect on the web form. */
    ONLINE,
    /** A paper application a clerk entered on the citizen's behalf. */
    PAPER
  }

  @Id UUID id;

  @Column(name = "efile_id", nullable = false)
  UUID efileId;

  @Column(name = "file_number", nullable = false)
  String fileNumber;

  /** The Bauaufsichtsbehörde's tenant, which runs the procedure. */
  @Column(name = "tenant_id", nullable = false)
  String tenantId;

  /** The tenant of the Gemeinde the plot lies in: it gives the Einvernehmen. */
  @Column(name = "consent_tenant_id", nullable = false)
  String consentTenantId;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  PermitStatus status;

  @Enumerated(EnumType.STRING)
  @Column(name = "procedure_type", nullable = false)
  PermitApplicationRequest.Procedure procedure;

  @Column(name = "building_class", nullable = false)
  int buildingClass;

  @Column(name = "mainly_residential", nullable = false)
  boolean mainlyResidential;

  @Column(name = "special_building", nullable = false)
  boolean specialBuilding;

  /** Whether the Genehmigungsfiktion can occur (decided at receipt). */
  @Column(name = "approval_fiction", nullable = false)
  boolean approvalFiction;

  @Column(name = "building_costs", nullable = false)
  BigDecimal buildingCosts;

  @Column(name = "applicant_name", nullable = false)
  String applicantName;

  @Column(name = "applicant_email")
  String applicantEmail;

  /** The application as submitted (JSON of {@link PermitApplicationRequest}). */
  @Column(nullable = false)
  String data;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  Channel channel;

  @Column(name = "entered_by")
  String enteredBy;

  /** SHA-256 (hex) of the tracking token; the token itself is only handed to the applicant. */
  @Column(name = "token_hash", nullable = false)
  String tokenHash;

  @Column(name = "idempotency_key")
  String idempotencyKey;

  /** SHA-256 of the request body sent with {@link #idempotencyKey}. */
  @Column(name = "request_hash")
  String requestHash;

  @Column(name = "received_at", nullable = false)
  Instant receivedAt;

  @Column(name = "process_instance_id")
  String processInstanceId;

  /** Open Nachforderung: what is missing, one item per line; null when none is open. */
  @Column(name = "missing_documents")
  String missingDocuments;

  PermitApplicationEntity() {}

  PermitApplicationEntity(UUID id) {
    this.id = id;
  }
}
