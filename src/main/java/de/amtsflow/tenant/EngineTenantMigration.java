package de.amtsflow.tenant;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gives the engine's rows from before tenancy the default tenant, as Flyway's {@code V8__tenants}
 * does for our own tables. Instances the previous release started ({@code BuildingPermitProcess},
 * {@code EInvoiceApprovalProcess}, {@code EFileRetentionReviewProcess}: an instance of a shared
 * definition without a tenant) would otherwise be visible to every authority, since Camunda's
 * tenant check shows tenant-less rows to everyone. Their runtime rows (executions, tasks and their
 * identity links, variables, jobs, event subscriptions, incidents, external tasks) and their
 * history (instances, activities, tasks, variables, details, identity links, incidents, job and
 * external task logs, decisions with inputs and outputs, the operation log, comments and
 * attachments) get the default tenant, in one transaction. New instances get their tenant from
 * {@link AmtsflowTenantIdProvider}, so only old rows have none, and a second run finds nothing.
 *
 * <p>Left as they are: the definitions, their job definitions, timer start jobs and message start
 * subscriptions (shared by all tenants), and {@code ACT_GE_BYTEARRAY}, whose tenant the engine sets
 * for deployment resources only (a new instance's variable bytes have none either).
 *
 * <p>An old Bauantrag waiting at the Einvernehmen: in the previous release that was a user task of
 * the permit process itself for the group {@code municipality}, not yet the Gemeinde's {@code
 * MunicipalConsentProcess} in the Gemeinde's tenant. The instance stays on its old definition
 * version, so after the migration the task belongs to the default tenant: only members of the
 * default tenant in {@code municipality} see it (and administrators), not a Gemeinde's users, who
 * belong to their own tenant. The operator gives the users who gave the Einvernehmen before
 * membership in the default tenant until those cases are through, or completes the tasks for them.
 * An old case that reaches the Einvernehmen after the upgrade does the same (same model version).
 * Old statement tasks stay with the group {@code agencies} of the default tenant. The e-files of
 * both learn of these participants from the permit module ({@code ParticipantsOfOpenTasks}).
 *
 * <p>Runs as {@code ModelsDirDeployment}: once the engine exists, before the web server serves and
 * before the job executor starts (no job of an old instance runs with the old rows), and a failure
 * aborts start-up with nothing changed.
 */
@Component
public class EngineTenantMigration implements SmartInitializingSingleton {

  private static final Logger log = LoggerFactory.getLogger(EngineTenantMigration.class);

  private final JdbcTemplate jdbc;
  private final TransactionTemplate transaction;
  private final Tenants tenants;
  private final String prefix;
  private final org.camunda.bpm.engine.IdentityService identity;

  EngineTenantMigration(
      ProcessEngine engine,
      JdbcTemplate jdbc,
      PlatformTransactionManager transactionManager,
      Tenants tenants) {
    this.jdbc = jdbc;
    this.transaction = new TransactionTemplate(transactionManager);
    this.tenants = tenants;
    this.identity = engine.getIdentityService();
    this.prefix =
        ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
            .getDatabaseTablePrefix();
  }

  @Override
  public void afterSingletonsInstantiated() {
    migrate();
    migrateUsers();
  }

  /**
   * The clerks of an installation from before tenancy belong to its one authority: when no user
   * belongs to any tenant yet (the upgrade's first start), every user becomes a member of the
   * default tenant, so they see their cases as before. Afterwards memberships are the operator's
   * (Camunda Admin, a tenant administrator, the directory): this never runs again. A directory
   * (read-only identity) answers for memberships itself.
   *
   * @return the users given the default tenant
   */
  public List<String> migrateUsers() {
    if (identity.isReadOnly()) {
      return List.of();
    }
    Integer memberships =
        jdbc.queryForObject("select count(*) from " + table("ACT_ID_TENANT_MEMBER"), Integer.class);
    if (memberships != null && memberships > 0) {
      return List.of();
    }
    String tenant = tenants.defaultTenant().id();
    List<String> users =
        identity.createUserQuery().list().stream()
            .map(org.camunda.bpm.engine.identity.User::getId)
            .toList();
    users.forEach(user -> identity.createTenantUserMembership(tenant, user));
    if (!users.isEmpty()) {
      log.info(
          "users from before tenancy now belong to the default tenant '{}': {}", tenant, users);
    }
    return users;
  }

