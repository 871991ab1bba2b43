package de.amtsflow.invoice;

import de.amtsflow.efile.EFileStore;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "An zuständige Verwaltung abgeben": the receiving authority's clerk assigned the invoice to
 * another authority's Leitweg-ID in "Zuordnung klären". Its e-file and invoice record become that
 * authority's, and the approval starts afresh in that authority's tenant (its approvers, its
 * decision table, its account), under the same Aktenzeichen; this instance ends. In the same
 * transaction as the clerk's completion: either all of it happens or none.
 */
@Component
class HandOverInvoiceDelegate implements JavaDelegate {

  static final String ACTOR = "eingang";

  /** What the approval decides anew; the rest (invoice data, deadlines) goes with the invoice. */
  private static final java.util.Set<String> DECIDED_ANEW =
      java.util.Set.of(
          InvoiceProcess.Var.DECISION,
          InvoiceProcess.Var.REJECTION_REASON,
          InvoiceProcess.Var.HANDOVER_TENANT_ID,
          InvoiceProcess.Var.APPROVER_GROUP,
          InvoiceProcess.Var.PAYMENT_ORDER_REQUIRED,
          InvoiceProcess.Var.FACTUAL_APPROVER);

  private final InvoiceRepository invoices;
  private final EFileStore efiles;

  HandOverInvoiceDelegate(InvoiceRepository invoices, EFileStore efiles) {
    this.invoices = invoices;
    this.efiles = efiles;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String tenant = (String) execution.getVariable(InvoiceProcess.Var.HANDOVER_TENANT_ID);
    UUID invoiceId = UUID.fromString((String) execution.getVariable(InvoiceProcess.Var.INVOICE_ID));
    InvoiceEntity invoice = invoices.findById(invoiceId).orElseThrow();
    efiles.handOver(invoice.efileId, tenant, ACTOR);
    invoice.tenantId = tenant;
    invoices.save(invoice);

    Map<String, Object> variables = new HashMap<>(execution.getVariables());
    DECIDED_ANEW.forEach(variables::remove);
    variables.put(de.amtsflow.tenant.TenantVariables.TENANT_ID, tenant);
    variables.put(InvoiceProcess.Var.ROUTING, InvoiceProcess.ROUTING_ROUTED);
    variables.remove(InvoiceProcess.Var.ROUTING_WARNING);
    execution
        .getProcessEngineServices()
        .getRuntimeService()
        .createProcessInstanceByKey(InvoiceProcess.KEY)
        .businessKey(execution.getProcessBusinessKey())
        .setVariables(variables)
        .execute();
  }
}
