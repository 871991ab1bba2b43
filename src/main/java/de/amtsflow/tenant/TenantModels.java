package de.amtsflow.tenant;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Chooses the decision table an instance evaluates: its own authority's, when that authority's
 * process owner deployed one ({@code POST /api/tenants/{id}/decisions}), else the shared one from
 * {@code bpmn/}. The models say so with {@code camunda:decisionRefTenantId="${tenantModels
 * .decisionTenant(execution, 'Decision_InvoiceApprovers')}"}: null there means "the shared
 * definition".
 */
@Component("tenantModels")
public class TenantModels {

  private final RepositoryService repository;

  TenantModels(RepositoryService repository) {
    this.repository = repository;
  }

  /** The instance's tenant if it has its own version of the decision, else null (shared). */
  public String decisionTenant(DelegateExecution execution, String decisionKey) {
    String tenant = execution.getTenantId();
    if (tenant == null) {
      return null;
    }
    long own =
        repository
            .createDecisionDefinitionQuery()
            .decisionDefinitionKey(decisionKey)
            .tenantIdIn(tenant)
            .count();
    return own > 0 ? tenant : null;
  }
}
