package de.amtsflow.tenant;

import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProvider;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderCaseInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderHistoricDecisionInstanceContext;
import org.camunda.bpm.engine.impl.cfg.multitenancy.TenantIdProviderProcessInstanceContext;

/**
 * Gives every instance of our shared (tenant-less) models its authority's tenant: the one named by
 * the start variable {@value TenantVariables#TENANT_ID} (the intakes set it: the Leitweg-ID's
 * authority, the Bauaufsichtsbehörde), else the default tenant. A called instance (the
 * Einvernehmen) takes its per-tenant definition's tenant: the engine does not ask here. Decisions
 * are recorded under their instance's tenant.
 *
 * <p>An unknown tenant id fails the start: an instance no user can see would be lost work.
 */
class AmtsflowTenantIdProvider implements TenantIdProvider {

  private final Tenants tenants;

  AmtsflowTenantIdProvider(Tenants tenants) {
    this.tenants = tenants;
  }

  @Override
  public String provideTenantIdForProcessInstance(TenantIdProviderProcessInstanceContext ctx) {
    Object named =
        ctx.getVariables() == null ? null : ctx.getVariables().get(TenantVariables.TENANT_ID);
    if (named instanceof String id && !id.isBlank()) {
      return tenants.require(id).id();
    }
    // the engine asks only for instances started on their own: one called from another process
    // gets its definition's tenant, or (a shared definition) its caller's, without asking
    return tenants.defaultTenant().id();
  }

  @Override
  public String provideTenantIdForCaseInstance(TenantIdProviderCaseInstanceContext ctx) {
    return tenants.defaultTenant().id();
  }

  @Override
  public String provideTenantIdForHistoricDecisionInstance(
      TenantIdProviderHistoricDecisionInstanceContext ctx) {
    if (ctx.getExecution() != null) {
      return ctx.getExecution().getTenantId();
    }
    // a decision evaluated on its own (engine REST, tests): its definition's tenant, if any
    return ctx.getDecisionDefinition().getTenantId();
  }
}
