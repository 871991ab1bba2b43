package de.amtsflow.security.ldap;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The authority's directory as the identity ({@code amtsflow.identity.ldap.*}); used only when
 * {@code enabled}, otherwise Camunda's database holds users, groups and tenants. Defaults fit
 * OpenLDAP ({@code inetOrgPerson}, {@code groupOfNames}); README "Clerks from the directory (LDAP)"
 * has an Active Directory example.
 *
 * @param url {@code ldaps://host:636} (or {@code ldap://} on the same host)
 * @param managerDn the read-only service account that searches the directory; empty: anonymous
 * @param managerPassword its password, from the environment; required with a manager DN
 * @param baseDn under which users and groups are searched
 * @param userSearchBase below {@code baseDn} (e.g. {@code ou=people}); empty: {@code baseDn}
 * @param userSearchFilter what is a user
 * @param userIdAttribute the login name, the Camunda user id ({@code uid}; AD: {@code
 *     sAMAccountName})
 * @param groupSearchBase below {@code baseDn} (e.g. {@code ou=groups}); empty: {@code baseDn}
 * @param groupSearchFilter what is a group
 * @param groupIdAttribute the Camunda group id, our role ({@code permit-clerks}); also names
 *     tenants
 * @param groupNameAttribute the group's display name, and a tenant's name
 * @param groupMemberAttribute the group attribute listing its members' DNs
 * @param tenantGroupPrefix a group whose id starts with it names a tenant: {@code tenant-lra} makes
 *     its direct members members of tenant {@code lra}; such groups are no roles
 * @param pageSize page size for directories that cap results (AD: 1000); empty: no paging
 */
@ConfigurationProperties("amtsflow.identity.ldap")
public record LdapIdentityProperties(
    boolean enabled,
    String url,
    String managerDn,
    String managerPassword,
    String baseDn,
    String userSearchBase,
    String userSearchFilter,
    String userIdAttribute,
    String userFirstnameAttribute,
    String userLastnameAttribute,
    String userEmailAttribute,
    String groupSearchBase,
    String groupSearchFilter,
    String groupIdAttribute,
    String groupNameAttribute,
    String groupMemberAttribute,
    String tenantGroupPrefix,
    Integer pageSize) {

  public LdapIdentityProperties {
    managerDn = orDefault(managerDn, "");
    managerPassword = orDefault(managerPassword, "");
    userSearchBase = orDefault(userSearchBase, "");
    userSearchFilter = orDefault(userSearchFilter, "(objectClass=inetOrgPerson)");
    userIdAttribute = orDefault(userIdAttribute, "uid");
    userFirstnameAttribute = orDefault(userFirstnameAttribute, "givenName");
    userLastnameAttribute = orDefault(userLastnameAttribute, "sn");
    userEmailAttribute = orDefault(userEmailAttribute, "mail");
    groupSearchBase = orDefault(groupSearchBase, "");
    groupSearchFilter = orDefault(groupSearchFilter, "(objectClass=groupOfNames)");
    groupIdAttribute = orDefault(groupIdAttribute, "cn");
    groupNameAttribute = orDefault(groupNameAttribute, "description");
    groupMemberAttribute = orDefault(groupMemberAttribute, "member");
    tenantGroupPrefix = orDefault(tenantGroupPrefix, "tenant-");
    if (enabled) {
      if (blank(url) || blank(baseDn)) {
        throw new IllegalStateException(
            "amtsflow.identity.ldap.enabled needs url and base-dn"
                + " (AMTSFLOW_LDAP_URL, AMTSFLOW_LDAP_BASE_DN)");
      }
      if (!managerDn.isBlank() && managerPassword.isBlank()) {
        throw new IllegalStateException(
            "amtsflow.identity.ldap.manager-dn is set but its password is not"
                + " (AMTSFLOW_LDAP_MANAGER_PASSWORD)");
      }
    }
  }

  private static String orDefault(String value, String fallback) {
    return blank(value) ? fallback : value;
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
