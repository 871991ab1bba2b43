package de.amtsflow.permit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsflow.efile.Document;
import de.amtsflow.efile.DocumentContent;
import de.amtsflow.efile.EFileAccess;
import de.amtsflow.efile.EFileStore;
import de.amtsflow.efile.UploadRules;
import de.amtsflow.security.Groups;
import de.amtsflow.security.PublicEndpoint;
import de.amtsflow.tenant.Tenants;
import de.amtsflow.web.ClientRateLimiter;
import de.amtsflow.web.FieldProblems;
import de.amtsflow.web.FieldProblems.FieldError;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
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

/**
 * The citizen's entry points (no login; the tracking token in {@value #TOKEN_HEADER} opens one
 * application) and the clerks' read of an application. A permit clerk may submit too: that is a
 * paper application entered on the citizen's behalf.
 */
@RestController
@RequestMapping("/api/permit-applications")
@Tag(name = "Bauantrag", description = "Digital building permit: submit, documents, status")
class PermitController {

  static final String TOKEN_HEADER = "X-Tracking-Token";

  /** Who may read any application without its token. */
  static final Set<String> READERS = readers();

  private static Set<String> readers() {
    Set<String> readers = new java.util.HashSet<>(Groups.AGENCIES);
    readers.addAll(Set.of(Groups.ADMIN, Groups.PERMIT_CLERKS, Groups.MUNICIPALITY));
    return Set.copyOf(readers);
  }

  private final PermitIntake intake;
  private final PermitDocuments documents;
  private final PermitStatusView statusView;
  private final PermitCases cases;
  private final PermitApplicationRules rules;
  private final EFileStore efiles;
  private final EFileAccess access;
  private final Tenants tenants;
  private final ObjectMapper json;
  private final ClientRateLimiter submits;
  private final ClientRateLimiter reads;

  PermitController(
      PermitIntake intake,
      PermitDocuments documents,
      PermitStatusView statusView,
      PermitCases cases,
      PermitApplicationRules rules,
      EFileStore efiles,
      EFileAccess access,
      Tenants tenants,
      ObjectMapper json,
      PermitProperties properties,
      Clock clock) {
    this.intake = intake;
    this.documents = documents;
    this.statusView = statusView;
    this.cases = cases;
    this.rules = rules;
    this.efiles = efiles;
    this.access = access;
    this.tenants = tenants;
    this.json = json;
    this.submits = new ClientRateLimiter(properties.submitsPerMinute(), clock);
    this.reads = new ClientRateLimiter(properties.requestsPerMinute(), clock);
  }

  @Bean
  static PublicEndpoint permitSubmitEndpoint() {
    return new PublicEndpoint(HttpMethod.POST, "/api/permit-applications");
  }

  @Bean
  static PublicEndpoint permitDocumentsEndpoint() {
    return new PublicEndpoint(HttpMethod.POST, "/api/permit-applications/*/documents");
  }

  @Bean
  static PublicEndpoint permitStatusEndpoint() {
    return new PublicEndpoint(HttpMethod.GET, "/api/permit-applications/*/status");
  }

  @Bean
  static PublicEndpoint permitChecksEndpoint() {
    return new PublicEndpoint(HttpMethod.POST, "/api/permit-applications/checks");
  }

  @Bean
  static PublicEndpoint permitDocumentChecksEndpoint() {
    return new PublicEndpoint(HttpMethod.POST, "/api/permit-applications/document-checks");
  }

  @Bean
  static PublicEndpoint permitFormRulesEndpoint() {
    return new PublicEndpoint(HttpMethod.GET, "/api/permit-applications/form-rules");
  }

  @Bean
  static PublicEndpoint permitLookupEndpoint() {
    return new PublicEndpoint(HttpMethod.POST, "/api/permit-applications/lookup");
  }

  @Bean
  static PublicEndpoint permitLettersEndpoint() {
    return new PublicEndpoint(HttpMethod.GET, "/api/permit-applications/*/letters/*");
  }

  /** The answer to a step check: the broken rules of the sections asked about (none: go on). */
  record StepCheck(boolean valid, List<FieldError> errors) {}

  @PostMapping(path = "/checks", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "Check sections of an application before submitting it (the web form does so when a"
              + " step is left): the submit's own rules, answered for the sections named"
              + " (applicant, builder, designer, plot, project; none: all). Nothing is stored.")
  StepCheck check(
      @RequestBody PermitApplicationRequest request,
      @RequestParam(name = "sections", required = false) List<String> sections,
      Authentication user,
      HttpServletRequest http) {
    String clerk = hasGroup(user, Groups.PERMIT_CLERKS) ? user.getName() : null;
    if (clerk == null) {
      reads.check(http.getRemoteAddr(), "permit", "Zu viele Anfragen");
    }
    if (request == null) {
      throw FieldProblems.invalid(List.of(new FieldError("body", "Antragsdaten fehlen.")));
    }
    List<PermitApplicationRules.Section> wanted = new ArrayList<>();
    for (String key : sections == null ? List.<String>of() : sections) {
      try {
        wanted.add(PermitApplicationRules.Section.ofKey(key.strip()));
      } catch (IllegalArgumentException unknown) {
        throw FieldProblems.invalid(
            List.of(
                new FieldError(
                    "sections",
                    "Unbekannter Abschnitt „"
                        + key
                        + "“; möglich: applicant, builder, designer, plot, project.")));
      }
    }
    List<FieldError> errors =
        wanted.isEmpty() ? rules.check(request, clerk) : rules.check(request, clerk, wanted);
    return new StepCheck(errors.isEmpty(), errors);
  }

