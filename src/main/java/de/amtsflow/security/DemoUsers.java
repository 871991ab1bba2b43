package de.amtsflow.security;

import java.util.List;
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
@DependsOn("adminUserInitializer")
class DemoUsers implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

  record Demo(String userId, String firstName, String lastName, String groupId, String groupName) {}

  static final List<Demo> USERS =
      List.of(
          new Demo("bauamt", "Berta", "Bauamt", Groups.PERMIT_CLERKS, "Bauaufsicht"),
          new Demo("gemeinde", "Georg", "Gemeinde", Groups.MUNICIPALITY, "Gemeinde"),
          new Demo("fachstelle", "Franziska", "Fachstelle", Groups.AGENCIES, "Fachstellen"),
          new Demo("rechnung", "Rita", "Rechnung", Groups.INVOICE_CLERKS, "Rechnungseingang"),
          new Demo("pruefer", "Paul", "Prüfer", Groups.INVOICE_APPROVERS, "Rechnungsprüfung"),
          new Demo(
              "anordnung", "Anna", "Anordnung", Groups.PAYMENT_AUTHORITY, "Anordnungsbefugte"));

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
    for (Demo demo : USERS) {
      if (identityService.createGroupQuery().groupId(demo.groupId()).count() == 0) {
        Group group = identityService.newGroup(demo.groupId());
        group.setName(demo.groupName());
        group.setType(org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_WORKFLOW);
        identityService.saveGroup(group);
        grant(demo.groupId(), Resources.APPLICATION, "tasklist", Permissions.ACCESS);
        grant(demo.groupId(), Resources.FILTER, Authorization.ANY, Permissions.READ);
        grant(demo.groupId(), Resources.PROCESS_DEFINITION, Authorization.ANY, Permissions.READ);
        grant(demo.groupId(), Resources.DECISION_DEFINITION, Authorization.ANY, Permissions.READ);
      }
      if (identityService.createUserQuery().userId(demo.userId()).count() == 0) {
        User user = identityService.newUser(demo.userId());
        user.setFirstName(demo.firstName());
        user.setLastName(demo.lastName());
        user.setEmail(demo.userId() + "@amtsflow.invalid");
        user.setPassword(demo.userId());
        identityService.saveUser(user);
        identityService.createMembership(demo.userId(), demo.groupId());
        log.warn("dev profile: demo user '{}' with password = user name", demo.userId());
      }
    }
    // the Fristen overview (GET /api/deadlines) reads running cases, their timers and variables,
    // and the e-file's Verlauf (GET /api/efiles/{id}/timeline) the history of running and closed
    // cases, through the engine's authorization checks: each clerks' group reads the instances and
    // the history of its own process (the Gemeinde and the Fachstellen only see their tasks)
    for (Permission permission : List.of(Permissions.READ_INSTANCE, Permissions.READ_HISTORY)) {
      grantOnce(Groups.PERMIT_CLERKS, "BuildingPermitProcess", permission);
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