  /**
   * Gives the default tenant to every row of the instances from before tenancy that has none yet.
   *
   * @return rows changed per table, in the order changed; empty when there was nothing to do
   */
  public Map<String, Integer> migrate() {
    Map<String, Integer> changed = transaction.execute(status -> migrateRows());
    int total = changed.values().stream().mapToInt(Integer::intValue).sum();
    if (total > 0) {
      log.info(
          "instances from before tenancy now belong to the default tenant '{}': {} rows {}",
          tenants.defaultTenant().id(),
          total,
          changed);
    }
    return total > 0 ? changed : Map.of();
  }

  private Map<String, Integer> migrateRows() {
    String sharedDefinitions =
        "select ID_ from " + table("ACT_RE_PROCDEF") + " where TENANT_ID_ is null";
    // the root instances of shared definitions; a called instance belongs to its root's authority.
    // Their rows without tenant are the old ones: the engine gives a new row its instance's tenant.
    // Neither list depends on a tenant column, so the order of the updates does not matter.
    String runningRoots =
        "select ID_ from %s where ID_ = ROOT_PROC_INST_ID_ and PROC_DEF_ID_ in (%s)"
            .formatted(table("ACT_RU_EXECUTION"), sharedDefinitions);
    // at runtime only an instance's own execution names its root
    String running =
        "select ID_ from %s where ID_ = PROC_INST_ID_ and ROOT_PROC_INST_ID_ in (%s)"
            .formatted(table("ACT_RU_EXECUTION"), runningRoots);
    String roots =
        "select ID_ from %s where ID_ = ROOT_PROC_INST_ID_ and PROC_DEF_ID_ in (%s)"
            .formatted(table("ACT_HI_PROCINST"), sharedDefinitions);
    if (count(table("ACT_RU_EXECUTION"), runningRoots) == 0
        && count(table("ACT_HI_PROCINST"), roots) == 0) {
      return Map.of();
    }

    String byInstance = "PROC_INST_ID_ in (" + running + ")";
    // every history table names the root instance (the history cleanup uses it)
    String byRoot = "ROOT_PROC_INST_ID_ in (" + roots + ")";
    Map<String, String> rowsByTable = new LinkedHashMap<>();
    rowsByTable.put("ACT_RU_EXECUTION", byInstance);
    rowsByTable.put("ACT_RU_TASK", byInstance);
    rowsByTable.put(
        "ACT_RU_IDENTITYLINK",
        "TASK_ID_ in (select ID_ from %s where %s)".formatted(table("ACT_RU_TASK"), byInstance));
    rowsByTable.put("ACT_RU_VARIABLE", byInstance);
    // not timer start jobs: they belong to the (shared) definition
    rowsByTable.put("ACT_RU_JOB", "PROCESS_INSTANCE_ID_ in (" + running + ")");
    rowsByTable.put("ACT_RU_EVENT_SUBSCR", byInstance);
    rowsByTable.put("ACT_RU_INCIDENT", byInstance);
    rowsByTable.put("ACT_RU_EXT_TASK", byInstance);
    for (String history :
        List.of(
            "ACT_HI_PROCINST",
            "ACT_HI_ACTINST",
            "ACT_HI_TASKINST",
            "ACT_HI_VARINST",
            "ACT_HI_DETAIL",
            "ACT_HI_IDENTITYLINK",
            "ACT_HI_INCIDENT",
            "ACT_HI_JOB_LOG",
            "ACT_HI_EXT_TASK_LOG",
            "ACT_HI_DECINST",
            "ACT_HI_DEC_IN",
            "ACT_HI_DEC_OUT",
            "ACT_HI_OP_LOG",
            "ACT_HI_COMMENT",
            "ACT_HI_ATTACHMENT")) {
      rowsByTable.put(history, byRoot);
    }

    String tenant = tenants.defaultTenant().id();
    Map<String, Integer> changed = new LinkedHashMap<>();
    rowsByTable.forEach(
        (name, rows) ->
            changed.put(
                name,
                jdbc.update(
                    "update %s set TENANT_ID_ = ? where TENANT_ID_ is null and %s"
                        .formatted(table(name), rows),
                    tenant)));
    return changed;
  }

  private String table(String name) {
    return prefix + name;
  }

  // old root instances (the list's rows without tenant)
  private int count(String table, String ids) {
    Integer count =
        jdbc.queryForObject(
            "select count(*) from %s where TENANT_ID_ is null and ID_ in (%s)"
                .formatted(table, ids),
            Integer.class);
    return count == null ? 0 : count;
  }
}
