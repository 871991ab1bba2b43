package de.amtsflow.permit;

import de.amtsflow.security.UserNames;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.springframework.stereotype.Component;

/** Who decided: the name of the clerk who completed a task, as a letter signs "Im Auftrag". */
@Component
class ClerkNames {

  private final HistoryService history;
  private final UserNames names;

  ClerkNames(HistoryService history, UserNames names) {
    this.history = history;
    this.names = names;
  }

  /**
   * The full name of the user who last completed {@code taskKey} in the process instance (the user
   * id when the directory has no name; null when no one did, e.g. a timer decided).
   */
  String completerOf(String processInstanceId, String taskKey) {
    HistoricTaskInstance task = lastCompleted(processInstanceId, taskKey);
    return task == null || task.getAssignee() == null ? null : nameOf(task.getAssignee());
  }

  /** The user's full name as the directory has it, else the user id. */
  String nameOf(String userId) {
    return names.fullName(userId).orElse(userId);
  }

  /** The user id of who last completed {@code taskKey} in the instance, or null. */
  String assigneeOf(String processInstanceId, String taskKey) {
    HistoricTaskInstance task = lastCompleted(processInstanceId, taskKey);
    return task == null ? null : task.getAssignee();
  }

  // by the case's Aktenzeichen (the business key): the Gemeinde's Einvernehmen is a task of its
  // own instance (in its tenant), called by the case's
  private HistoricTaskInstance lastCompleted(String processInstanceId, String taskKey) {
    org.camunda.bpm.engine.history.HistoricProcessInstance instance =
        history
            .createHistoricProcessInstanceQuery()
            .processInstanceId(processInstanceId)
            .singleResult();
    if (instance == null || instance.getBusinessKey() == null) {
      return null;
    }
    return history
        .createHistoricTaskInstanceQuery()
        .processInstanceBusinessKey(instance.getBusinessKey())
        .taskDefinitionKey(taskKey)
        .finished()
        .orderByHistoricTaskInstanceEndTime()
        .desc()
        .listPage(0, 1)
        .stream()
        .findFirst()
        .orElse(null);
  }
}
