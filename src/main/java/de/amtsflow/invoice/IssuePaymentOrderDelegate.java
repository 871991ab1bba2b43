package de.amtsflow.invoice;

import de.amtsflow.efile.EFileStore;
import de.amtsflow.efile.NewDocument;
import de.amtsflow.tenant.Tenant;
import de.amtsflow.tenant.Tenants;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * "Zahlungsanordnung übergeben": writes the SEPA payment order into the e-file and the outbox the
 * finance system's export reads. Skonto is taken when its deadline has not passed. Idempotent: one
 * order per invoice (unique in the outbox).
 */
@Component
class IssuePaymentOrderDelegate implements JavaDelegate {

  static final String KIND_ORDER = "payment-order";

  private final InvoiceRepository invoices;
  private final PaymentOrderRepository orders;
  private final EFileStore efiles;
  private final InvoiceExtractor extractor;
  private final Clock clock;
  private final String debtorName;
  private final String debtorIban;
  private final Tenants tenants;

  IssuePaymentOrderDelegate(
      InvoiceRepository invoices,
      PaymentOrderRepository orders,
      EFileStore efiles,
      InvoiceExtractor extractor,
      Clock clock,
      @Value("${amtsflow.invoice.debtor-name:Gemeindekasse}") String debtorName,
      @Value("${amtsflow.invoice.debtor-iban:DE02120300000000202051}") String debtorIban,
      Tenants tenants) {
    this.invoices = invoices;
    this.orders = orders;
    this.efiles = efiles;
    this.extractor = extractor;
    this.clock = clock;
    this.debtorName = debtorName;
    this.debtorIban = debtorIban;
    this.tenants = tenants;
  }

  @Override
  public void execute(DelegateExecution execution) throws Exception {
    UUID invoiceId = UUID.fromString((String) execution.getVariable(InvoiceProcess.Var.INVOICE_ID));
    if (orders.findByInvoiceId(invoiceId).isPresent()) {
      return;
    }
    InvoiceEntity invoice = invoices.findById(invoiceId).orElseThrow();
    InvoiceData data =
        extractor.extract(
            efiles.content(invoice.efileId, invoice.originalDocumentId, 1).readAllBytes());
    LocalDate today = LocalDate.now(clock);
    BigDecimal amount = amountToPay(data, today);
    // the authority the invoice is for pays from its own account; the default tenant from the
    // configured one (amtsflow.invoice.debtor-*), as before tenancy
    Tenant tenant = tenants.require(invoice.tenantId);
    boolean ownAccount =
        !tenant.id().equals(tenants.defaultTenant().id())
            && tenant.letterhead() != null
            && tenant.letterhead().iban() != null
            && !tenant.letterhead().iban().isBlank();
    String payerName = ownAccount ? tenant.name() : debtorName;
    String payerIban = ownAccount ? tenant.letterhead().iban().replace(" ", "") : debtorIban;
    PaymentOrderXml.Order order =
        new PaymentOrderXml.Order(
            invoice.fileNumber,
            clock.instant(),
            payerName,
            payerIban,
            invoice.sellerName,
            data.iban(),
            amount,
            invoice.currency == null ? "EUR" : invoice.currency,
            today,
            invoice.fileNumber,
            "Rechnung " + invoice.invoiceNumber + " / " + invoice.fileNumber);
    String xml = PaymentOrderXml.render(order);
    efiles.addDocument(
        invoice.efileId,
        NewDocument.ofBytes(
            "Zahlungsanordnung",
            KIND_ORDER,
            "zahlungsanordnung-pain001.xml",
            xml.getBytes(StandardCharsets.UTF_8),
            "system"));
    orders.save(new PaymentOrderEntity(UUID.randomUUID(), invoiceId, clock.instant(), xml));
    invoice.status = InvoiceStatus.PAYMENT_ORDERED;
    invoices.save(invoice);
  }

  /** The amount due, less Skonto while its period (counted from the invoice date) runs. */
  static BigDecimal amountToPay(InvoiceData data, LocalDate today) {
    BigDecimal due =
        data.totals().amountDue() != null ? data.totals().amountDue() : data.totals().gross();
    if (data.issueDate() == null || data.paymentTerms() == null) {
      return due;
    }
    return data.paymentTerms().skonto().stream()
        .filter(s -> !today.isAfter(data.issueDate().plusDays(s.days())))
        .map(
            s -> {
              BigDecimal base = s.baseAmount() == null ? due : s.baseAmount();
              return due.subtract(
                  base.multiply(s.percent())
                      .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_UP));
            })
        .min(BigDecimal::compareTo)
        .orElse(due);
  }
}
