package de.amtsflow.tenant;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Turns on tenants for the engine: our models are deployed once, without a tenant (shared), and
 * each instance gets its authority's tenant from {@link AmtsflowTenantIdProvider}. Camunda's tenant
 * check (on by default, kept on) then shows a user only the instances, tasks, history and decisions
 * of the tenants they belong to; administrators see all.
 */
@Component
class TenancyEnginePlugin extends AbstractProcessEnginePlugin {

  private final Tenants tenants;

  TenancyEnginePlugin(Tenants tenants) {
    this.tenants = tenants;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setTenantIdProvider(new AmtsflowTenantIdProvider(tenants));
    configuration.setTenantCheckEnabled(true);
  }
}
