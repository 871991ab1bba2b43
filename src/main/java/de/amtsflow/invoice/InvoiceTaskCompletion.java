package de.amtsflow.invoice;

import de.amtsflow.tasks.TaskCompletion;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Component;

/** The typed payload of the invoice approval tasks on {@code /api/tasks/{id}/complete}. */
@Component
class InvoiceTaskCompletion implements TaskCompletion<InvoiceTaskCompletion.Payload> {

  enum Decision {
    APPROVE,
    REJECT
  }

  /**
   * @param decision APPROVE or REJECT
   * @param reason required when rejecting; told to the supplier
   * @param leitwegId corrected Leitweg-ID ("Zuordnung klären" only)
   * @param category cost category ("Zuordnung klären" only): BAU, IT, SONSTIGES
   */
  record Payload(
      @NotNull(message = "Entscheidung fehlt (APPROVE oder REJECT).") Decision decision,
      @Size(max = 2000, message = "Begründung zu lang.") String reason,
      @Size(max = 60, message = "Leitweg-ID zu lang.") String leitwegId,
      @Pattern(regexp = "BAU|IT|SONSTIGES", message = "Kategorie: BAU, IT oder SONSTIGES.")
          String category) {}

  @Override
  public Set<String> taskKeys() {
    return Set.of(
        InvoiceProcess.Task.CLARIFY_ASSIGNMENT,
        InvoiceProcess.Task.CONFIRM_FACTUAL,
        InvoiceProcess.Task.CONFIRM_ARITHMETIC,
        InvoiceProcess.Task.ORDER_PAYMENT);
  }

  @Override
  public Class<Payload> payloadType() {
    return Payload.class;
  }

  @Override
  public Map<String, Object> variables(String taskKey, Payload payload) {
    Map<String, Object> vars = new HashMap<>();
    vars.put(InvoiceProcess.Var.DECISION, payload.decision().name());
    vars.put(InvoiceProcess.Var.REJECTION_REASON, payload.reason());
    if (InvoiceProcess.Task.CLARIFY_ASSIGNMENT.equals(taskKey)) {
      if (payload.leitwegId() != null && !payload.leitwegId().isBlank()) {
        // the task listener derives the fine address from it, as for Tasklist
        vars.put(InvoiceProcess.Var.LEITWEG_ID, payload.leitwegId().strip());
      }
      if (payload.category() != null) {
        vars.put(InvoiceProcess.Var.CATEGORY, payload.category());
      }
    }
    return vars;
  }

  static String fineAddressOf(String leitwegId) {
    String[] parts = leitwegId.split("-");
    return parts.length == 3 ? parts[1].toUpperCase(java.util.Locale.ROOT) : "";
  }
}
