package de.amtsflow.tenant;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The authorities on this installation ({@code amtsflow.tenancy.*}).
 *
 * @param defaultTenant owns the data from before tenancy, receives invoices with an unknown
 *     Leitweg-ID and, unless {@code amtsflow.permit.authority-tenant} says otherwise, runs the
 *     building permits; when {@code tenants} is empty it is the only tenant, built from the
 *     single-authority settings (letterhead, court, Leitweg-IDs)
 * @param tenants the authorities; each becomes a Camunda tenant at start-up
 */
@ConfigurationProperties("amtsflow.tenancy")
record TenantProperties(String defaultTenant, List<Tenant> tenants) {

  TenantProperties {
    tenants = tenants == null ? List.of() : List.copyOf(tenants);
  }
}
