package de.amtsflow.efile;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The e-file store's API for delegates, controllers and other modules.
 *
 * <p>Failures are {@link EFileException}s that carry an RFC 9457 problem (404 unknown e-file or
 * document, 409 closed e-file, 400/413/415 rejected content). A failed write leaves nothing behind:
 * no document row, no content blob, no audit entry.
 */
public interface EFileStore {

  EFile create(NewEFile command);

  /**
   * Draws the next file number of this type and year in a short transaction of its own, for an
   * intake to pass to {@link #create} in its case transaction afterwards: the number counter is
   * then locked only for a moment, not for the whole case transaction. Call it outside a
   * transaction; a number whose case is never stored stays unused (a gap).
   */
  String reserveFileNumber(EFileType type);

  /** A file number of this tenant's series (its Aktenzeichen prefix), drawn as above. */
  String reserveFileNumber(EFileType type, String tenantId);

  EFile get(UUID efileId);

  Optional<EFile> findByFileNumber(String fileNumber);

  /** Files a document; same kind and title as an existing document = its next version. */
  Document addDocument(UUID efileId, NewDocument command);

  /** The size and formats {@link #addDocument} accepts. */
  UploadRules uploadRules();

  /**
   * Checks a file before it is sent, as {@link #addDocument} will: its size and the media type
   * sniffed from its first bytes ({@code head}, a few KB are enough). Nothing is stored; a refusal
   * is the same {@link EFileException} (413, 415, 400 for an empty file) the upload would get.
   *
   * @return the media type the bytes were recognised as
   */
  String checkUpload(long size, byte[] head);

  /** The current version of every logical document, in filing order. */
  List<Document> documents(UUID efileId);

  /** Every version of one logical document, oldest first. */
  List<Document> versions(UUID efileId, UUID documentId);

  /** The given version, or the current one when {@code version} is null. */
  DocumentContent content(UUID efileId, UUID documentId, Integer version);

  /** Closes the e-file; it accepts no documents afterwards and is kept until {@code keepUntil}. */
  EFile close(UUID efileId, LocalDate keepUntil, String actor);

  /**
   * Records something that happened to the e-file without a document (e.g. a deliberate
   * resubmission, an escalation) in its audit trail. {@code action} is an upper-case code.
   */
  AuditEntry note(UUID efileId, String action, String details, String actor);

  /**
   * Hands an open e-file over to another authority (an invoice that was for them): from now on it
   * is theirs; its Aktenzeichen stays. Recorded in the audit trail as {@code HANDED_OVER}.
   */
  EFile handOver(UUID efileId, String tenantId, String actor);

  List<AuditEntry> audit(UUID efileId);

  IntegrityReport checkIntegrity(UUID efileId);
}
