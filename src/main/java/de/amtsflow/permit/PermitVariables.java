package de.amtsflow.permit;

import java.util.UUID;
import org.camunda.bpm.engine.delegate.VariableScope;

/** Typed reads of the permit process variables, for delegates and listeners. */
final class PermitVariables {

  private PermitVariables() {}

  static UUID applicationId(VariableScope scope) {
    return UUID.fromString((String) scope.getVariable(PermitProcess.Var.APPLICATION_ID));
  }

  static String text(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? "" : value.toString().strip();
  }

  static boolean flag(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value instanceof Boolean b ? b : Boolean.parseBoolean(String.valueOf(value));
  }

  /** The user completing a task: the engine's authenticated user, else the assignee. */
  static String currentUser(org.camunda.bpm.engine.delegate.DelegateTask task) {
    var auth = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return auth != null && auth.getUserId() != null ? auth.getUserId() : task.getAssignee();
  }
}
