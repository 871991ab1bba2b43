package de.amtsflow.efile;

import com.fasterxml.jackson.annotation.JsonUnwrapped;
import de.amtsflow.security.Groups;
import de.amtsflow.tenant.TenantScope;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.core.io.InputStreamResource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** REST face of the e-file store for clerks; who may see which type is configured. */
@RestController
@RequestMapping("/api/efiles")
@Tag(name = "E-Akte", description = "E-files, documents, audit trail and integrity")
class EFileController {

  private final EFileStore store;
  private final EFileProperties properties;
  private final ContentRecovery contentRecovery;
  private final EFileLabels labels;
  private final EFileTimeline timeline;
  private final EFileAccess access;
  private final TenantScope scope;

  EFileController(
      EFileStore store,
      EFileProperties properties,
      ContentRecovery contentRecovery,
      EFileLabels labels,
      EFileTimeline timeline,
      EFileAccess access,
      TenantScope scope) {
    this.store = store;
    this.properties = properties;
    this.contentRecovery = contentRecovery;
    this.labels = labels;
    this.timeline = timeline;
    this.access = access;
    this.scope = scope;
  }

  /**
   * A document version as clerks read it: {@link Document} with its kind and who filed it in
   * German.
   *
   * @param kindLabel the kind in German ("Gebührenbescheid"; "Sonstiges" when no feature names it)
   * @param createdByName who filed it, in words: "Berta Bauamt (bauamt)", "Fiktion (Fristablauf)"
   */
  record DocumentView(@JsonUnwrapped Document document, String kindLabel, String createdByName) {}

  record CreateEFileRequest(
      @NotNull(message = "Aktentyp fehlt (PERMIT oder INVOICE).") EFileType type,
      @NotBlank(message = "Betreff fehlt.") @Size(max = 500, message = "Betreff zu lang.")
          String subject) {}

  record CloseEFileRequest(
      @NotNull(message = "Aufbewahrungsfrist fehlt.") LocalDate retentionUntil) {}

  @PostMapping
  @Operation(summary = "Open an e-file; its file number is generated")
  ResponseEntity<EFile> create(
      @Valid @RequestBody CreateEFileRequest request, Authentication user) {
    requireAccess(request.type(), user);
    // the clerk's authority; one who works for several opens it for the first of them
    String tenant = scope.current().stream().sorted().findFirst().orElse(null);
    EFile efile =
        store.create(new NewEFile(request.type(), request.subject(), user.getName(), null, tenant));
    return ResponseEntity.created(URI.create("/api/efiles/" + efile.id())).body(efile);
  }

  @GetMapping("/{id}")
  EFile get(@PathVariable UUID id, Authentication user) {
    return readable(id, user);
  }

  @GetMapping(params = "number")
  @Operation(summary = "Find an e-file by its file number (Aktenzeichen)")
  EFile byNumber(@RequestParam String number, Authentication user) {
    EFile efile =
        store
            .findByFileNumber(number.strip())
            .orElseThrow(
                () ->
                    new EFileException(
                        HttpStatus.NOT_FOUND,
                        "efile-not-found",
                        "E-Akte nicht gefunden",
                        "Es gibt keine E-Akte mit dem Aktenzeichen " + number.strip() + "."));
    access.requireRead(efile, groups(user));
    return efile;
  }

