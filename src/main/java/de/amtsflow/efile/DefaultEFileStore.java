package de.amtsflow.efile;

import de.amtsflow.tenant.Tenant;
import de.amtsflow.tenant.Tenants;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

@Service
class DefaultEFileStore implements EFileStore {

  static final String ACTION_EFILE_CREATED = "EFILE_CREATED";
  static final String ACTION_DOCUMENT_ADDED = "DOCUMENT_ADDED";
  static final String ACTION_EFILE_CLOSED = "EFILE_CLOSED";

  private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{1,63}");
  private static final Pattern ACTION = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
  private static final int MAX_TITLE = 255;
  private static final int MAX_SUBJECT = 500;

  private final EFileRepository efiles;
  private final DocumentRepository documents;
  private final DocumentVersionRepository versions;
  private final AuditEntryRepository audit;
  private final ContentStore content;
  private final MediaTypeSniffer sniffer;
  private final FileNumberGenerator fileNumbers;
  private final EFileProperties properties;
  private final Clock clock;
  private final Tenants tenants;

  DefaultEFileStore(
      EFileRepository efiles,
      DocumentRepository documents,
      DocumentVersionRepository versions,
      AuditEntryRepository audit,
      ContentStore content,
      MediaTypeSniffer sniffer,
      FileNumberGenerator fileNumbers,
      EFileProperties properties,
      Clock clock,
      Tenants tenants) {
    this.efiles = efiles;
    this.documents = documents;
    this.versions = versions;
    this.audit = audit;
    this.content = content;
    this.sniffer = sniffer;
    this.fileNumbers = fileNumbers;
    this.properties = properties;
    this.clock = clock;
    this.tenants = tenants;
  }

  @Override
  @Transactional
  public EFile create(NewEFile command) {
    if (command.type() == null) {
      throw invalid("type", "Aktentyp fehlt (PERMIT oder INVOICE).");
    }
    String subject = command.subject() == null ? "" : command.subject().strip();
    if (subject.isEmpty() || subject.length() > MAX_SUBJECT) {
      throw invalid("subject", "Betreff fehlt oder ist länger als " + MAX_SUBJECT + " Zeichen.");
    }
    Tenant tenant =
        command.tenantId() == null ? tenants.defaultTenant() : tenants.require(command.tenantId());
    Instant now = now();
    String fileNumber =
        command.reservedFileNumber() == null
            ? fileNumbers.next(command.type(), LocalDate.now(clock).getYear(), tenant)
            : reserved(command.type(), command.reservedFileNumber());
    EFileEntity efile =
        new EFileEntity(
            UUID.randomUUID(),
            fileNumber,
            command.type(),
            subject,
            now,
            actor(command.actor()),
            tenant.id());
    efiles.save(efile);
    append(efile, now, command.actor(), ACTION_EFILE_CREATED, null, null, null, subject);
    return efile.toRecord();
  }

  @Override
  public String reserveFileNumber(EFileType type) {
    return reserveFileNumber(type, null);
  }

  @Override
  public String reserveFileNumber(EFileType type, String tenantId) {
    Tenant tenant = tenantId == null ? tenants.defaultTenant() : tenants.require(tenantId);
    return fileNumbers.next(type, LocalDate.now(clock).getYear(), tenant);
  }

  private static String reserved(EFileType type, String fileNumber) {
    if (!fileNumber.matches("([A-Z0-9]+-)?" + Pattern.quote(type.prefix()) + "-\\d{4}-\\d{6,}")) {
      throw new IllegalArgumentException("not a reserved " + type + " file number: " + fileNumber);
    }
    return fileNumber;
  }

