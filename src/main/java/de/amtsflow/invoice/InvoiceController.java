package de.amtsflow.invoice;

import de.amtsflow.efile.DocumentContent;
import de.amtsflow.efile.EFileStore;
import de.amtsflow.security.Groups;
import de.amtsflow.security.PublicEndpoint;
import de.amtsflow.tenant.TenantScope;
import de.amtsflow.web.ClientRateLimiter;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The supplier's entry point, open without login like the invoice mailbox it replaces (the supplier
 * page, a portal or a Peppol access point post here), bounded in size and rate. Reading an invoice
 * needs a login.
 */
@RestController
@RequestMapping("/api/invoices")
@Tag(name = "E-Rechnung", description = "Intake and status of e-invoices")
class InvoiceController {

  static final Set<String> READERS =
      Set.of(
          Groups.ADMIN, Groups.INVOICE_CLERKS, Groups.INVOICE_APPROVERS, Groups.PAYMENT_AUTHORITY);

  private final InvoiceIntake intake;
  private final InvoiceRepository invoices;
  private final InvoiceExtractor extractor;
  private final EFileStore efiles;
  private final ClientRateLimiter perAddress;
  private final ClientRateLimiter perUser;
  private final InvoiceProperties properties;
  private final InvoiceRendering rendering;
  private final TenantScope scope;

  InvoiceController(
      InvoiceIntake intake,
      InvoiceRepository invoices,
      InvoiceExtractor extractor,
      EFileStore efiles,
      InvoiceProperties properties,
      InvoiceRendering rendering,
      Clock clock,
      TenantScope scope) {
    this.scope = scope;
    this.intake = intake;
    this.invoices = invoices;
    this.extractor = extractor;
    this.efiles = efiles;
    this.perAddress = new ClientRateLimiter(properties.intakePerMinute(), clock);
    this.perUser = new ClientRateLimiter(properties.intakePerMinuteAuthenticated(), clock);
    this.properties = properties;
    this.rendering = rendering;
  }

  @Bean
  static PublicEndpoint invoiceIntakeEndpoint() {
    return new PublicEndpoint(HttpMethod.POST, "/api/invoices");
  }

  @PostMapping(consumes = {"application/xml", "text/xml", "application/pdf"})
  @Operation(summary = "Deliver an e-invoice as raw XML or PDF (no login)")
  ResponseEntity<InvoiceReceipt> receiveRaw(
      HttpServletRequest request,
      @RequestHeader(name = "X-Resubmission", defaultValue = "false") boolean resubmission)
      throws IOException {
    throttle(request);
    long max = properties.maxSize().toBytes();
    if (request.getContentLengthLong() > max) {
      throw InvoiceProblems.tooLarge(max);
    }
    byte[] content;
    try (InputStream in = request.getInputStream()) {
      content = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, max + 1));
    }
    if (content.length > max) {
      throw InvoiceProblems.tooLarge(max);
    }
    return accepted(intake.receive(content, null, resubmission));
  }

  @PostMapping(consumes = "multipart/form-data")
  @Operation(summary = "Deliver an e-invoice as multipart field 'file' (no login)")
  ResponseEntity<InvoiceReceipt> receiveMultipart(
      HttpServletRequest request,
      @RequestPart("file") MultipartFile file,
      @RequestHeader(name = "X-Resubmission", defaultValue = "false") boolean resubmission)
      throws IOException {
    throttle(request);
    long max = properties.maxSize().toBytes();
    if (file.getSize() > max) {
      throw InvoiceProblems.tooLarge(max);
    }
    return accepted(intake.receive(file.getBytes(), file.getOriginalFilename(), resubmission));
  }

  @GetMapping("/{id}")
  @Operation(summary = "Status, verdict and extracted data of a received invoice")
  InvoiceView get(@PathVariable UUID id, Authentication user) throws IOException {
    InvoiceEntity invoice = readable(id, user);
    DocumentContent original = efiles.content(invoice.efileId, invoice.originalDocumentId, 1);
    InvoiceData data = extractor.extract(original.readAllBytes());
    return new InvoiceView(
        invoice.id,
        invoice.efileId,
        invoice.fileNumber,
        invoice.status,
        invoice.valid,
        intake.read(invoice.validationErrors),
        invoice.routing,
        invoice.rejectionReason,
        invoice.resubmission,
        invoice.receivedAt,
        invoice.originalDocumentId,
        data);
  }

  @GetMapping("/{id}/original")
  @Operation(summary = "The invoice file as the supplier delivered it (XML or PDF)")
  ResponseEntity<byte[]> original(@PathVariable UUID id, Authentication user) throws IOException {
    InvoiceEntity invoice = readable(id, user);
    DocumentContent original = efiles.content(invoice.efileId, invoice.originalDocumentId, 1);
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(original.document().mediaType()))
        .eTag("\"" + original.document().sha256() + "\"")
        .header(
            "Content-Disposition",
            org.springframework.http.ContentDisposition.inline()
                .filename(original.document().fileName(), java.nio.charset.StandardCharsets.UTF_8)
                .build()
                .toString())
        .header("X-Content-Type-Options", "nosniff")
        .header("Content-Security-Policy", "default-src 'none'; sandbox")
        .body(original.readAllBytes());
  }

  @GetMapping(path = "/{id}/view", produces = "text/html")
  @Operation(summary = "The invoice rendered as a readable HTML page (German)")
  ResponseEntity<String> view(@PathVariable UUID id, Authentication user) throws Exception {
    InvoiceEntity invoice = readable(id, user);
    byte[] xml =
        extractor.invoiceXml(
            efiles.content(invoice.efileId, invoice.originalDocumentId, 1).readAllBytes());
    // HTML, not the filed PDF: it opens in the browser at once, and the CSP below keeps it inert
    String html = rendering.html(xml);
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
        // the page shows supplier data: no script runs, nothing loads from elsewhere
        .header(
            "Content-Security-Policy",
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-ancestors 'self'")
        .body(html);
  }

  private InvoiceEntity readable(UUID id, Authentication user) {
    boolean reader =
        user.getAuthorities().stream()
            .map(GrantedAuthority::getAuthority)
            .anyMatch(READERS::contains);
    if (!reader) {
      throw new AccessDeniedException("invoices are read by the invoice groups");
    }
    // another authority's invoice is answered as one that does not exist
    return invoices
        .findById(id)
        .filter(invoice -> scope.includes(invoice.tenantId))
        .orElseThrow(
            () ->
                InvoiceProblems.of(
                    HttpStatus.NOT_FOUND,
                    "invoice-not-found",
                    "Rechnung nicht gefunden",
                    "Es gibt keine Rechnung " + id + ".",
                    Map.of()));
  }

  /**
   * Anonymous suppliers are counted per address; a caller who logged in (Basic auth, which the
   * security chain also reads on this public endpoint) per user name, with a limit of its own: a
   * clerk entering a pile of paper invoices or a connector account is no flood.
   */
  private void throttle(HttpServletRequest request) {
    Authentication user = SecurityContextHolder.getContext().getAuthentication();
    if (user != null && user.isAuthenticated() && !(user instanceof AnonymousAuthenticationToken)) {
      perUser.check("user:" + user.getName(), "invoice", "Zu viele Rechnungen");
    } else {
      perAddress.check(request.getRemoteAddr(), "invoice", "Zu viele Rechnungen");
    }
  }

  private static ResponseEntity<InvoiceReceipt> accepted(InvoiceReceipt receipt) {
    return ResponseEntity.status(HttpStatus.ACCEPTED).body(receipt);
  }
}
