package de.amtsflow.permit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsflow.efile.Document;
import de.amtsflow.security.Groups;
import de.amtsflow.security.PublicEndpoint;
import de.amtsflow.web.ClientRateLimiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.dao.DataIntegrityViolationException;
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
  static final Set<String> READERS =
      Set.of(Groups.ADMIN, Groups.PERMIT_CLERKS, Groups.MUNICIPALITY, Groups.AGENCIES);

  private final PermitIntake intake;
  private final PermitDocuments documents;
  private final PermitStatusView statusView;
  private final PermitCases cases;
  private final ObjectMapper json;
  private final ClientRateLimiter submits;
  private final ClientRateLimiter reads;

  PermitController(
      PermitIntake intake,
      PermitDocuments documents,
      PermitStatusView statusView,
      PermitCases cases,
      ObjectMapper json,
      PermitProperties properties,
      Clock clock) {
    this.intake = intake;
    this.documents = documents;
    this.statusView = statusView;
    this.cases = cases;
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
