package de.amtsflow.tenant;

import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Keeps Camunda's tenants in step with the configured authorities at start-up: a new Gemeinde in
 * {@code amtsflow.tenancy.tenants} becomes a Camunda tenant (Admin shows it; memberships can be
 * given there), a changed name is updated. Tenants are never deleted here: their cases stay. With a
 * directory (LDAP, read-only) the directory answers for tenants and nothing is written.
 */
@Component("tenantSetup")
class TenantSetup implements InitializingBean {

  private static final Logger log = LoggerFactory.getLogger(TenantSetup.class);

  private final IdentityService identityService;
  private final Tenants tenants;

  TenantSetup(IdentityService identityService, Tenants tenants) {
    this.identityService = identityService;
    this.tenants = tenants;
  }

  @Override
  public void afterPropertiesSet() {
    if (identityService.isReadOnly()) {
      log.info("identity provider is read-only: tenants {} come from the directory", ids());
      return;
    }
    for (Tenant tenant : tenants.all()) {
      org.camunda.bpm.engine.identity.Tenant camunda =
          identityService.createTenantQuery().tenantId(tenant.id()).singleResult();
      if (camunda == null) {
        camunda = identityService.newTenant(tenant.id());
        camunda.setName(tenant.name());
        identityService.saveTenant(camunda);
        log.info("tenant '{}' ({}) created", tenant.id(), tenant.name());
      } else if (!tenant.name().equals(camunda.getName())) {
        camunda.setName(tenant.name());
        identityService.saveTenant(camunda);
      }
    }
  }

  private java.util.List<String> ids() {
    return tenants.all().stream().map(Tenant::id).toList();
  }
}
