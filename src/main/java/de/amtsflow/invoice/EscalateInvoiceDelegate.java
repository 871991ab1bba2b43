package de.amtsflow.invoice;

import de.amtsflow.efile.EFileStore;
import de.amtsflow.letters.Mailer;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/**
 * "Skontofrist / Fälligkeit eskalieren": raises the priority of the invoice's open tasks and tells
 * their groups by mail (addresses from {@code amtsflow.invoice.escalation-recipients}).
 */
@Component
class EscalateInvoiceDelegate implements JavaDelegate {

  static final int PRIORITY_SKONTO = 80;
  static final int PRIORITY_DUE = 100;

  private final TaskService tasks;
  private final EFileStore efiles;
  private final Mailer mailer;
  private final InvoiceProperties properties;

  EscalateInvoiceDelegate(
      TaskService tasks, EFileStore efiles, Mailer mailer, InvoiceProperties properties) {
    this.tasks = tasks;
    this.efiles = efiles;
    this.mailer = mailer;
    this.properties = properties;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean skonto =
        InvoiceProcess.ESCALATION_SKONTO.equals(
            execution.getVariable(InvoiceProcess.Var.ESCALATION));
    int priority = skonto ? PRIORITY_SKONTO : PRIORITY_DUE;
    Set<String> groups = new LinkedHashSet<>();
    for (Task task :
        tasks
            .createTaskQuery()
            .processInstanceId(execution.getProcessInstanceId())
            .active()
            .list()) {
      if (task.getPriority() < priority) {
        tasks.setPriority(task.getId(), priority);
      }
      for (IdentityLink link : tasks.getIdentityLinksForTask(task.getId())) {
        if (IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null) {
          groups.add(link.getGroupId());
        }
      }
    }
    String fileNumber = (String) execution.getVariable(InvoiceProcess.Var.FILE_NUMBER);
    String subject =
        skonto
            ? "Skontofrist läuft ab: Rechnung " + fileNumber
            : "Zahlungsziel überschritten: Rechnung " + fileNumber;
    String text =
        (skonto
                ? "Die Skontofrist der Rechnung endet am "
                    + execution.getVariable(InvoiceProcess.Var.SKONTO_DEADLINE)
                    + ". Bitte die Freigabe jetzt abschließen."
                : "Das Zahlungsziel der Rechnung ist überschritten. Bitte die Freigabe sofort"
                    + " abschließen.")
            + "\nAktenzeichen: "
            + fileNumber
            + "\nLieferant: "
            + execution.getVariable(InvoiceProcess.Var.SELLER_NAME);
    for (String group : groups) {
      String to = properties.escalationRecipients().get(group);
      if (to != null) {
        mailer.send(to, subject, text);
      }
    }
    efiles.note(
        UUID.fromString((String) execution.getVariable(InvoiceProcess.Var.EFILE_ID)),
        skonto ? "ESCALATED_SKONTO" : "ESCALATED_PAYMENT_DUE",
        "priority " + priority + ", groups " + groups,
        "system");
  }
}