  @Override
  @Transactional(readOnly = true)
  public EFile get(UUID efileId) {
    return efiles.findById(efileId).orElseThrow(() -> notFound(efileId)).toRecord();
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<EFile> findByFileNumber(String fileNumber) {
    return efiles.findByFileNumber(fileNumber).map(EFileEntity::toRecord);
  }

  @Override
  @Transactional
  public Document addDocument(UUID efileId, NewDocument command) {
    String title = command.title() == null ? "" : command.title().strip();
    if (title.isEmpty() || title.length() > MAX_TITLE) {
      throw invalid("title", "Titel fehlt oder ist länger als " + MAX_TITLE + " Zeichen.");
    }
    if (command.kind() == null || !KIND.matcher(command.kind()).matches()) {
      throw invalid(
          "kind", "Dokumentart fehlt oder ist ungültig (z. B. application, plan, notice).");
    }
    // check the e-file before reading any bytes: an unknown or closed e-file costs nothing
    EFileEntity efile = efiles.findForUpdate(efileId).orElseThrow(() -> notFound(efileId));
    requireOpen(efile);

    ContentStore.Staged staged = stage(command);
    boolean stagedConsumed = false;
    try {
      String mediaType = requireAllowed(sniffer.sniff(staged.head()));
      DocumentEntity document =
          documents
              .findByEfileIdAndKindAndTitle(efileId, command.kind(), title)
              .orElseGet(
                  () -> new DocumentEntity(UUID.randomUUID(), efileId, title, command.kind()));
      int version = document.nextVersion();
      documents.save(document);
      Instant now = now();
      DocumentVersionEntity row =
          new DocumentVersionEntity(
              UUID.randomUUID(),
              document.id(),
              version,
              FileNames.sanitise(command.fileName()),
              mediaType,
              staged.size(),
              staged.sha256(),
              actor(command.actor()),
              now);
      versions.save(row);
      append(
          efile,
          now,
          command.actor(),
          ACTION_DOCUMENT_ADDED,
          document.id(),
          version,
          staged.sha256(),
          command.kind() + ": " + title);
      ContentStore.Pending blob = content.commit(staged);
      stagedConsumed = true;
      settleAfterTransaction(blob);
      return row.toRecord(document);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot store content of " + title, e);
    } finally {
      if (!stagedConsumed) {
        content.discard(staged);
      }
    }
  }

  @Override
  public UploadRules uploadRules() {
    return UploadRules.of(properties.maxUploadSize().toBytes(), properties.allowedMediaTypes());
  }

  @Override
  public String checkUpload(long size, byte[] head) {
    if (size > properties.maxUploadSize().toBytes()) {
      throw tooLarge();
    }
    if (size <= 0 || head.length == 0) {
      throw invalid("file", "Die Datei ist leer.");
    }
    return requireAllowed(sniffer.sniff(head));
  }

  private String requireAllowed(String mediaType) {
    if (properties.allowedMediaTypes().contains(mediaType)) {
      return mediaType;
    }
    throw new EFileException(
        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
        "media-type-not-allowed",
        "Dateityp nicht erlaubt",
        // people read formats, not media types; machines get both in the extensions
        "Diese Art von Datei wird nicht angenommen. Erlaubt sind: "
            + formatNames(properties.allowedMediaTypes())
            + ".",
        Map.of(
            "field",
            "file",
            "detectedMediaType",
            mediaType,
            "allowedMediaTypes",
            properties.allowedMediaTypes()));
  }

  private EFileException tooLarge() {
    return new EFileException(
        HttpStatus.PAYLOAD_TOO_LARGE,
        "too-large",
        "Datei zu groß",
        "Die Datei ist größer als "
            + UploadRules.sizeText(properties.maxUploadSize().toBytes())
            + ".",
        Map.of("field", "file", "maxBytes", properties.maxUploadSize().toBytes()));
  }

  private ContentStore.Staged stage(NewDocument command) {
    long max = properties.maxUploadSize().toBytes();
    ContentStore.Staged staged;
    try (InputStream in = command.content().open()) {
      staged = content.stage(in, max);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read uploaded content", e);
    }
    if (staged == null) {
      throw tooLarge();
    }
    if (staged.size() == 0) {
      content.discard(staged);
      throw invalid("file", "Die Datei ist leer.");
    }
    return staged;
  }

  // A blob is written before the transaction commits (so a commit never points at missing bytes);
  // if the transaction then rolls back, the new blob is removed again unless something else uses
  // it. Its pending marker covers the case that the process dies in between (ContentRecovery).
  private void settleAfterTransaction(ContentStore.Pending blob) {
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCompletion(int status) {
            content.settled(blob, status == STATUS_COMMITTED, versions::existsBySha256);
          }
        });
  }

  @Override
  @Transactional(readOnly = true)
  public List<Document> documents(UUID efileId) {
    requireExists(efileId);
    Map<UUID, Instant> filedAt = new HashMap<>();
    List<Document> current = new ArrayList<>();
    // versions and their documents in one statement: two queries could see a document filed
    // concurrently in between (its version without its document)
    for (Object[] row : versions.findAllOfEFileWithDocument(efileId)) {
      DocumentVersionEntity v = (DocumentVersionEntity) row[0];
      DocumentEntity d = (DocumentEntity) row[1];
      Document doc = v.toRecord(d);
      filedAt.putIfAbsent(d.id(), doc.createdAt());
      if (v.version() == d.currentVersion()) {
        current.add(doc);
      }
    }
    current.sort(Comparator.comparing((Document d) -> filedAt.get(d.id())));
    return current;
  }

  @Override
  @Transactional(readOnly = true)
  public List<Document> versions(UUID efileId, UUID documentId) {
    DocumentEntity document = document(efileId, documentId);
    return versions.findByDocumentIdOrderByVersion(documentId).stream()
        .map(v -> v.toRecord(document))
        .toList();
  }

  @Override
  @Transactional(readOnly = true)
  public DocumentContent content(UUID efileId, UUID documentId, Integer version) {
    DocumentEntity document = document(efileId, documentId);
    int wanted = version == null ? document.currentVersion() : version;
    DocumentVersionEntity row =
        versions
            .findByDocumentIdAndVersion(documentId, wanted)
            .orElseThrow(
                () ->
                    new EFileException(
                        HttpStatus.NOT_FOUND,
                        "version-not-found",
                        "Version nicht gefunden",
                        "Das Dokument hat keine Version " + wanted + "."));
    String sha = row.sha256();
    return new DocumentContent(row.toRecord(document), () -> content.open(sha));
  }

  @Override
  @Transactional
  public EFile close(UUID efileId, LocalDate keepUntil, String actor) {
    EFileEntity efile = efiles.findForUpdate(efileId).orElseThrow(() -> notFound(efileId));
    requireOpen(efile);
    if (keepUntil == null || !keepUntil.isAfter(LocalDate.now(clock))) {
      throw invalid("retentionUntil", "Die Aufbewahrungsfrist muss in der Zukunft liegen.");
    }
    Instant now = now();
    efile.close(now, keepUntil);
    append(
        efile, now, actor, ACTION_EFILE_CLOSED, null, null, null, "retention until " + keepUntil);
    return efile.toRecord();
  }

  @Override
  @Transactional
  public EFile handOver(UUID efileId, String tenantId, String actor) {
    Tenant tenant = tenants.require(tenantId);
    EFileEntity efile = efiles.findForUpdate(efileId).orElseThrow(() -> notFound(efileId));
    requireOpen(efile);
    String from = efile.tenantId();
    if (from.equals(tenant.id())) {
      return efile.toRecord();
    }
    efile.handOver(tenant.id());
    append(
        efile,
        now(),
        actor,
        "HANDED_OVER",
        null,
        null,
        null,
        "from " + from + " to " + tenant.id());
    return efile.toRecord();
  }

  @Override
  @Transactional
  public AuditEntry note(UUID efileId, String action, String details, String actor) {
    if (action == null || !ACTION.matcher(action).matches()) {
      throw invalid("action", "Aktion fehlt oder ist ungültig (z. B. RESUBMISSION).");
    }
    EFileEntity efile = efiles.findForUpdate(efileId).orElseThrow(() -> notFound(efileId));
    return append(efile, now(), actor, action, null, null, null, details);
  }

  @Override
  @Transactional(readOnly = true)
  public List<AuditEntry> audit(UUID efileId) {
    requireExists(efileId);
    return audit.findChain(efileId).stream().map(AuditEntryEntity::toRecord).toList();
  }

  @Override
  // one snapshot for the e-file row, its versions and its chain: a document filed meanwhile must
  // not look like an unaudited version or a chain longer than its head
  @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
  public IntegrityReport checkIntegrity(UUID efileId) {
    EFileEntity efile = efiles.findById(efileId).orElseThrow(() -> notFound(efileId));
    List<AuditEntry> chain =
        audit.findChain(efileId).stream().map(AuditEntryEntity::toRecord).toList();
    List<DocumentVersionEntity> allVersions = versions.findAllOfEFile(efileId);
    IntegrityChecker checker = new IntegrityChecker(content);
    List<IntegrityReport.Problem> problems = new ArrayList<>();
    problems.addAll(checker.checkContent(allVersions));
    problems.addAll(checker.checkChain(efileId, chain, efile.auditCount(), efile.auditHeadHash()));
    problems.addAll(checker.checkVersionsAreAudited(allVersions, chain));
    return new IntegrityReport(
        efileId,
        efile.fileNumber(),
        problems.isEmpty(),
        allVersions.size(),
        chain.size(),
        now(),
        List.copyOf(problems));
  }

  private AuditEntry append(
      EFileEntity efile,
      Instant at,
      String actor,
      String action,
      UUID documentId,
      Integer version,
      String sha256,
      String details) {
    AuditEntry entry =
        AuditChain.next(
            efile.id(),
            efile.auditCount() + 1,
            efile.auditHeadHash(),
            at,
            actor(actor),
            action,
            documentId,
            version,
            sha256,
            details);
    audit.save(new AuditEntryEntity(efile.id(), entry));
    efile.advanceAuditHead(entry.seq(), entry.entryHash());
    efiles.save(efile);
    return entry;
  }

  private DocumentEntity document(UUID efileId, UUID documentId) {
    requireExists(efileId);
    return documents
        .findByIdAndEfileId(documentId, efileId)
        .orElseThrow(
            () ->
                new EFileException(
                    HttpStatus.NOT_FOUND,
                    "document-not-found",
                    "Dokument nicht gefunden",
                    "Die E-Akte enthält kein Dokument " + documentId + "."));
  }

  private void requireExists(UUID efileId) {
    if (!efiles.existsById(efileId)) {
      throw notFound(efileId);
    }
  }

  private static void requireOpen(EFileEntity efile) {
    if (efile.status() != EFileStatus.OPEN) {
      throw new EFileException(
          HttpStatus.CONFLICT,
          "efile-closed",
          "E-Akte geschlossen",
          "Die E-Akte " + efile.fileNumber() + " ist geschlossen und nimmt nichts mehr auf.");
    }
  }

  private Instant now() {
    // millisecond precision survives every database's timestamp type, so hashes recompute equal
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }

  /** "application/pdf, text/xml, image/png" → "PDF, XML, PNG". */
  static String formatNames(List<String> mediaTypes) {
    return mediaTypes.stream()
        .map(t -> t.substring(t.indexOf('/') + 1).replaceFirst("^x-", "").replace("+xml", ""))
        .map(t -> t.toUpperCase(java.util.Locale.ROOT))
        .distinct()
        .collect(java.util.stream.Collectors.joining(", "));
  }

  private static String actor(String actor) {
    return actor == null || actor.isBlank() ? "system" : actor;
  }

  static EFileException notFound(UUID efileId) {
    return new EFileException(
        HttpStatus.NOT_FOUND,
        "efile-not-found",
        "E-Akte nicht gefunden",
        "Es gibt keine E-Akte " + efileId + ".");
  }

  static EFileException invalid(String field, String message) {
    return new EFileException(
        HttpStatus.BAD_REQUEST,
        "invalid-field",
        "Ungültige Eingabe",
        message,
        Map.of("field", field, "errors", List.of(Map.of("field", field, "message", message))));
  }
}
