package de.amtsflow.efile;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An e-file (eAkte) as the store hands it out. *
 *
 * <p>{@code tenantId}: the authority whose e-file it is (Camunda tenant id).
 */
public record EFile(
    UUID id,
    String fileNumber,
    EFileType type,
    String subject,
    EFileStatus status,
    LocalDate retentionUntil,
    Instant createdAt,
    String createdBy,
    Instant closedAt,
    String tenantId) {}
