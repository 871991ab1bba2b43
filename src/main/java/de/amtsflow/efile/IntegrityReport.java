package de.amtsflow.efile;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Result of recomputing every content hash and the audit chain of one e-file. */
public record IntegrityReport(
    UUID efileId,
    String fileNumber,
    boolean intact,
    int documentVersionsChecked,
    long auditEntriesChecked,
    Instant checkedAt,
    List<Problem> problems) {

  /** A single finding; {@code code} is stable for machines, {@code message} is for people. */
  public record Problem(String code, String message, UUID documentId, Integer version, Long seq) {}
}
