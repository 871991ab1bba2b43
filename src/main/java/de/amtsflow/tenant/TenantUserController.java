package de.amtsflow.tenant;

import de.amtsflow.security.EngineAsSystem;
import de.amtsflow.security.Groups;
import de.amtsflow.web.Problems;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A tenant administrator manages their own authority's users, and only those: create a clerk with
 * roles, list them, take a clerk out of the authority. The engine's own user administration
 * (Camunda Admin) cannot scope users by tenant, so it stays with the installation's administrators;
 * this API checks the tenant first and then writes as the system. With a directory (LDAP,
 * read-only) users are managed there: 409.
 */
@RestController
@RequestMapping("/api/tenants/{tenantId}/users")
@Tag(name = "Mandanten", description = "Authorities on this installation")
class TenantUserController {

  /** A clerk of the authority, with their roles (Camunda groups). */
  record TenantUser(
      String id, String firstName, String lastName, String email, List<String> roles) {}

  record NewTenantUser(
      @NotBlank(message = "Benutzerkennung fehlt.")
          @Pattern(
              regexp = "[a-z0-9]+([-._][a-z0-9]+)*",
              message = "Kleinbuchstaben, Ziffern und - . _ (z. B. m.mueller).")
          @Size(max = 64, message = "Höchstens 64 Zeichen.")
          String id,
      @NotBlank(message = "Vorname fehlt.") @Size(max = 100) String firstName,
      @NotBlank(message = "Nachname fehlt.") @Size(max = 100) String lastName,
      @Email(message = "Keine gültige E-Mail-Adresse.") String email,
      @NotBlank(message = "Anfangspasswort fehlt.")
          @Size(min = 12, max = 200, message = "Mindestens 12 Zeichen.")
          String password,
      List<String> roles) {}

  private final Tenants tenants;
  private final TenantScope scope;
  private final IdentityService identity;
  private final EngineAsSystem engine;

  TenantUserController(
      Tenants tenants, TenantScope scope, IdentityService identity, EngineAsSystem engine) {
    this.tenants = tenants;
    this.scope = scope;
    this.identity = identity;
    this.engine = engine;
  }

  @GetMapping
  @Operation(summary = "The authority's users and their roles (its tenant administrators)")
  List<TenantUser> list(@PathVariable String tenantId, Authentication caller) {
    Tenant tenant = administered(tenantId, caller);
    return engine.call(
        () ->
            identity
                .createUserQuery()
                .memberOfTenant(tenant.id())
                .orderByUserId()
                .asc()
                .list()
                .stream()
                .map(this::view)
                .toList());
  }

  @PostMapping
  @Operation(summary = "Create a clerk of the authority with roles (its tenant administrators)")
  ResponseEntity<TenantUser> create(
      @PathVariable String tenantId,
      @Valid @RequestBody NewTenantUser request,
      Authentication caller) {
    Tenant tenant = administered(tenantId, caller);
    readOnlyRefused();
    List<String> roles = request.roles() == null ? List.of() : List.copyOf(request.roles());
    List<String> refused = roles.stream().filter(r -> !Groups.ROLES.contains(r)).toList();
    if (!refused.isEmpty()) {
      throw Problems.of(
          HttpStatus.BAD_REQUEST,
          "tenant",
          "role-not-assignable",
          "Rolle nicht vergebbar",
          "Diese Rollen vergibt nur die Administration der Plattform: " + refused + ".",
          Map.of("field", "roles", "assignable", Groups.ROLES));
    }
    return engine.call(
        () -> {
          if (identity.createUserQuery().userId(request.id()).count() > 0) {
            throw Problems.of(
                HttpStatus.CONFLICT,
                "tenant",
                "user-exists",
                "Benutzer existiert",
                "Die Benutzerkennung " + request.id() + " ist bereits vergeben.",
                Map.of("field", "id"));
          }
          User user = identity.newUser(request.id());
          user.setFirstName(request.firstName().strip());
          user.setLastName(request.lastName().strip());
          user.setEmail(request.email());
          user.setPassword(request.password());
          identity.saveUser(user);
          identity.createTenantUserMembership(tenant.id(), user.getId());
          roles.forEach(role -> identity.createMembership(user.getId(), role));
          return ResponseEntity.status(HttpStatus.CREATED).body(view(user));
        });
  }

  @DeleteMapping("/{userId}")
  @Operation(summary = "Take a clerk out of the authority (the user stays; no tenant, no cases)")
  ResponseEntity<Void> remove(
      @PathVariable String tenantId, @PathVariable String userId, Authentication caller) {
    Tenant tenant = administered(tenantId, caller);
    readOnlyRefused();
    engine.call(
        () -> {
          if (identity.createUserQuery().userId(userId).memberOfTenant(tenant.id()).count() == 0) {
            throw Problems.of(
                HttpStatus.NOT_FOUND,
                "tenant",
                "user-not-found",
                "Benutzer nicht gefunden",
                "Die Verwaltung hat keinen Benutzer " + userId + ".",
                Map.of());
          }
          identity.deleteTenantUserMembership(tenant.id(), userId);
          return null;
        });
    return ResponseEntity.noContent().build();
  }

  /** The tenant, if the caller administers it: an installation administrator, or its own. */
  private Tenant administered(String tenantId, Authentication caller) {
    Tenant tenant = TenantController.found(tenants, tenantId);
    List<String> groups = TenantController.groups(caller);
    boolean admin = groups.contains(Groups.ADMIN);
    boolean ownAdmin = groups.contains(Groups.TENANT_ADMINS) && scope.includes(tenant.id());
    if (!admin && !ownAdmin) {
      throw new AccessDeniedException("the users of " + tenantId + " are its administrators'");
    }
    return tenant;
  }

  private void readOnlyRefused() {
    if (identity.isReadOnly()) {
      throw Problems.of(
          HttpStatus.CONFLICT,
          "tenant",
          "directory-managed",
          "Benutzer im Verzeichnis",
          "Die Benutzer kommen aus dem Verzeichnisdienst (LDAP) und werden dort verwaltet.",
          Map.of());
    }
  }

  private TenantUser view(User user) {
    List<String> roles =
        identity.createGroupQuery().groupMember(user.getId()).list().stream()
            .map(Group::getId)
            .sorted()
            .toList();
    return new TenantUser(
        user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(), roles);
  }
}
