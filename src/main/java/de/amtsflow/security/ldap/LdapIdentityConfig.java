package de.amtsflow.security.ldap;

import org.camunda.bpm.engine.impl.cfg.ProcessEnginePlugin;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * With {@code amtsflow.identity.ldap.enabled}, users, roles and tenants come from the directory,
 * read-only; the engine's authorizations stay in its database (granted in Camunda Admin by group
 * id, as before).
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "amtsflow.identity.ldap.enabled", havingValue = "true")
class LdapIdentityConfig {

  @Bean
  ProcessEnginePlugin ldapIdentityProviderPlugin(LdapIdentityProperties ldap) {
    TenantLdapIdentityProviderPlugin plugin =
        new TenantLdapIdentityProviderPlugin(ldap.tenantGroupPrefix());
    plugin.setServerUrl(ldap.url());
    plugin.setManagerDn(ldap.managerDn());
    plugin.setManagerPassword(ldap.managerPassword());
    plugin.setBaseDn(ldap.baseDn());
    plugin.setUserSearchBase(ldap.userSearchBase());
    plugin.setUserSearchFilter(ldap.userSearchFilter());
    plugin.setUserIdAttribute(ldap.userIdAttribute());
    plugin.setUserFirstnameAttribute(ldap.userFirstnameAttribute());
    plugin.setUserLastnameAttribute(ldap.userLastnameAttribute());
    plugin.setUserEmailAttribute(ldap.userEmailAttribute());
    plugin.setGroupSearchBase(ldap.groupSearchBase());
    plugin.setGroupSearchFilter(ldap.groupSearchFilter());
    plugin.setGroupIdAttribute(ldap.groupIdAttribute());
    plugin.setGroupNameAttribute(ldap.groupNameAttribute());
    plugin.setGroupMemberAttribute(ldap.groupMemberAttribute());
    plugin.setPageSize(ldap.pageSize());
    // a wrong password is a failed login, not an engine error
    plugin.setPasswordCheckCatchAuthenticationException(true);
    return plugin;
  }
}