  /** A document kind of a Bauvorlage with its German name. */
  record KindOption(DocumentKind value, String label) {}

  /** A professional qualification of the Entwurfsverfasser; some require the chamber number. */
  record QualificationOption(
      PermitApplicationRequest.Qualification value, String label, boolean chamberNumberRequired) {}

  /**
   * What the web form needs before sending: upload size and formats, document kinds, the
   * qualifications.
   */
  /** A Gemeinde the citizen may pick: the plot lies in it. */
  record MunicipalityOption(String municipalityKey, String name) {}

  record FormRules(
      UploadRules upload,
      List<KindOption> documentKinds,
      List<QualificationOption> qualifications,
      List<MunicipalityOption> municipalities) {}

  @GetMapping("/form-rules")
  @Operation(
      summary = "Upload limits, accepted formats and document kinds, as the server applies them")
  FormRules formRules() {
    return new FormRules(
        efiles.uploadRules(),
        Arrays.stream(DocumentKind.values()).map(k -> new KindOption(k, k.title())).toList(),
        Arrays.stream(PermitApplicationRequest.Qualification.values())
            .map(q -> new QualificationOption(q, q.label(), q.needsChamberNumber()))
            .toList(),
        tenants.municipalities().stream()
            .map(t -> new MunicipalityOption(t.municipalityKey(), t.name()))
            .toList());
  }

  /** A file found acceptable: the format its bytes were recognised as. */
  record DocumentCheck(String mediaType) {}

  @PostMapping(path = "/document-checks", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Check a file when it is chosen, before the application is sent: its size and the"
              + " format of its first bytes (send the first form-rules.upload.headBytes bytes as"
              + " 'head'). 200, or the 413/415/400 problem the upload would get.")
  DocumentCheck checkDocument(
      @RequestPart("head") MultipartFile head,
      @RequestParam("size") long size,
      Authentication user,
      HttpServletRequest http)
      throws java.io.IOException {
    if (!hasGroup(user, Groups.PERMIT_CLERKS)) {
      reads.check(http.getRemoteAddr(), "permit", "Zu viele Anfragen");
    }
    int limit = efiles.uploadRules().headBytes();
    byte[] bytes;
    try (java.io.InputStream in = head.getInputStream()) {
      bytes = in.readNBytes(limit);
    }
    return new DocumentCheck(efiles.checkUpload(size, bytes));
  }

  /** What the tracking page asks: the Aktenzeichen and the code from the Eingangsbestätigung. */
  record Lookup(String fileNumber, String accessCode) {}

  record Found(UUID applicationId, String fileNumber) {}

  @PostMapping(path = "/lookup", consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "Find an application by its Aktenzeichen and access code (Eingangsbestätigung); the"
              + " access code then serves as X-Tracking-Token. 404 for a wrong pair.")
  Found lookup(@RequestBody Lookup lookup, HttpServletRequest http) {
    reads.check(http.getRemoteAddr(), "permit", "Zu viele Anfragen");
    if (lookup == null) {
      throw PermitProblems.notFound();
    }
    PermitApplicationEntity application =
        cases.byFileNumber(lookup.fileNumber(), lookup.accessCode());
    return new Found(application.id, application.fileNumber);
  }