  @PostMapping(path = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(summary = "File a document; same kind and title as an existing one = new version")
  ResponseEntity<Document> addDocument(
      @PathVariable UUID id,
      @RequestPart("file") MultipartFile file,
      @RequestParam("title") String title,
      @RequestParam("kind") String kind,
      Authentication user) {
    readable(id, user);
    Document document =
        store.addDocument(
            id,
            new NewDocument(
                title, kind, file.getOriginalFilename(), file::getInputStream, user.getName()));
    return ResponseEntity.created(
            URI.create("/api/efiles/" + id + "/documents/" + document.id() + "/content"))
        .body(document);
  }

  @GetMapping("/{id}/documents")
  @Operation(
      summary = "The current version of every document, in filing order",
      description = "With the kind and who filed it in German (kindLabel, createdByName).")
  List<DocumentView> documents(@PathVariable UUID id, Authentication user) {
    EFile efile = readable(id, user);
    return views(efile, store.documents(id));
  }

  @GetMapping("/{id}/documents/{documentId}/versions")
  @Operation(summary = "Every version of one document, oldest first")
  List<DocumentView> versions(
      @PathVariable UUID id, @PathVariable UUID documentId, Authentication user) {
    EFile efile = readable(id, user);
    return views(efile, store.versions(id, documentId));
  }

  private List<DocumentView> views(EFile efile, List<Document> documents) {
    Map<String, String> actors =
        labels.actors(efile.type(), documents.stream().map(Document::createdBy).toList());
    return documents.stream()
        .map(
            d ->
                new DocumentView(d, labels.kind(efile.type(), d.kind()), actors.get(d.createdBy())))
        .toList();
  }

  @GetMapping("/{id}/documents/{documentId}/content")
  @Operation(summary = "Download a document version (current if no version given); ETag = SHA-256")
  ResponseEntity<InputStreamResource> content(
      @PathVariable UUID id,
      @PathVariable UUID documentId,
      @RequestParam(required = false) Integer version,
      @RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
      Authentication user)
      throws java.io.IOException {
    readable(id, user);
    DocumentContent content = store.content(id, documentId, version);
    Document document = content.document();
    String etag = "\"" + document.sha256() + "\"";
    if (etag.equals(ifNoneMatch)) {
      return ResponseEntity.status(HttpStatus.NOT_MODIFIED).eTag(etag).build();
    }
    return ResponseEntity.ok()
        .eTag(etag)
        .contentType(MediaType.parseMediaType(document.mediaType()))
        .contentLength(document.size())
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            disposition(document.mediaType())
                .filename(document.fileName(), java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .body(new InputStreamResource(content.reader().open()));
  }

  /**
   * PDFs and pictures open in the browser (a clerk reads the plans from the task form); anything
   * else (XML above all, which a browser could run as a page of ours) is downloaded.
   */
  private static ContentDisposition.Builder disposition(String mediaType) {
    return switch (mediaType) {
      case "application/pdf", "image/png", "image/jpeg" -> ContentDisposition.inline();
      default -> ContentDisposition.attachment();
    };
  }

  @GetMapping("/{id}/audit")
  List<AuditEntry> audit(@PathVariable UUID id, Authentication user) {
    readable(id, user);
    return store.audit(id);
  }

  @GetMapping("/{id}/timeline")
  @Operation(
      summary = "The case's history (Verlauf), oldest first, also for closed cases",
      description =
          "The e-file's audit trail in German, merged with the process engine's history of the"
              + " case whose business key is the Aktenzeichen: process start, each user task with"
              + " who completed it and its outcome, deadlines and fictions that fired, the end."
              + " Engine history is read with the caller's Camunda authorizations (READ_HISTORY on"
              + " the process definition); 'withheld' says when some of it was not shown.")
  EFileTimeline.Timeline timeline(@PathVariable UUID id, Authentication user) {
    return timeline.of(readable(id, user));
  }

  @GetMapping("/{id}/integrity")
  @Operation(summary = "Recompute every content hash and the audit chain")
  IntegrityReport integrity(@PathVariable UUID id, Authentication user) {
    readable(id, user);
    return store.checkIntegrity(id);
  }

  @GetMapping("/content-check")
  @Operation(
      summary =
          "Administrators: compare the content folder with the database (orphan and missing"
              + " blobs)")
  ContentRecovery.ContentCheck contentCheck(Authentication user) {
    boolean admin =
        user.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(Groups.ADMIN::equals);
    if (!admin) {
      throw new AccessDeniedException("content check is for administrators");
    }
    return contentRecovery.check();
  }

  @PostMapping("/{id}/close")
  @Operation(summary = "Close the e-file and set its retention date")
  EFile close(
      @PathVariable UUID id, @Valid @RequestBody CloseEFileRequest request, Authentication user) {
    readable(id, user);
    return store.close(id, request.retentionUntil(), user.getName());
  }

  private EFile readable(UUID id, Authentication user) {
    EFile efile = store.get(id);
    access.requireRead(efile, groups(user));
    return efile;
  }

  private static List<String> groups(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }

  private void requireAccess(EFileType type, Authentication user) {
    List<String> allowed = properties.access().getOrDefault(type, List.of());
    boolean permitted =
        user.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(allowed::contains);
    if (!permitted) {
      throw new AccessDeniedException("no access to e-files of type " + type);
    }
  }
}
