package de.amtsflow.security;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * Makes sure an administrator exists, with a password from the environment. Outside the {@code dev}
 * profile start-up fails without {@code AMTSFLOW_ADMIN_PASSWORD}: a municipality's engine must
 * never come up with a guessable admin login. An existing admin's password is left alone (it may
 * have been changed in Camunda Admin since). With the directory as identity (read-only) nothing is
 * written there: the directory's {@code camunda-admin} group administers, and no password is
 * needed.
 */
@Component
class AdminUserInitializer implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(AdminUserInitializer.class);

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;
  private final Environment environment;
  private final String adminId;
  private final String adminPassword;

  AdminUserInitializer(
      IdentityService identityService,
      AuthorizationService authorizationService,
      Environment environment,
      @Value("${amtsflow.admin.user:admin}") String adminId,
      @Value("${amtsflow.admin.password:}") String adminPassword) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
    this.environment = environment;
    this.adminId = adminId;
    this.adminPassword = adminPassword;
  }

  @Override
  public void afterPropertiesSet() {
    if (identityService.isReadOnly()) {
      directoryAdministrators();
      return;
    }
    boolean dev = environment.acceptsProfiles(Profiles.of("dev"));
    if (adminPassword == null || adminPassword.isBlank()) {
      throw new IllegalStateException(
          "AMTSFLOW_ADMIN_PASSWORD is not set. Set it to the initial password of the '"
              + adminId
              + "' administrator (or start with the 'dev' profile for demo users).");
    }
    if (!dev && (adminPassword.equals(adminId) || adminPassword.length() < 12)) {
      throw new IllegalStateException(
          "AMTSFLOW_ADMIN_PASSWORD is too weak: use at least 12 characters, not the user name.");
    }
    ensureAdminGroup();
    if (identityService.createUserQuery().userId(adminId).count() == 0) {
      User admin = identityService.newUser(adminId);
      admin.setFirstName("amtsflow");
      admin.setLastName("Administration");
      admin.setPassword(adminPassword);
      identityService.saveUser(admin);
      identityService.createMembership(adminId, Groups.ADMIN);
      log.info("created administrator '{}'", adminId);
    }
  }

  /**
   * A read-only identity (the authority's directory) is not written to: administrators are the
   * members of its group {@code camunda-admin}, which gets its authorizations here as always (they
   * live in the engine's database).
   */
  private void directoryAdministrators() {
    grantAllToAdmins();
    log.info(
        "identity is read-only (directory): no administrator created; members of the directory"
            + " group '{}' administer amtsflow",
        Groups.ADMIN);
    try {
      if (identityService.createUserQuery().memberOfGroup(Groups.ADMIN).count() == 0) {
        log.warn("the directory has no member of group '{}': nobody can administer", Groups.ADMIN);
      }
    } catch (RuntimeException e) {
      // an unreachable directory must not keep the engine down; logins fail until it is back
      log.warn("could not read the directory at start-up: {}", e.getMessage());
    }
  }

  private void ensureAdminGroup() {
    if (identityService.createGroupQuery().groupId(Groups.ADMIN).count() == 0) {
      Group group = identityService.newGroup(Groups.ADMIN);
      group.setName("Administration");
      group.setType(org.camunda.bpm.engine.authorization.Groups.GROUP_TYPE_SYSTEM);
      identityService.saveGroup(group);
    }
    grantAllToAdmins();
  }

  private void grantAllToAdmins() {
    for (Resource resource : Resources.values()) {
      grantAll(resource);
    }
  }

  private void grantAll(Resource resource) {
    boolean exists =
        authorizationService
                .createAuthorizationQuery()
                .groupIdIn(Groups.ADMIN)
                .resourceType(resource)
                .resourceId(Authorization.ANY)
                .count()
            > 0;
    if (exists) {
      return;
    }
    Authorization auth = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    auth.setGroupId(Groups.ADMIN);
    auth.setResource(resource);
    auth.setResourceId(Authorization.ANY);
    auth.addPermission(Permissions.ALL);
    authorizationService.saveAuthorization(auth);
  }
}
