package de.amtsflow.tenant;

import de.amtsflow.security.Groups;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Whose data the current caller may see, for the reads the engine's tenant check does not cover
 * (our own tables: e-files, applications, invoices). The caller is the engine's current
 * authentication, which the security filter sets per request with the user's tenants; no
 * authentication (jobs, start-up) or an administrator sees every tenant, as in the engine.
 */
@Component
public class TenantScope {

  private final IdentityService identityService;

  TenantScope(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** True when the current caller sees every tenant: no user, or an administrator. */
  public boolean unrestricted() {
    Authentication auth = identityService.getCurrentAuthentication();
    return auth == null
        || (auth.getGroupIds() != null && auth.getGroupIds().contains(Groups.ADMIN));
  }

  /** The current caller's tenants (all of them: see {@link #unrestricted()}). */
  public Set<String> current() {
    Authentication auth = identityService.getCurrentAuthentication();
    if (auth == null || auth.getTenantIds() == null) {
      return Set.of();
    }
    return Set.copyOf(auth.getTenantIds());
  }

  /** May the current caller see data of this tenant? */
  public boolean includes(String tenantId) {
    return unrestricted() || (tenantId != null && current().contains(tenantId));
  }
}
