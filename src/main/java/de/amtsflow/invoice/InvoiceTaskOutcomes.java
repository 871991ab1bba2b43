package de.amtsflow.invoice;

import de.amtsflow.casehistory.TaskOutcomes;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** What each invoice task decided, in the words of the case history ("Verlauf"). */
@Component
class InvoiceTaskOutcomes implements TaskOutcomes {

  @Override
  public String processKey() {
    return InvoiceProcess.KEY;
  }

  @Override
  public Optional<String> of(String taskKey, Map<String, Object> variables) {
    boolean approved =
        InvoiceProcess.DECISION_APPROVE.equals(variables.get(InvoiceProcess.Var.DECISION));
    String[] words =
        switch (taskKey) {
          case InvoiceProcess.Task.CLARIFY_ASSIGNMENT ->
              new String[] {"zugeordnet", "nicht zuordenbar"};
          case InvoiceProcess.Task.CONFIRM_FACTUAL ->
              new String[] {"sachlich richtig", "sachlich nicht richtig"};
          case InvoiceProcess.Task.CONFIRM_ARITHMETIC ->
              new String[] {"rechnerisch richtig", "rechnerisch nicht richtig"};
          case InvoiceProcess.Task.ORDER_PAYMENT ->
              new String[] {"Zahlung angeordnet", "Anordnung abgelehnt"};
          default -> null;
        };
    if (words == null || variables.get(InvoiceProcess.Var.DECISION) == null) {
      return Optional.empty();
    }
    if (approved) {
      return Optional.of(words[0]);
    }
    Object reason = variables.get(InvoiceProcess.Var.REJECTION_REASON);
    return Optional.of(
        reason == null || reason.toString().isBlank()
            ? words[1]
            : words[1] + " – Begründung: " + reason.toString().strip());
  }
}
