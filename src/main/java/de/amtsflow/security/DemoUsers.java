package de.amtsflow.security;

import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * Demo users for the {@code dev} profile only, password = user name (listed in the README). They
 * never exist in any other profile.
 */
@Component
@Profile("dev")
@DependsOn({"adminUserInitializer", "tenantSetup"})
class DemoUsers implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  record Demo(
      String userId, String firstName, String lastName, String tenantId, String... groups) {}

  /** The demo's roles, as Camunda groups with German names. */
  static final Map<String, String> GROUPS =
      java.util.stream.Stream.of(
              Map.entry(Groups.PERMIT_CLERKS, "Bauaufsicht"),
              Map.entry(Groups.MUNICIPALITY, "Gemeinde (Einvernehmen)"),
              Map.entry(Groups.AGENCY_WATER, "Wasserwirtschaftsamt"),
              Map.entry(Groups.AGENCY_MONUMENT, "Untere Denkmalschutzbehörde"),
              Map.entry(Groups.AGENCY_FIRE, "Brandschutzdienststelle"),
              Map.entry(Groups.AGENCY_IMMISSION, "Immissionsschutz"),
              Map.entry(Groups.AGENCY_NATURE, "Untere Naturschutzbehörde"),
              Map.entry(Groups.AGENCY_ROADS, "Straßenbaubehörde"),
              Map.entry(Groups.INVOICE_CLERKS, "Rechnungseingang"),
              Map.entry(Groups.INVOICE_APPROVERS, "Rechnungsprüfung"),
              Map.entry(Groups.PAYMENT_AUTHORITY, "Anordnungsbefugte"),
              Map.entry(Groups.PROCESS_OWNERS, "Prozessverantwortliche"),
              Map.entry(Groups.TENANT_ADMINS, "Benutzerverwaltung der Verwaltung"))
          .collect(
              java.util.stream.Collectors.toMap(
                  Map.Entry::getKey,
                  Map.Entry::getValue,
                  (a, b) -> a,
                  java.util.LinkedHashMap::new));

  /** The dev profile's tenants (application-dev.yml): a Landratsamt and two Gemeinden. */
  static final String LRA = "lra";

  static final String GEMEINDE_A = "gemeinde-a";
  static final String GEMEINDE_B = "gemeinde-b";

  static final List<Demo> USERS =
      List.of(
          new Demo("bauamt", "Berta", "Bauamt", LRA, Groups.PERMIT_CLERKS),
          new Demo("gemeinde", "Georg", "Gemeinde", GEMEINDE_A, Groups.MUNICIPALITY),
          new Demo("gemeinde-b", "Gisela", "Bergheim", GEMEINDE_B, Groups.MUNICIPALITY),
          // one demo user for every Fachstelle, and one who is only the Denkmalschutz
          new Demo(
              "fachstelle", "Franziska", "Fachstelle", LRA, Groups.AGENCIES.toArray(String[]::new)),
          new Demo("denkmal", "Dieter", "Denkmal", LRA, Groups.AGENCY_MONUMENT),
          new Demo("rechnung", "Rita", "Rechnung", LRA, Groups.INVOICE_CLERKS),
          new Demo("pruefer", "Paul", "Prüfer", LRA, Groups.INVOICE_APPROVERS),
          new Demo("anordnung", "Anna", "Anordnung", LRA, Groups.PAYMENT_AUTHORITY),
          // the Gemeinden's own Kämmerei: receipt and payment order, and the approver
          new Demo(
              "kasse-a",
              "Karl",
              "Adorf",
              GEMEINDE_A,
              Groups.INVOICE_CLERKS,
              Groups.PAYMENT_AUTHORITY),
          new Demo("pruefer-a", "Petra", "Adorf", GEMEINDE_A, Groups.INVOICE_APPROVERS),
          new Demo(
              "kasse-b",
              "Klara",
              "Bergheim",
              GEMEINDE_B,
              Groups.INVOICE_CLERKS,
              Groups.PAYMENT_AUTHORITY),
          new Demo("pruefer-b", "Peter", "Bergheim", GEMEINDE_B, Groups.INVOICE_APPROVERS),
          // Adorf's own administration: its users, and its decision tables
          new Demo("admin-a", "Alois", "Adorf", GEMEINDE_A, Groups.TENANT_ADMINS),
          new Demo("prozess-a", "Pia", "Adorf", GEMEINDE_A, Groups.PROCESS_OWNERS));

  /** Holds {@code payment-authority} besides {@code invoice-approvers}. */
  static final String FOUR_EYES_DEMO_USER = "pruefer";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  DemoUsers(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  @Override
  public void afterPropertiesSet() {
    if (identityService.isReadOnly()) {
      log.warn("dev profile with a read-only identity (directory): no demo users written");
      return;
    }
    GROUPS.forEach(
        (groupId, name) -> {
          if (identityService.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identityService.newGroup(groupId);
            group.setName(name);
            group.setType(org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
            identityService.saveGroup(group);
            grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
            grant(groupId, Resources.FILTER, Authorization.ANY, Permissions.READ);
            grant(groupId, Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
            grant(groupId, Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
          }
        });
    for (Demo demo : USERS) {
      if (identityService.createUserQuery().userId(demo.userId()).count() == 0) {
        User user = identityService.newUser(demo.userId());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.userId() + "@amtsflow.invalid");
        user.setPassword(demo.userId());
        identityService.saveUser(user);
        log.warn("dev profile: demo user '{}' with password = user name", demo.userId());
      }
      for (String groupId : demo.groups()) {
        if (identityService.createUserQuery().userId(demo.userId()).memberOfGroup(groupId).count()
            == 0) {
          identityService.createMembership(demo.userId(), groupId);
        }
      }
      // the user's authority: Camunda's tenant check shows them only its cases
      if (identityService
              .createTenantQuery()
              .tenantId(demo.tenantId())
              .userMember(demo.userId())
              .count()
          == 0) {
        identityService.createTenantUserMembership(demo.tenantId(), demo.userId());
      }
    }
    // the Fristen overview (GET /api/deadlines) reads running cases, their timers and variables,
    // and the e-file's Verlauf (GET /api/efiles/{id}/timeline) the history of running and closed
    // cases, through the engine's authorization checks: each clerks' group reads the instances and
    // the history of its own process (the Gemeinde and the Fachstellen only see their tasks)
    for (Permission permission : List.of(Permissions.READ_INSTANCE, Permissions.READ_HISTORY)) {
      grantOnce(Groups.PERMIT_CLERKS, "BuildingPermitProcess", permission);
      // the Gemeinde its own Einvernehmen process (in its tenant), not the Bauaufsicht's
      grantOnce(Groups.MUNICIPALITY, "MunicipalConsentProcess", permission);
      grantOnce(Groups.INVOICE_CLERKS, "EInvoiceApprovalProcess", permission);
      grantOnce(Groups.INVOICE_APPROVERS, "EInvoiceApprovalProcess", permission);
      grantOnce(Groups.PAYMENT_AUTHORITY, "EInvoiceApprovalProcess", permission);
    }
    // as in a small authority, the approver may also order payments — but not of an invoice
    // they confirmed themselves (four-eyes rule), which the demo shows
    if (identityService
            .createUserQuery()
            .userId(FOUR_EYES_DEMO_USER)
            .memberOfGroup(Groups.PAYMENT_AUTHORITY)
            .count()
        == 0) {
      identityService.createMembership(FOUR_EYES_DEMO_USER, Groups.PAYMENT_AUTHORITY);
    }
  }

  /** Adds the permission to the group's grant on the process (the engine keeps one per group). */
  private void grantOnce(String groupId, String processKey, Permission permission) {
    Authorization existing =
        authorizationService
            .createAuthorizationQuery()
            .authorizationType(Authorization.AUTH_TYPE_GRANT)
            .groupIdIn(groupId)
            .resourceType(Resources.PROCESS_DEFINITION)
            .resourceId(processKey)
            .singleResult();
    if (existing == null) {
      grant(groupId, Resources.PROCESS_DEFINITION, processKey, permission);
    } else if (!existing.isPermissionGranted(permission)) {
      existing.addPermission(permission);
      authorizationService.saveAuthorization(existing);
    }
  }

  private void grant(String groupId, Resource resource, String resourceId, Permission permission) {
    Authorization auth = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    auth.setGroupId(groupId);
    auth.setResource(resource);
    auth.setResourceId(resourceId);
    auth.addPermission(permission);
    authorizationService.saveAuthorization(auth);
  }
}
