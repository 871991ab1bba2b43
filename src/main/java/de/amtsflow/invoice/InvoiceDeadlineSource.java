package de.amtsflow.invoice;

import de.amtsflow.calendar.WorkingCalendar;
import de.amtsflow.deadlines.Deadline;
import de.amtsflow.deadlines.DeadlineKind;
import de.amtsflow.deadlines.DeadlineSource;
import de.amtsflow.security.Groups;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Skonto at risk for the Fristen overview: invoices still in approval (no payment order yet) whose
 * Skonto period ends within a few working days. Read from the engine as the caller, so only
 * invoices the caller may read appear; the payment orders come from our own table.
 */
@Component
class InvoiceDeadlineSource implements DeadlineSource {

  static final String PROCESS = "E-Rechnung freigeben";

  private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  /** Who works the invoice while it waits at this task. */
  private static final Map<String, String[]> RESPONSIBLE =
      Map.of(
          InvoiceProcess.Task.CLARIFY_ASSIGNMENT,
          new String[] {Groups.INVOICE_CLERKS, "Rechnungseingang"},
          InvoiceProcess.Task.CONFIRM_FACTUAL,
          new String[] {null, "Rechnungsprüfung"},
          InvoiceProcess.Task.CONFIRM_ARITHMETIC,
          new String[] {Groups.INVOICE_CLERKS, "Rechnungseingang"},
          InvoiceProcess.Task.ORDER_PAYMENT,
          new String[] {Groups.PAYMENT_AUTHORITY, "Anordnungsbefugte"});

  private final RuntimeService runtime;
  private final PaymentOrderRepository paymentOrders;
  private final WorkingCalendar calendar;
  private final int atRiskWorkingDays;

  InvoiceDeadlineSource(
      RuntimeService runtime,
      PaymentOrderRepository paymentOrders,
      WorkingCalendar calendar,
      @Value("${amtsflow.invoice.skonto-at-risk-working-days:5}") int atRiskWorkingDays) {
    this.runtime = runtime;
    this.paymentOrders = paymentOrders;
    this.calendar = calendar;
    this.atRiskWorkingDays = atRiskWorkingDays;
  }

  @Override
  public List<Deadline> running(LocalDate today) {
    List<ProcessInstance> waiting =
        runtime
            .createProcessInstanceQuery()
            .processDefinitionKey(InvoiceProcess.KEY)
            .activityIdIn(RESPONSIBLE.keySet().toArray(String[]::new))
            .list();
    if (waiting.isEmpty()) {
      return List.of();
    }
    LocalDate horizon = calendar.plusWorkingDays(today, atRiskWorkingDays);
    Map<String, Map<String, Object>> vars =
        runtime
            .createVariableInstanceQuery()
            .processInstanceIdIn(
                waiting.stream().map(ProcessInstance::getId).toArray(String[]::new))
            .variableNameIn(
                InvoiceProcess.Var.INVOICE_ID,
                InvoiceProcess.Var.SKONTO_DEADLINE,
                InvoiceProcess.Var.SELLER_NAME,
                InvoiceProcess.Var.APPROVER_GROUP)
            .list()
            .stream()
            .filter(v -> v.getValue() != null)
            .collect(
                Collectors.groupingBy(
                    VariableInstance::getProcessInstanceId,
                    Collectors.toMap(
                        VariableInstance::getName, VariableInstance::getValue, (a, b) -> a)));
    List<Deadline> rows = new ArrayList<>();
    for (ProcessInstance pi : waiting) {
      Map<String, Object> v = vars.getOrDefault(pi.getId(), Map.of());
      LocalDate skonto = date(v.get(InvoiceProcess.Var.SKONTO_DEADLINE));
      if (skonto == null
          || skonto.isAfter(horizon)
          || ordered(v.get(InvoiceProcess.Var.INVOICE_ID))) {
        continue;
      }
      String[] responsible = responsible(pi.getId(), v);
      rows.add(
          new Deadline(
              pi.getBusinessKey(),
              PROCESS,
              DeadlineKind.SKONTO,
              "Skonto " + v.getOrDefault(InvoiceProcess.Var.SELLER_NAME, ""),
              skonto,
              responsible[0],
              responsible[1]));
    }
    return rows;
  }

  private String[] responsible(String processInstanceId, Map<String, Object> vars) {
    for (String activity : runtime.getActiveActivityIds(processInstanceId)) {
      String[] group = RESPONSIBLE.get(activity);
      if (group != null) {
        return group[0] != null
            ? group
            : new String[] {String.valueOf(vars.get(InvoiceProcess.Var.APPROVER_GROUP)), group[1]};
      }
    }
    return new String[] {Groups.INVOICE_CLERKS, "Rechnungseingang"};
  }

  private boolean ordered(Object invoiceId) {
    return invoiceId != null
        && paymentOrders.findByInvoiceId(UUID.fromString(invoiceId.toString())).isPresent();
  }

  /** The process keeps the Skonto deadline as clerks read it ("04.07.2016"). */
  private static LocalDate date(Object value) {
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.toString().strip(), GERMAN_DATE);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
