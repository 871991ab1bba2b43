package de.amtsflow.invoice;

/**
 * Names shared by {@code bpmn/invoice/e-invoice-approval.bpmn}, its DMN table, its forms and the
 * Java side. Keep them in step with the model: {@code BpmnModelTests} checks bean names resolve.
 */
public final class InvoiceProcess {

  public static final String KEY = "EInvoiceApprovalProcess";

  /** DMN: candidate group of "Sachlich richtig" by Leitweg-ID fine address, category, amount. */
  public static final String DECISION_APPROVERS = "Decision_InvoiceApprovers";

  /** DMN: whether "Zahlung anordnen" is required (gross above the limit, default 5,000 EUR). */
  public static final String DECISION_PAYMENT_ORDER = "Decision_PaymentOrderRequired";

  private InvoiceProcess() {}

  /** Process variables: ids and decisions, never documents. */
  public static final class Var {
    public static final String INVOICE_ID = "invoiceId";
    public static final String EFILE_ID = "efileId";
    public static final String FILE_NUMBER = "fileNumber";
    public static final String VALID = "valid";
    public static final String VALIDATION_ERRORS = "validationErrors";
    public static final String SELLER_NAME = "sellerName";
    public static final String INVOICE_NUMBER = "invoiceNumber";
    public static final String GROSS_AMOUNT = "grossAmount";

    /** The gross amount as clerks read it, e.g. "12.829.687,50" (forms show this). */
    public static final String GROSS_AMOUNT_TEXT = "grossAmountText";

    /** The payment due date (BT-9) as clerks read it, e.g. "13.04.2018" (forms show this). */
    public static final String DUE_DATE = "dueDate";

    public static final String CURRENCY = "currency";
    public static final String LEITWEG_ID = "leitwegId";

    /** The authority (tenant) a clarified invoice is handed over to. */
    public static final String HANDOVER_TENANT_ID = "handoverTenantId";

    /** "ROUTED" or "CLARIFY" (missing, malformed, bad check digits or unknown Leitweg-ID). */
    public static final String ROUTING = "routing";

    public static final String ROUTING_WARNING = "routingWarning";
    public static final String CATEGORY = "category";

    /** Feinadressierung of the Leitweg-ID (cost centre / department), "" when there is none. */
    public static final String FINE_ADDRESS = "fineAddress";

    /** DMN output: candidate group of "Sachlich richtig". */
    public static final String APPROVER_GROUP = "approverGroup";

    /** DMN output: whether "Zahlung anordnen" is needed (above the limit). */
    public static final String PAYMENT_ORDER_REQUIRED = "paymentOrderRequired";

    public static final String FACTUAL_APPROVER = "factualApprover";

    /** A user task's outcome: "APPROVE" or "REJECT". */
    public static final String DECISION = "decision";

    public static final String REJECTION_REASON = "rejectionReason";
    public static final String APPROVAL_DUE = "approvalDue";

    /** Last day of the (shortest) Skonto period, as clerks read it, e.g. "04.07.2016". */
    public static final String SKONTO_DEADLINE = "skontoDeadline";

    /** When to escalate for Skonto: 2 working days before the deadline (java.util.Date). */
    public static final String SKONTO_ESCALATION_AT = "skontoEscalationAt";

    public static final String HAS_SKONTO = "hasSkonto";

    /** Payment due date (java.util.Date), escalated when it passes. */
    public static final String PAYMENT_DUE = "paymentDue";

    public static final String HAS_PAYMENT_DUE = "hasPaymentDue";
    public static final String ESCALATION = "escalation";

    private Var() {}
  }

  /** User task ids; also the keys of the typed payloads of {@code /api/tasks}. */
  public static final class Task {
    public static final String CLARIFY_ASSIGNMENT = "Task_ClarifyAssignment";
    public static final String CONFIRM_FACTUAL = "Task_ConfirmFactualCorrectness";
    public static final String CONFIRM_ARITHMETIC = "Task_ConfirmArithmeticCorrectness";
    public static final String ORDER_PAYMENT = "Task_OrderPayment";

    private Task() {}
  }

  public static final String DECISION_APPROVE = "APPROVE";
  public static final String DECISION_REJECT = "REJECT";
  public static final String ROUTING_ROUTED = "ROUTED";
  public static final String ROUTING_CLARIFY = "CLARIFY";
  public static final String ERROR_REJECTED = "Error_InvoiceRejected";

  /** "Zuordnung klären" named another authority's Leitweg-ID: that authority takes the invoice. */
  public static final String ERROR_HANDED_OVER = "Error_InvoiceHandedOver";

  /**
   * Service task "Lesbare Fassung ablegen": a branch of its own beside the approval, so a rendering
   * that waits or fails never holds up an approval.
   */
  public static final String TASK_FILE_RENDERING = "Task_FileRendering";

  /** Values of {@link Var#ESCALATION}, the input parameter of the two escalation tasks. */
  public static final String ESCALATION_SKONTO = "SKONTO";

  public static final String ESCALATION_DUE = "DUE";
}
