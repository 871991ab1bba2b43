package de.amtsflow.tenant;

import de.amtsflow.letters.Letterhead;
import de.amtsflow.letters.LettersProperties;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The authorities on this installation, from {@code amtsflow.tenancy}: by id, by Leitweg-ID and by
 * Amtlicher Gemeindeschlüssel. Without configured tenants there is one, the default tenant, made
 * from the single-authority settings, so an installation from before tenancy runs on unchanged.
 */
@Component
public class Tenants {

  /** Camunda's tenant ids are limited; ours are lower case words with dashes. */
  static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private final Map<String, Tenant> byId = new LinkedHashMap<>();
  private final Map<String, Tenant> byLeitwegId = new LinkedHashMap<>();
  private final Map<String, Tenant> byMunicipalityKey = new LinkedHashMap<>();
  private final Tenant defaultTenant;

  Tenants(
      TenantProperties properties,
      LettersProperties letters,
      Environment environment,
      @Value("${amtsflow.permit.court:}") String legacyCourt) {
    // a YAML list or a comma-separated value (AMTSFLOW_LEITWEG_IDS) alike
    List<String> legacyLeitwegIds =
        Binder.get(environment)
            .bind("amtsflow.invoice.leitweg-ids", Bindable.listOf(String.class))
            .orElse(List.of());
    String defaultId = blankToNull(properties.defaultTenant());
    if (defaultId == null) {
      throw new IllegalStateException("amtsflow.tenancy.default-tenant must name a tenant");
    }
    List<Tenant> entries = new ArrayList<>(properties.tenants());
    if (entries.stream().noneMatch(entry -> defaultId.equals(entry.id()))) {
      if (!entries.isEmpty()) {
        throw new IllegalStateException(
            "amtsflow.tenancy.default-tenant '%s' is not among amtsflow.tenancy.tenants %s"
                .formatted(defaultId, entries.stream().map(e -> e.id()).toList()));
      }
      // a single-authority installation: the default tenant is that authority
      entries.add(
          new Tenant(
              defaultId,
              letters.letterhead().authority(),
              TenantKind.LANDRATSAMT,
              "",
              "",
              List.of(),
              null,
              null));
    }
    for (Tenant entry : entries) {
      boolean isDefault = defaultId.equals(entry.id());
      Tenant tenant =
          new Tenant(
              requireId(entry.id()),
              require(entry.name(), entry.id(), "name"),
              entry.kind() == null ? TenantKind.GEMEINDE : entry.kind(),
              entry.municipalityKey(),
              entry.fileNumberPrefix(),
              isDefault ? merged(entry.leitwegIds(), legacyLeitwegIds) : entry.leitwegIds(),
              entry.letterhead() == null && isDefault ? letters.letterhead() : entry.letterhead(),
              blankToNull(entry.court()) == null && isDefault ? legacyCourt : entry.court());
      add(tenant);
    }
    this.defaultTenant = byId.get(defaultId);
  }

  private void add(Tenant tenant) {
    if (byId.putIfAbsent(tenant.id(), tenant) != null) {
      throw new IllegalStateException("amtsflow.tenancy.tenants: '" + tenant.id() + "' twice");
    }
    for (String leitwegId : tenant.leitwegIds()) {
      Tenant other = byLeitwegId.putIfAbsent(normalize(leitwegId), tenant);
      if (other != null && other != tenant) {
        throw new IllegalStateException(
            "Leitweg-ID %s belongs to both %s and %s"
                .formatted(leitwegId, other.id(), tenant.id()));
      }
    }
    if (!tenant.fileNumberPrefix().matches("[A-Z0-9]{0,10}")) {
      throw new IllegalStateException(
          "amtsflow.tenancy.tenants: '%s' has file-number-prefix '%s'; use up to 10 capitals or digits"
              .formatted(tenant.id(), tenant.fileNumberPrefix()));
    }
    if (!tenant.municipalityKey().isEmpty()) {
      if (!tenant.municipalityKey().matches("\\d{8}")) {
        throw new IllegalStateException(
            "amtsflow.tenancy.tenants: '%s' has municipality-key '%s'; an Amtlicher Gemeindeschlüssel has 8 digits"
                .formatted(tenant.id(), tenant.municipalityKey()));
      }
      Tenant other = byMunicipalityKey.putIfAbsent(tenant.municipalityKey(), tenant);
      if (other != null) {
        throw new IllegalStateException(
            "Gemeindeschlüssel %s belongs to both %s and %s"
                .formatted(tenant.municipalityKey(), other.id(), tenant.id()));
      }
    }
  }

  /** Every authority, in configuration order. */
  public List<Tenant> all() {
    return List.copyOf(byId.values());
  }

  public Optional<Tenant> find(String id) {
    return Optional.ofNullable(id == null ? null : byId.get(id));
  }

  /** The tenant, which must exist (ids in the database and in models were checked once). */
  public Tenant require(String id) {
    return find(id).orElseThrow(() -> new IllegalStateException("no tenant '" + id + "'"));
  }

  /** Owns the data from before tenancy; receives what no other authority claims. */
  public Tenant defaultTenant() {
    return defaultTenant;
  }

  /** The authority an invoice with this Leitweg-ID (BT-10) is for; empty for an unknown one. */
  public Optional<Tenant> byLeitwegId(String leitwegId) {
    return Optional.ofNullable(leitwegId == null ? null : byLeitwegId.get(normalize(leitwegId)));
  }

  /** The Gemeinde or Stadt with this Amtlicher Gemeindeschlüssel. */
  public Optional<Tenant> byMunicipalityKey(String key) {
    return Optional.ofNullable(key == null ? null : byMunicipalityKey.get(key.strip()));
  }

  /** The Gemeinden and Städte, as the citizen's form lists them, by name. */
  public List<Tenant> municipalities() {
    return byId.values().stream()
        .filter(t -> t.kind().isMunicipality() && !t.municipalityKey().isEmpty())
        .sorted(java.util.Comparator.comparing(Tenant::name))
        .toList();
  }

  /** All Leitweg-IDs this installation receives invoices for. */
  public List<String> leitwegIds() {
    return List.copyOf(byLeitwegId.keySet());
  }

  /** The tenant's letterhead; the default tenant's where the tenant has none of its own. */
  public Letterhead letterhead(String tenantId) {
    Letterhead own = find(tenantId).map(Tenant::letterhead).orElse(null);
    return own != null ? own : defaultTenant.letterhead();
  }

  private static List<String> merged(List<String> configured, List<String> legacy) {
    List<String> all = new ArrayList<>(configured == null ? List.of() : configured);
    if (legacy != null) {
      legacy.stream().map(String::strip).filter(s -> !s.isEmpty()).forEach(all::add);
    }
    return all.stream().distinct().toList();
  }

  private static String normalize(String leitwegId) {
    return leitwegId.strip().toUpperCase(Locale.ROOT);
  }

  private static String requireId(String id) {
    if (id == null || !ID.matcher(id).matches()) {
      throw new IllegalStateException(
          "amtsflow.tenancy.tenants: tenant id '%s' must be lower case letters, digits and dashes"
              .formatted(id));
    }
    return id;
  }

  private static String require(String value, String id, String field) {
    if (blankToNull(value) == null) {
      throw new IllegalStateException("amtsflow.tenancy.tenants: '" + id + "' has no " + field);
    }
    return value.strip();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }
}
