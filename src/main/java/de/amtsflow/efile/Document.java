package de.amtsflow.efile;

import java.time.Instant;
import java.util.UUID;

/**
 * One version of a logical document in an e-file. {@code id} names the logical document (stable
 * across versions); {@code version} starts at 1.
 */
public record Document(
    UUID id,
    UUID efileId,
    String title,
    String kind,
    int version,
    String fileName,
    String mediaType,
    long size,
    String sha256,
    String createdBy,
    Instant createdAt) {}
