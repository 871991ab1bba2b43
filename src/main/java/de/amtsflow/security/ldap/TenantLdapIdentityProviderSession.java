package de.amtsflow.security.ldap;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Function;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.Attributes;
import javax.naming.directory.SearchResult;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.identity.TenantQuery;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.AbstractQuery;
import org.camunda.bpm.engine.impl.Direction;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.TenantQueryProperty;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.TenantEntity;
import org.camunda.bpm.identity.impl.ldap.LdapClient;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;
import org.camunda.bpm.identity.impl.ldap.LdapSearchResults;
import org.camunda.bpm.identity.impl.ldap.LdapUserQueryImpl;

/**
 * Camunda's LDAP identity with tenants: a group whose id starts with the tenant prefix ({@code
 * tenant-gemeinde-a}) names a tenant ({@code gemeinde-a}, named by the group's name attribute) and
 * its direct members belong to it; every other group is a role (its id a Camunda group id).
 * Camunda's own session answers every tenant query with nothing, and a user query by tenant with
 * every user.
 *
 * <p>A tenant is visible to a caller the engine authorizes to read it, and to a user asking for
 * their own tenants (as the database identity grants a member READ on its tenant).
 */
class TenantLdapIdentityProviderSession extends LdapIdentityProviderSession {

  private final String tenantPrefix;
  private final DirectoryClient client;

  TenantLdapIdentityProviderSession(LdapConfiguration configuration, String tenantPrefix) {
    super(configuration);
    this.tenantPrefix = tenantPrefix;
    this.client = new DirectoryClient(configuration);
    this.ldapClient = client;
  }

  // Roles: every group but the tenant groups /////////////////////////////////////////////////

  /**
   * Camunda's filter less the tenant groups, and with every value escaped (Camunda's own puts group
   * ids and names into the filter as they come).
   */
  @Override
  protected String getGroupSearchFilter(LdapGroupQuery query) {
    if (query.getTenantId() != null) {
      throw new BadUserRequestException(
          "Groups by tenant are not supported by the directory identity: tenants have users");
    }
    String id = ldapConfiguration.getGroupIdAttribute();
    String name = ldapConfiguration.getGroupNameAttribute();
    StringBuilder filter = new StringBuilder("(&").append(ldapConfiguration.getGroupSearchFilter());
    filter.append("(!").append(term(id, escapeLDAPSearchFilter(tenantPrefix) + "*")).append(')');
    if (query.getId() != null) {
      filter.append(term(id, escapeLDAPSearchFilter(query.getId())));
    }
    if (query.getIds() != null && query.getIds().length > 0) {
      filter.append(anyOf(id, List.of(query.getIds()), this::escapeLDAPSearchFilter));
    }
    if (query.getName() != null) {
      filter.append(term(name, escapeLDAPSearchFilter(query.getName())));
    }
    if (query.getNameLike() != null) {
      filter.append(term(name, escapeKeepingWildcards(query.getNameLike())));
    }
    if (query.getUserId() != null) {
      String member =
          ldapConfiguration.isUsePosixGroups()
              ? query.getUserId()
              : getDnForUser(query.getUserId());
      filter.append(
          term(ldapConfiguration.getGroupMemberAttribute(), escapeLDAPSearchFilter(member)));
    }
    return filter.append(')').toString();
  }

  // Users of a group or tenant /////////////////////////////////////////////////////////////////

  @Override
  public List<User> findUserByQueryCriteria(LdapUserQueryImpl query) {
    if (query.getTenantId() != null) {
      String tenantGroup = tenantPrefix + query.getTenantId();
      if (query.getGroupId() != null && !query.getGroupId().equalsIgnoreCase(tenantGroup)) {
        throw new BadUserRequestException(
            "Users by group and tenant at once are not supported by the directory identity");
      }
      // the members of the tenant's group, looked up as Camunda looks up a group's members
      query.memberOfGroup(tenantGroup);
    }
    // Camunda searches the whole directory for groups when the group is not found (or not
    // readable to the caller) and would answer with the members of every group
    if (query.getGroupId() != null && getDnForGroup(query.getGroupId()).isEmpty()) {
      return List.of();
    }
    return super.findUserByQueryCriteria(query);
  }

