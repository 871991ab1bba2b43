package de.amtsflow.tenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Deploys the models an authority runs in its own tenant, once per tenant: the Gemeinde's
 * Einvernehmen ({@code permit/municipal-consent.bpmn}; its form is shared, see {@link
 * #PER_TENANT_MODELS}). A call activity names the tenant ({@code camunda:calledElementTenantId});
 * Camunda gives a called instance the tenant of its definition (a shared definition would inherit
 * the caller's), so only a per-tenant definition puts the Einvernehmen into the Gemeinde's tenant,
 * where only its users see it.
 *
 * <p>The model comes from the operator's models folder when it holds the same path, else from the
 * built-in {@code bpmn/}; duplicate filtering keeps unchanged models at their version, and a new
 * Gemeinde gets its copy at the next start. Runs when the engine exists, before the job executor
 * (as {@code ModelsDirDeployment}).
 */
@Component
class TenantModelDeployment implements SmartInitializingSingleton {

  /**
   * The Einvernehmen's process only: its form stays shared. Camunda 7.24 resolves a task's {@code
   * camunda:formRef} by key without the tenant, and refuses a key deployed for several tenants
   * ("Cannot resolve a unique Camunda Form definition … multiple tenants").
   */
  static final List<String> PER_TENANT_MODELS = List.of("permit/municipal-consent.bpmn");

  private static final Logger log = LoggerFactory.getLogger(TenantModelDeployment.class);

  private final RepositoryService repository;
  private final Tenants tenants;
  private final String modelsDir;

  TenantModelDeployment(
      RepositoryService repository,
      Tenants tenants,
      @Value("${amtsflow.models-dir:}") String modelsDir) {
    this.repository = repository;
    this.tenants = tenants;
    this.modelsDir = modelsDir.strip();
  }

  @Override
  public void afterSingletonsInstantiated() {
    for (Tenant tenant : tenants.all()) {
      DeploymentBuilder deployment =
          repository
              .createDeployment()
              .name("amtsflow-tenant-models")
              .source("amtsflow-tenant-models")
              .tenantId(tenant.id())
              .enableDuplicateFiltering(true);
      for (String model : PER_TENANT_MODELS) {
        deployment.addInputStream(model, new java.io.ByteArrayInputStream(read(model)));
      }
      // null, not empty, when duplicate filtering found every model unchanged (any restart)
      var deployed = deployment.deployWithResult().getDeployedProcessDefinitions();
      if (deployed != null && !deployed.isEmpty()) {
        log.info("tenant '{}': per-tenant models {} deployed", tenant.id(), PER_TENANT_MODELS);
      }
    }
  }

  private byte[] read(String model) {
    try {
      if (!modelsDir.isEmpty()) {
        Path edited = Path.of(modelsDir).resolve(model);
        if (Files.isRegularFile(edited)) {
          return Files.readAllBytes(edited);
        }
      }
      try (var in = new ClassPathResource("bpmn/" + model).getInputStream()) {
        return in.readAllBytes();
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the per-tenant model " + model, e);
    }
  }
}
