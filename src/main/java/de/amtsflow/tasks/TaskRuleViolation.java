package de.amtsflow.tasks;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A task listener refuses a completion (e.g. the four-eyes rule). The engine rolls the completion
 * back; Tasklist shows the message, {@code /api/tasks} answers 409 with it. The message is German:
 * clerks read it.
 */
public class TaskRuleViolation extends ProcessEngineException {

  private final String rule;

  public TaskRuleViolation(String rule, String message) {
    super(message);
    this.rule = rule;
  }

  public String rule() {
    return rule;
  }
}
