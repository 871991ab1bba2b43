package de.amtsflow.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import de.amtsflow.letters.Letterhead;
import de.amtsflow.letters.LettersProperties;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** The authorities as configured: the single-authority default, lookups, and refused set-ups. */
class TenantsTest {

  private static final Letterhead LRA =
      new Letterhead(
          "Landratsamt Musterkreis",
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null,
          null);

  private static Tenants tenants(String defaultTenant, List<Tenant> list, String leitwegIds) {
    MockEnvironment environment = new MockEnvironment();
    if (leitwegIds != null) {
      environment.setProperty("amtsflow.invoice.leitweg-ids", leitwegIds);
    }
    return new Tenants(
        new TenantProperties(defaultTenant, list),
        new LettersProperties(null, LRA),
        environment,
        "Verwaltungsgericht Regensburg");
  }

  private static Tenant gemeinde(String id, String key, String prefix, String... leitwegIds) {
    return new Tenant(
        id, "Gemeinde " + id, TenantKind.GEMEINDE, key, prefix, List.of(leitwegIds), null, null);
  }

  @Test
  void withoutTenantsTheSingleAuthorityIsTheDefaultTenant() {
    Tenants single = tenants("default", List.of(), "04011000-12345-03, 04011000-12350-85");
    assertThat(single.all()).hasSize(1);
    Tenant only = single.defaultTenant();
    assertThat(only.name()).isEqualTo("Landratsamt Musterkreis");
    assertThat(only.fileNumberPrefix()).isEmpty();
    assertThat(only.court()).isEqualTo("Verwaltungsgericht Regensburg");
    assertThat(single.byLeitwegId("04011000-12350-85")).contains(only);
    assertThat(single.municipalities()).isEmpty();
  }

  @Test
  void leitwegIdsAndGemeindeschluesselNameTheirAuthority() {
    Tenant lra =
        new Tenant("lra", "Landratsamt", TenantKind.LANDRATSAMT, "", "", List.of(), null, null);
    Tenant adorf = gemeinde("gemeinde-a", "09375111", "ADF", "09375111-1000-10");
    Tenants several = tenants("lra", List.of(lra, adorf), "04011000-12345-03");
    assertThat(several.byLeitwegId("09375111-1000-10")).map(Tenant::id).contains("gemeinde-a");
    // the single-authority Leitweg-IDs stay the default tenant's
    assertThat(several.byLeitwegId("04011000-12345-03")).map(Tenant::id).contains("lra");
    assertThat(several.byLeitwegId("04011000-99999-08")).isEmpty();
    assertThat(several.byMunicipalityKey("09375111")).map(Tenant::id).contains("gemeinde-a");
    assertThat(several.municipalities()).extracting(Tenant::id).containsExactly("gemeinde-a");
    assertThat(several.letterhead("gemeinde-a")).isEqualTo(LRA);
  }

  @Test
  void aSetUpThatWouldMisrouteIsRefusedAtStart() {
    Tenant lra =
        new Tenant("lra", "Landratsamt", TenantKind.LANDRATSAMT, "", "", List.of(), null, null);
    assertThatThrownBy(
            () ->
                tenants(
                    "lra",
                    List.of(
                        lra,
                        gemeinde("gemeinde-a", "09375111", "", "09375111-1000-10"),
                        gemeinde("gemeinde-b", "09375122", "", "09375111-1000-10")),
                    null))
        .hasMessageContaining("belongs to both gemeinde-a and gemeinde-b");
    assertThatThrownBy(() -> tenants("lra", List.of(lra, gemeinde("a", "0937", "")), null))
        .hasMessageContaining("8 digits");
    assertThatThrownBy(() -> tenants("lra", List.of(lra, gemeinde("Gemeinde A", "", "")), null))
        .hasMessageContaining("lower case");
    assertThatThrownBy(() -> tenants("lra", List.of(lra, gemeinde("a", "", "adf-")), null))
        .hasMessageContaining("file-number-prefix");
    assertThatThrownBy(() -> tenants("kreis", List.of(lra), null))
        .hasMessageContaining("is not among");
  }
}
