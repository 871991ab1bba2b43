package de.amtsflow;

import java.util.Optional;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.CamundaFormDefinitionEntity;

/** Camunda Forms definitions as the engine deployed them; the engine has no public query. */
public final class FormDefinitions {

  private FormDefinitions() {}

  /** The latest deployed version of the form with this id, if any. */
  public static Optional<Integer> latestVersion(ProcessEngineConfigurationImpl engine, String key) {
    return engine
        .getCommandExecutorTxRequired()
        .execute(
            commandContext ->
                Optional.ofNullable(
                        commandContext
                            .getCamundaFormDefinitionManager()
                            // the shared form (a per-tenant copy may exist beside it)
                            .findLatestDefinitionByKeyAndTenantId(key, null))
                    .map(CamundaFormDefinitionEntity::getVersion));
  }
}
