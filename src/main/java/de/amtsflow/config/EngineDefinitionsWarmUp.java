package de.amtsflow.config;

import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.springframework.stereotype.Component;

/**
 * The engine parses a process's or decision's model when an instance first needs it, so after a
 * restart the first invoice and the first Bauantrag paid for parsing their BPMN and DMN. Asking for
 * each latest definition by id parses it into the engine's cache now. Runs after the context is
 * refreshed, when every deployment (ours, the tenants', the models folder's) is in.
 */
@Component
class EngineDefinitionsWarmUp implements WarmUp {

  private final RepositoryService repository;

  EngineDefinitionsWarmUp(RepositoryService repository) {
    this.repository = repository;
  }

  @Override
  public String name() {
    return "engine-definitions";
  }

  @Override
  public void warmUp() {
    for (ProcessDefinition p : repository.createProcessDefinitionQuery().latestVersion().list()) {
      repository.getProcessDefinition(p.getId());
    }
    for (DecisionDefinition d : repository.createDecisionDefinitionQuery().latestVersion().list()) {
      repository.getDecisionDefinition(d.getId());
    }
  }
}
