package de.amtsflow.security.ldap;

import java.util.List;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.TenantQueryImpl;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;

/** A tenant query answered from the directory's tenant groups. */
class LdapTenantGroupQuery extends TenantQueryImpl {

  private static final long serialVersionUID = 1L;

  LdapTenantGroupQuery() {}

  LdapTenantGroupQuery(CommandExecutor commandExecutor) {
    super(commandExecutor);
  }

  @Override
  public long executeCount(CommandContext commandContext) {
    return session(commandContext).findTenants(this).size();
  }

  @Override
  public List<Tenant> executeList(CommandContext commandContext, Page page) {
    return session(commandContext).findTenants(this);
  }

  private static TenantLdapIdentityProviderSession session(CommandContext commandContext) {
    return (TenantLdapIdentityProviderSession) commandContext.getReadOnlyIdentityProvider();
  }
}
