package de.amtsflow.tasks;

import org.camunda.bpm.engine.ProcessEngineException;

/**
 * A task listener refuses a completion (e.g. the four-eyes rule). The engine rolls the completion
 * back; Tasklist shows the message, {@code /api/tasks} answers 409 with it. The message is German:
 * clerks read it.
 */
public class TaskRuleViolation extends ProcessEngineException {

  /** Set while a request of the Camunda webapps completes a task: the violation raised in it. */
  private static final ThreadLocal<TaskRuleViolation[]> RECORDING = new ThreadLocal<>();

  private final String rule;

  public TaskRuleViolation(String rule, String message) {
    super(message);
    this.rule = rule;
    TaskRuleViolation[] slot = RECORDING.get();
    if (slot != null && slot[0] == null) {
      slot[0] = this;
    }
  }

  /**
   * Runs {@code action} and returns the first violation raised in this thread meanwhile, or null.
   * The engine REST API turns a listener's exception into a wrapped 500; this lets {@link
   * TaskRefusalFilter} answer with the rule instead.
   */
  static TaskRuleViolation recordDuring(ThrowingRunnable action) throws Exception {
    TaskRuleViolation[] slot = new TaskRuleViolation[1];
    RECORDING.set(slot);
    try {
      action.run();
      return slot[0];
    } finally {
      RECORDING.remove();
    }
  }

  /**
   * The violation raised so far in this thread's recording (see {@link #recordDuring}), or null.
   */
  static TaskRuleViolation recordedInThisThread() {
    TaskRuleViolation[] slot = RECORDING.get();
    return slot == null ? null : slot[0];
  }

  @FunctionalInterface
  interface ThrowingRunnable {
    void run() throws Exception;
  }

  public String rule() {
    return rule;
  }
}
