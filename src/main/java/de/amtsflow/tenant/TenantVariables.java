package de.amtsflow.tenant;

/** The process variable that names the tenant a new process instance belongs to. */
public final class TenantVariables {

  /**
   * Set among a start's variables (or a call activity's {@code camunda:in}), it chooses the
   * instance's tenant; without it an instance takes its caller's tenant, or the default tenant.
   */
  public static final String TENANT_ID = "tenantId";

  private TenantVariables() {}
}