  @Override
  protected String getDnForGroup(String groupId) {
    if (!isTenantGroup(groupId)) {
      return super.getDnForGroup(groupId);
    }
    String filter =
        "(&"
            + ldapConfiguration.getGroupSearchFilter()
            + term(ldapConfiguration.getGroupIdAttribute(), escapeLDAPSearchFilter(groupId))
            + ")";
    List<String> dns = search(groupBaseDn(), filter, null, SearchResult::getNameInNamespace);
    return dns.isEmpty() ? "" : dns.get(0);
  }

  // Tenants ////////////////////////////////////////////////////////////////////////////////////

  @Override
  public TenantQuery createTenantQuery() {
    return new LdapTenantGroupQuery(
        Context.getProcessEngineConfiguration().getCommandExecutorTxRequired());
  }

  @Override
  public TenantQuery createTenantQuery(CommandContext commandContext) {
    return new LdapTenantGroupQuery();
  }

  @Override
  public Tenant findTenantById(String id) {
    return createTenantQuery(Context.getCommandContext()).tenantId(id).singleResult();
  }

  List<Tenant> findTenants(LdapTenantGroupQuery query) {
    String id = ldapConfiguration.getGroupIdAttribute();
    String name = ldapConfiguration.getGroupNameAttribute();
    String member = ldapConfiguration.getGroupMemberAttribute();
    StringBuilder filter = new StringBuilder("(&").append(ldapConfiguration.getGroupSearchFilter());
    filter.append(term(id, escapeLDAPSearchFilter(tenantPrefix) + "*"));
    if (query.getId() != null) {
      filter.append(term(id, escapeLDAPSearchFilter(tenantPrefix + query.getId())));
    }
    if (query.getIds() != null && query.getIds().length > 0) {
      filter.append(
          anyOf(id, List.of(query.getIds()), t -> escapeLDAPSearchFilter(tenantPrefix + t)));
    }
    if (query.getName() != null) {
      filter.append(term(name, escapeLDAPSearchFilter(query.getName())));
    }
    if (query.getNameLike() != null) {
      filter.append(term(name, escapeKeepingWildcards(query.getNameLike())));
    }
    if (query.getUserId() != null) {
      String userDn = userDn(query.getUserId(), query);
      if (userDn == null) {
        return List.of();
      }
      List<String> members = new ArrayList<>(List.of(userDn));
      if (query.isIncludingGroups()) {
        // the user's roles may belong to a tenant as a whole
        members.addAll(groupDnsWithMember(userDn, query));
      }
      filter.append(anyOf(member, members, this::escapeLDAPSearchFilter));
    }
    if (query.getGroupId() != null) {
      String groupDn = super.getDnForGroup(query.getGroupId());
      if (groupDn.isEmpty()) {
        return List.of();
      }
      filter.append(term(member, escapeLDAPSearchFilter(groupDn)));
    }
    filter.append(')');

    boolean ownTenants = isAuthenticatedUser(query.getUserId());
    List<Tenant> tenants =
        search(groupBaseDn(), filter.toString(), query, this::toTenant).stream()
            .filter(t -> ownTenants || isAuthorizedToRead(Resources.TENANT, t.getId()))
            .sorted(ordering(query))
            .toList();
    int from = Math.min(query.getFirstResult(), tenants.size());
    int to = (int) Math.min((long) from + query.getMaxResults(), tenants.size());
    return tenants.subList(from, to);
  }

  private Tenant toTenant(SearchResult result) {
    String groupId = value(result.getAttributes(), ldapConfiguration.getGroupIdAttribute());
    TenantEntity tenant = new TenantEntity(groupId.substring(tenantPrefix.length()));
    String name = value(result.getAttributes(), ldapConfiguration.getGroupNameAttribute());
    tenant.setName(name == null || name.isBlank() ? tenant.getId() : name);
    return tenant;
  }

