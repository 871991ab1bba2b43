/**
 * The authorities sharing one installation (issue 14): a Landratsamt and its Gemeinden, or
 * municipalities that cooperate. Each authority is a Camunda tenant; its users see only its own
 * cases, tasks and e-files through Camunda's tenant check and the e-file store's tenant column.
 *
 * <p>The API: {@link de.amtsflow.tenant.Tenants} (who the authorities are, by id, Leitweg-ID or
 * Gemeindeschlüssel) and {@link de.amtsflow.tenant.TenantScope} (whose data the current caller may
 * see). Tenants come from configuration ({@code amtsflow.tenancy.tenants}); a new Gemeinde is a new
 * entry and a restart, no rebuild. Camunda's tenants are kept in step with it at start-up.
 */
package de.amtsflow.tenant;
