package de.amtsflow.invoice;

import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.springframework.stereotype.Component;

/**
 * Four-eyes rule, up front: when "Zahlung anordnen" is created, the user who confirmed "sachlich
 * richtig" of the same invoice loses every permission on that one task (a user's revoke overrides
 * the grant their group gets as candidate). Tasklist, {@code /api/tasks} and the engine REST API
 * then neither list nor offer it to them; the engine removes the revoke with the task. {@link
 * ApprovalTaskListener} still refuses the completion for anyone who passes authorization (an
 * administrator).
 */
@Component
class FourEyesTaskListener implements TaskListener {

  private final AuthorizationService authorizations;

  FourEyesTaskListener(AuthorizationService authorizations) {
    this.authorizations = authorizations;
  }

  @Override
  public void notify(DelegateTask task) {
    Object factual = task.getVariable(InvoiceProcess.Var.FACTUAL_APPROVER);
    if (factual == null || factual.toString().isBlank()) {
      return;
    }
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId(factual.toString());
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(task.getId());
    revoke.removePermission(Permissions.ALL);
    // the clerk who completed the previous task need not administer authorizations
    Context.getCommandContext()
        .runWithoutAuthorization(() -> authorizations.saveAuthorization(revoke));
  }
}
