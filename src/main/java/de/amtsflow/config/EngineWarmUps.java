package de.amtsflow.config;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine parses a process's or decision's model when an instance first needs it, so after a
 * restart the first invoice and the first Bauantrag paid for parsing their BPMN and DMN. Asking for
 * each latest definition by id parses it into the engine's cache now. Warm-ups run after the
 * context is refreshed, when every deployment (ours, the tenants', the models folder's) is in.
 */
@Configuration(proxyBeanMethods = false)
class EngineWarmUps {

  @Bean
  WarmUp engineDefinitionsWarmUp(RepositoryService repository) {
    return new WarmUp(
        "engine-definitions",
        () -> {
          for (ProcessDefinition p :
              repository.createProcessDefinitionQuery().latestVersion().list()) {
            repository.getProcessDefinition(p.getId());
          }
          for (DecisionDefinition d :
              repository.createDecisionDefinitionQuery().latestVersion().list()) {
            repository.getDecisionDefinition(d.getId());
          }
        });
  }
}