  @GetMapping("/{id}/letters/{documentId}")
  @Operation(summary = "Download a letter sent to the applicant (token in X-Tracking-Token)")
  ResponseEntity<byte[]> letter(
      @PathVariable UUID id,
      @PathVariable UUID documentId,
      @RequestHeader(name = TOKEN_HEADER, required = false) String token,
      Authentication user,
      HttpServletRequest http)
      throws java.io.IOException {
    if (!isReader(user)) {
      reads.check(http.getRemoteAddr(), "permit", "Zu viele Anfragen");
    }
    PermitApplicationEntity application = isReader(user) ? cases.get(id) : cases.byToken(id, token);
    boolean isLetter =
        statusView.letters(application).stream().anyMatch(l -> l.documentId().equals(documentId));
    if (!isLetter) {
      throw PermitProblems.of(
          HttpStatus.NOT_FOUND,
          "letter-not-found",
          "Schreiben nicht gefunden",
          "Zu diesem Antrag gibt es dieses Schreiben nicht.",
          java.util.Map.of());
    }
    DocumentContent content = efiles.content(application.efileId, documentId, null);
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(content.document().fileName(), StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .body(content.readAllBytes());
  }

  @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
  @Operation(
      summary =
          "Submit a Bauantrag (no login; with a permit clerk's login: a paper application)."
              + " Idempotency-Key makes a retry return the same application.")
  ResponseEntity<PermitReceipt> submit(
      @RequestBody PermitApplicationRequest request,
      @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
      Authentication user,
      HttpServletRequest http) {
    String clerk = hasGroup(user, Groups.PERMIT_CLERKS) ? user.getName() : null;
    if (clerk == null) {
      submits.check(http.getRemoteAddr(), "permit", "Zu viele Anträge");
    }
    PermitIntake.Submitted submitted;
    try {
      submitted = intake.submit(request, idempotencyKey, clerk);
    } catch (DataIntegrityViolationException raced) {
      // two submits with the same key at once: the other one won, answer with its application
      submitted = intake.submit(request, idempotencyKey, clerk);
    }
    PermitReceipt receipt = submitted.receipt();
    return ResponseEntity.created(URI.create(receipt.statusUrl()))
        .header("Idempotent-Replayed", Boolean.toString(submitted.replayed()))
        .body(receipt);
  }

  record DocumentReceipt(
      UUID documentId,
      String title,
      String kind,
      int version,
      String fileName,
      String mediaType,
      long size,
      String sha256,
      Instant filedAt,
      boolean answeredRequest) {}

  @PostMapping(path = "/{id}/documents", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "Upload a Bauvorlage (token in X-Tracking-Token); answers an open Nachforderung unless"
              + " answersRequest=false")
  ResponseEntity<DocumentReceipt> upload(
      @PathVariable UUID id,
      @RequestHeader(name = TOKEN_HEADER, required = false) String token,
      @RequestPart("file") MultipartFile file,
      @RequestParam("kind") DocumentKind kind,
      @RequestParam(name = "title", required = false) String title,
      @RequestParam(name = "answersRequest", defaultValue = "true") boolean answersRequest,
      Authentication user,
      HttpServletRequest http) {
    boolean clerk = hasGroup(user, Groups.PERMIT_CLERKS);
    if (!clerk) {
      reads.check(http.getRemoteAddr(), "permit", "Zu viele Anfragen");
    } else {
      // a clerk files for the cases of their own authority only
      access.requireRead(efiles.get(cases.get(id).efileId), groups(user));
    }
    PermitDocuments.Uploaded uploaded =
        documents.upload(
            id,
            token,
            kind,
            title,
            file.getOriginalFilename(),
            file::getInputStream,
            answersRequest,
            clerk ? user.getName() : PermitIntake.ACTOR_ONLINE);
    Document d = uploaded.document();
    return ResponseEntity.status(HttpStatus.CREATED)
        .body(
            new DocumentReceipt(
                d.id(),
                d.title(),
                d.kind(),
                d.version(),
                d.fileName(),
                d.mediaType(),
                d.size(),
                d.sha256(),
                d.createdAt(),
                uploaded.answeredRequest()));
  }

  @GetMapping("/{id}/status")
  @Operation(summary = "Status, timeline and open deadlines (token in X-Tracking-Token)")
  PermitStatusView.Status status(
      @PathVariable UUID id,
      @RequestHeader(name = TOKEN_HEADER, required = false) String token,
      Authentication user,
      HttpServletRequest http) {
    if (!isReader(user)) {
      reads.check(http.getRemoteAddr(), "permit", "Zu viele Anfragen");
    }
    PermitApplicationEntity application = isReader(user) ? cases.get(id) : cases.byToken(id, token);
    return statusView.of(application);
  }

  record ApplicationView(
      UUID applicationId,
      String fileNumber,
      UUID efileId,
      PermitStatus status,
      String channel,
      String enteredBy,
      Instant receivedAt,
      String processInstanceId,
      JsonNode application) {}

  @GetMapping("/{id}")
  @Operation(summary = "The application's data, for clerks, the Gemeinde and the Fachstellen")
  ApplicationView get(@PathVariable UUID id, Authentication user) throws JsonProcessingException {
    if (!isReader(user)) {
      throw new AccessDeniedException("applications are read by the permit groups");
    }
    PermitApplicationEntity a = cases.get(id);
    // the Bauaufsicht's clerks, the plot's Gemeinde and the Fachstellen asked: as for its e-file
    access.requireRead(efiles.get(a.efileId), groups(user));
    return new ApplicationView(
        a.id,
        a.fileNumber,
        a.efileId,
        a.status,
        a.channel.name(),
        a.enteredBy,
        a.receivedAt,
        a.processInstanceId,
        json.readTree(a.data));
  }

  private static List<String> groups(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }

  private static boolean isReader(Authentication user) {
    return READERS.stream().anyMatch(group -> hasGroup(user, group));
  }

  private static boolean hasGroup(Authentication user, String group) {
    return user != null
        && user.isAuthenticated()
        && !(user instanceof AnonymousAuthenticationToken)
        && user.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(group::equals);
  }
}
