package de.amtsflow.tenant;

import de.amtsflow.security.EngineAsSystem;
import de.amtsflow.security.Groups;
import de.amtsflow.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.DeploymentWithDefinitions;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/**
 * The authorities as their users see them, and a process owner's own decision tables: a Gemeinde's
 * process owner deploys its {@code invoice-routing.dmn} (who approves its invoices) for its tenant
 * only; every other authority keeps the shared one.
 */
@RestController
@RequestMapping("/api/tenants")
@Tag(name = "Mandanten", description = "Authorities on this installation")
class TenantController {

  /** What a user may know about an authority. */
  record TenantView(
      String id, String name, String kind, String municipalityKey, List<String> leitwegIds) {
    static TenantView of(Tenant t) {
      return new TenantView(t.id(), t.name(), t.kind().name(), t.municipalityKey(), t.leitwegIds());
    }
  }

  /** A new version of a decision, as deployed for the tenant. */
  record DeployedDecision(String key, String name, int version, String tenantId) {}

  private final Tenants tenants;
  private final TenantScope scope;
  private final RepositoryService repository;
  private final EngineAsSystem engine;

  TenantController(
      Tenants tenants, TenantScope scope, RepositoryService repository, EngineAsSystem engine) {
    this.tenants = tenants;
    this.scope = scope;
    this.repository = repository;
    this.engine = engine;
  }

  /** The tenant with this id, or a 404 problem naming it. */
  static Tenant found(Tenants tenants, String id) {
    return tenants
        .find(id)
        .orElseThrow(
            () ->
                Problems.of(
                    HttpStatus.NOT_FOUND,
                    "tenant",
                    "tenant-not-found",
                    "Mandant nicht gefunden",
                    "Es gibt keine Verwaltung mit der Kennung " + id + ".",
                    Map.of()));
  }

  static List<String> groups(Authentication user) {
    return user.getAuthorities().stream().map(GrantedAuthority::getAuthority).toList();
  }

  @GetMapping
  @Operation(summary = "The authorities the caller belongs to (administrators: all)")
  List<TenantView> mine() {
    return tenants.all().stream().filter(t -> scope.includes(t.id())).map(TenantView::of).toList();
  }

  @PostMapping(path = "/{id}/decisions", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
  @Operation(
      summary =
          "A process owner deploys decision tables (.dmn) for their own authority only; its"
              + " instances use them instead of the shared ones from then on")
  List<DeployedDecision> deployDecisions(
      @PathVariable String id, @RequestPart("file") MultipartFile file, Authentication user)
      throws IOException {
    Tenant tenant = found(tenants, id);
    List<String> groups = groups(user);
    boolean owner = groups.contains(Groups.ADMIN) || groups.contains(Groups.PROCESS_OWNERS);
    if (!owner || !scope.includes(tenant.id())) {
      throw new AccessDeniedException("decision tables of " + id + " are its process owners'");
    }
    String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
    if (!name.endsWith(".dmn")) {
      throw Problems.of(
          HttpStatus.BAD_REQUEST,
          "tenant",
          "not-a-decision",
          "Keine Entscheidungstabelle",
          "Bitte eine DMN-Datei (.dmn) aus dem Camunda Modeler hochladen.",
          Map.of("field", "file"));
    }
    byte[] dmn = file.getBytes();
    DeploymentWithDefinitions deployed;
    try {
      deployed =
          engine.call(
              () ->
                  repository
                      .createDeployment()
                      .name("amtsflow-tenant-" + tenant.id())
                      .source("amtsflow-tenant-" + tenant.id())
                      .tenantId(tenant.id())
                      .enableDuplicateFiltering(true)
                      .addInputStream(
                          name.replaceAll("[^A-Za-z0-9._-]", "_"),
                          new java.io.ByteArrayInputStream(dmn))
                      .deployWithResult());
    } catch (org.camunda.bpm.engine.ProcessEngineException invalid) {
      throw Problems.of(
          HttpStatus.BAD_REQUEST,
          "tenant",
          "invalid-decision",
          "Entscheidungstabelle fehlerhaft",
          "Die Engine hat die Datei nicht angenommen; bitte im Camunda Modeler prüfen.",
          Map.of("field", "file"));
    }
    List<DecisionDefinition> decisions =
        deployed.getDeployedDecisionDefinitions() == null
            ? List.of()
            : deployed.getDeployedDecisionDefinitions();
    return decisions.stream()
        .map(d -> new DeployedDecision(d.getKey(), d.getName(), d.getVersion(), d.getTenantId()))
        .toList();
  }
}
