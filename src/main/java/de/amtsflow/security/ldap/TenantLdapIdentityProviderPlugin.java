package de.amtsflow.security.ldap;

import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderFactory;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;

/**
 * Camunda's LDAP identity provider plugin, with sessions that also answer tenant queries from the
 * directory's tenant groups.
 */
class TenantLdapIdentityProviderPlugin extends LdapIdentityProviderPlugin {

  private final String tenantGroupPrefix;

  TenantLdapIdentityProviderPlugin(String tenantGroupPrefix) {
    this.tenantGroupPrefix = tenantGroupPrefix;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    super.preInit(configuration);
    LdapIdentityProviderFactory factory =
        new LdapIdentityProviderFactory() {
          @Override
          public Session openSession() {
            return new TenantLdapIdentityProviderSession(ldapConfiguration, tenantGroupPrefix);
          }
        };
    factory.setLdapConfiguration(this);
    configuration.setIdentityProviderSessionFactory(factory);
  }
}