  private static Comparator<Tenant> ordering(LdapTenantGroupQuery query) {
    Comparator<Tenant> order = null;
    for (QueryOrderingProperty property : query.getOrderingProperties()) {
      Comparator<Tenant> next =
          TenantQueryProperty.NAME.equals(property.getQueryProperty())
              ? Comparator.comparing(Tenant::getName, String.CASE_INSENSITIVE_ORDER)
              : Comparator.comparing(Tenant::getId);
      if (Direction.DESCENDING.equals(property.getDirection())) {
        next = next.reversed();
      }
      order = order == null ? next : order.thenComparing(next);
    }
    return order == null ? Comparator.comparing(Tenant::getId) : order;
  }

  // Directory look-ups without the caller's authorizations: they only find what to search for ////

  private String userDn(String userId, AbstractQuery<?, ?> query) {
    String filter =
        "(&"
            + ldapConfiguration.getUserSearchFilter()
            + term(ldapConfiguration.getUserIdAttribute(), escapeLDAPSearchFilter(userId))
            + ")";
    String base = composeDn(ldapConfiguration.getUserSearchBase(), ldapConfiguration.getBaseDn());
    List<String> dns = search(base, filter, query, SearchResult::getNameInNamespace);
    return dns.isEmpty() ? null : dns.get(0);
  }

  private List<String> groupDnsWithMember(String memberDn, AbstractQuery<?, ?> query) {
    String filter =
        "(&"
            + ldapConfiguration.getGroupSearchFilter()
            + term(ldapConfiguration.getGroupMemberAttribute(), escapeLDAPSearchFilter(memberDn))
            + ")";
    return search(groupBaseDn(), filter, query, SearchResult::getNameInNamespace);
  }

  private <T> List<T> search(
      String baseDn, String filter, AbstractQuery<?, ?> query, Function<SearchResult, T> map) {
    client.ensureContextInitialized();
    if (query != null) {
      // resets paging left on the connection by an earlier search of this session
      initializeControls(query);
    }
    List<T> found = new ArrayList<>();
    do {
      try (LdapSearchResults results = client.search(baseDn, filter)) {
        while (results.hasMoreElements()) {
          found.add(map.apply(results.nextElement()));
        }
      }
    } while (query != null && nextPageDetected());
    return found;
  }

  private String groupBaseDn() {
    return composeDn(ldapConfiguration.getGroupSearchBase(), ldapConfiguration.getBaseDn());
  }

  private boolean isTenantGroup(String groupId) {
    return groupId.regionMatches(true, 0, tenantPrefix, 0, tenantPrefix.length());
  }

  private static String term(String attribute, String escapedValue) {
    return "(" + attribute + "=" + escapedValue + ")";
  }

  private static String anyOf(
      String attribute, List<String> values, Function<String, String> escape) {
    StringBuilder any = new StringBuilder("(|");
    values.forEach(v -> any.append(term(attribute, escape.apply(v))));
    return any.append(')').toString();
  }

  /** A "like" value (Camunda's {@code %} already turned into LDAP's {@code *}). */
  private String escapeKeepingWildcards(String like) {
    String ldapLike = like.replace(LdapConfiguration.DB_QUERY_WILDCARD, "*");
    StringBuilder escaped = new StringBuilder();
    String[] parts = ldapLike.split("\\*", -1);
    for (int i = 0; i < parts.length; i++) {
      escaped.append(i == 0 ? "" : "*").append(escapeLDAPSearchFilter(parts[i]));
    }
    return escaped.toString();
  }

  private static String value(Attributes attributes, String name) {
    Attribute attribute = attributes.get(name);
    try {
      return attribute == null ? null : (String) attribute.get();
    } catch (NamingException e) {
      throw new IdentityProviderException("could not read " + name + " from the directory", e);
    }
  }

  /** Opens the manager connection on demand, as Camunda's queries do (its method is protected). */
  private static final class DirectoryClient extends LdapClient {

    DirectoryClient(LdapConfiguration configuration) {
      super(configuration);
    }

    @Override
    public void ensureContextInitialized() {
      super.ensureContextInitialized();
    }
  }
}
