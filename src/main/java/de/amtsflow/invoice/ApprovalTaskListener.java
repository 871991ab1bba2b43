package de.amtsflow.invoice;

import de.amtsflow.tasks.TaskRuleViolation;
import de.amtsflow.tenant.Tenant;
import de.amtsflow.tenant.Tenants;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Rules on completing an approval task, enforced by the engine, so Tasklist and {@code /api/tasks}
 * obey them alike: a decision is required, a rejection needs a reason, and whoever confirmed
 * "sachlich richtig" may not order the payment of the same invoice (four-eyes).
 */
@Component
class ApprovalTaskListener implements TaskListener {

  static final String RULE_FOUR_EYES = "FOUR_EYES";

  private final Tenants tenants;

  ApprovalTaskListener(Tenants tenants) {
    this.tenants = tenants;
  }

  @Override
  public void notify(DelegateTask task) {
    String decision = (String) task.getVariable(InvoiceProcess.Var.DECISION);
    if (!InvoiceProcess.DECISION_APPROVE.equals(decision)
        && !InvoiceProcess.DECISION_REJECT.equals(decision)) {
      throw new TaskRuleViolation("DECISION_REQUIRED", "Bitte eine Entscheidung treffen.");
    }
    if (InvoiceProcess.DECISION_REJECT.equals(decision)) {
      Object reason = task.getVariable(InvoiceProcess.Var.REJECTION_REASON);
      if (reason == null || reason.toString().isBlank()) {
        throw new TaskRuleViolation(
            "REASON_REQUIRED", "Eine Ablehnung braucht eine Begründung für den Lieferanten.");
      }
      return;
    }
    String user = currentUser(task);
    switch (task.getTaskDefinitionKey()) {
      case InvoiceProcess.Task.CLARIFY_ASSIGNMENT -> {
        Object leitwegId = task.getVariable(InvoiceProcess.Var.LEITWEG_ID);
        task.setVariable(
            InvoiceProcess.Var.FINE_ADDRESS,
            leitwegId == null ? "" : InvoiceTaskCompletion.fineAddressOf(leitwegId.toString()));
        // another authority's Leitweg-ID: that authority approves it, not the receiving one
        String other =
            leitwegId == null
                ? null
                : tenants
                    .byLeitwegId(leitwegId.toString())
                    .map(Tenant::id)
                    .filter(id -> !id.equals(task.getTenantId()))
                    .orElse(null);
        if (other != null) {
          task.setVariable(InvoiceProcess.Var.HANDOVER_TENANT_ID, other);
          throw new BpmnError(
              InvoiceProcess.ERROR_HANDED_OVER, "Leitweg-ID " + leitwegId + " belongs to " + other);
        }
      }
      case InvoiceProcess.Task.CONFIRM_FACTUAL ->
          task.setVariable(InvoiceProcess.Var.FACTUAL_APPROVER, user);
      case InvoiceProcess.Task.ORDER_PAYMENT -> {
        Object factual = task.getVariable(InvoiceProcess.Var.FACTUAL_APPROVER);
        if (user != null && user.equals(factual)) {
          throw new TaskRuleViolation(
              RULE_FOUR_EYES,
              "Vier-Augen-Prinzip: Wer die sachliche Richtigkeit festgestellt hat, darf die"
                  + " Zahlung nicht anordnen.");
        }
      }
      default -> {
        // no further rule
      }
    }
  }

  /** The user completing the task: the engine's authenticated user, else the assignee. */
  private static String currentUser(DelegateTask task) {
    Authentication auth =
        task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    if (auth != null && auth.getUserId() != null) {
      return auth.getUserId();
    }
    return task.getAssignee();
  }
}
