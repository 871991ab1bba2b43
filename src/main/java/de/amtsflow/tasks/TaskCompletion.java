package de.amtsflow.tasks;

import java.util.Map;
import java.util.Set;

/**
 * How a feature's user tasks are completed over REST: the payload type (a validated record) and the
 * process variables it becomes.
 *
 * @param <P> the payload record
 */
public interface TaskCompletion<P> {

  /** Task definition keys (BPMN ids) this completion serves. */
  Set<String> taskKeys();

  Class<P> payloadType();

  /** Process variables to complete the task with; the payload is already validated. */
  Map<String, Object> variables(String taskKey, P payload);
}
