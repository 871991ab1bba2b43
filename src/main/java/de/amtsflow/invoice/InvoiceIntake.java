package de.amtsflow.invoice;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsflow.calendar.WorkingCalendar;
import de.amtsflow.efile.Document;
import de.amtsflow.efile.EFile;
import de.amtsflow.efile.EFileStore;
import de.amtsflow.efile.EFileType;
import de.amtsflow.efile.NewDocument;
import de.amtsflow.efile.NewEFile;
import de.amtsflow.letters.GermanFormats;
import de.amtsflow.security.EngineAsSystem;
import de.amtsflow.tenant.TenantVariables;
import de.amtsflow.tenant.Tenants;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives an e-invoice: validate, extract, refuse duplicates, draw the file number, then in one
 * short transaction open the e-file, file the original and the validation report, store the invoice
 * and start the approval process. Unreadable input is refused before anything is stored.
 *
 * <p>The e-file is opened here, not in an async service task, because the supplier's receipt
 * carries its file number; one transaction keeps "nothing half-stored" all the same.
 */
@Service
public class InvoiceIntake {

  static final String ACTOR = "eingang";
  static final String KIND_ORIGINAL = "invoice-original";
  static final String KIND_REPORT = "validation-report";
  static final String RESUBMISSION_HEADER = "X-Resubmission";

  private final InvoiceValidator validator;
  private final InvoiceExtractor extractor;
  private final LeitwegRouting routing;
  private final InvoiceRepository invoices;
  private final EFileStore efiles;
  private final RuntimeService runtime;
  private final EngineAsSystem engine;
  private final InvoiceProperties properties;
  private final ObjectMapper json;
  private final Clock clock;
  private final WorkingCalendar calendar;
  private final TransactionTemplate transactions;
  private final Tenants tenants;

  InvoiceIntake(
      InvoiceValidator validator,
      InvoiceExtractor extractor,
      LeitwegRouting routing,
      InvoiceRepository invoices,
      EFileStore efiles,
      RuntimeService runtime,
      EngineAsSystem engine,
      InvoiceProperties properties,
      ObjectMapper json,
      Clock clock,
      WorkingCalendar calendar,
      PlatformTransactionManager transactionManager,
      Tenants tenants) {
    this.tenants = tenants;
    this.validator = validator;
    this.extractor = extractor;
    this.routing = routing;
    this.invoices = invoices;
    this.efiles = efiles;
    this.runtime = runtime;
    this.engine = engine;
    this.properties = properties;
    this.json = json;
    this.clock = clock;
    this.calendar = calendar;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /**
   * @param content the invoice file (XML or PDF)
   * @param fileName the client's file name, a hint only
   * @param resubmission the supplier marks this as a deliberate resubmission of a known invoice
   */
  public InvoiceReceipt receive(byte[] content, String fileName, boolean resubmission) {
    return receive(content, fileName, resubmission, receipt -> {});
  }

  /**
   * As {@link #receive(byte[], String, boolean)}, and runs {@code alsoInTransaction} in the
   * transaction that stores the invoice: what it writes commits with the invoice or not at all (the
   * mailbox records the mail part there, so a mail seen twice never yields two invoices).
   */
  public InvoiceReceipt receive(
      byte[] content,
      String fileName,
      boolean resubmission,
      Consumer<InvoiceReceipt> alsoInTransaction) {
    if (content == null || content.length == 0) {
      throw InvoiceProblems.empty();
    }
    ValidationResult verdict;
    InvoiceData data;
    try {
      verdict = validator.validate(content);
      data = extractor.extract(content);
    } catch (UnsupportedInvoiceFormatException e) {
      throw InvoiceProblems.unsupported(e);
    }
    String sellerKey = sellerKey(data);
    BigDecimal gross = data.totals() == null ? null : data.totals().gross();
    Optional<InvoiceEntity> duplicate =
        data.invoiceNumber() == null
            ? Optional.empty()
            : invoices.findDuplicate(sellerKey, data.invoiceNumber(), gross);
    if (duplicate.isPresent() && !resubmission) {
      throw InvoiceProblems.of(
          HttpStatus.CONFLICT,
          "duplicate",
          "Rechnung bereits eingegangen",
          "Die Rechnung "
              + data.invoiceNumber()
              + " dieses Lieferanten liegt bereits vor (Aktenzeichen "
              + duplicate.get().fileNumber
              + "). Wenn Sie eine korrigierte Rechnung mit derselben Nummer senden, setzen Sie"
              + " beim Hochladen das Häkchen „Korrigierte Rechnung“.",
          // API clients mark a deliberate resubmission with this header (the page's checkbox)
          Map.of(
              "existingInvoiceId",
              duplicate.get().id,
              "resubmissionHeader",
              RESUBMISSION_HEADER + ": true"));
    }

    // validation and extraction above, and the file number here (a short transaction of its own),
    // come before the case transaction: no connection is held while Saxon works
    // the authority the Leitweg-ID names; an unknown one stays with the receiving (default)
    // authority, whose clerks clarify it
    LeitwegRouting.Decision route = routing.decide(data);
    String tenantId =
        (route.needsClarification()
                ? tenants.defaultTenant()
                : tenants.byLeitwegId(route.leitwegId()).orElse(tenants.defaultTenant()))
            .id();
    String fileNumber = efiles.reserveFileNumber(EFileType.INVOICE, tenantId);
    return transactions.execute(
        status -> {
          InvoiceReceipt receipt =
              store(
                  content,
                  fileName,
                  resubmission,
                  verdict,
                  data,
                  duplicate,
                  fileNumber,
                  route,
                  tenantId);
          alsoInTransaction.accept(receipt);
          return receipt;
        });
  }

  /**
   * The warm-up's rehearsal: the whole intake of {@code content}, validation to the first task, in
   * a transaction that is rolled back. It draws no Aktenzeichen and leaves nothing behind (the
   * e-file's blobs are removed with the rollback); it leaves the code paths the first invoice after
   * a restart takes compiled and loaded (queries, entities, the engine's process start and DMN).
   */
  void rehearse(byte[] content) {
    ValidationResult verdict = validator.validate(content);
    InvoiceData data = extractor.extract(content);
    BigDecimal gross = data.totals() == null ? null : data.totals().gross();
    invoices.findDuplicate(sellerKey(data), data.invoiceNumber(), gross);
    LeitwegRouting.Decision route = routing.decide(data);
    String tenantId = tenants.defaultTenant().id();
    transactions.execute(
        status -> {
          status.setRollbackOnly();
          return store(
              content,
              "warm-up.xml",
              false,
              verdict,
              data,
              Optional.empty(),
              EFileType.INVOICE.rehearsalFileNumber(),
              route,
              tenantId);
        });
  }

  private InvoiceReceipt store(
      byte[] content,
      String fileName,
      boolean resubmission,
      ValidationResult verdict,
      InvoiceData data,
      Optional<InvoiceEntity> duplicate,
      String fileNumber,
      LeitwegRouting.Decision route,
      String tenantId) {
    String sellerKey = sellerKey(data);
    BigDecimal gross = data.totals() == null ? null : data.totals().gross();
    List<InvoiceReceipt.Message> errors =
        verdict.errors().stream()
            .map(v -> InvoiceReceipt.Message.of(v.rule(), v.message()))
            .toList();
    List<InvoiceReceipt.Message> warnings = new ArrayList<>();
    verdict.warnings().forEach(v -> warnings.add(InvoiceReceipt.Message.of(v.rule(), v.message())));
    route
        .supplierNotice()
        .ifPresent(w -> warnings.add(InvoiceReceipt.Message.plain("LEITWEG-ID", w)));

    EFile efile =
        efiles.create(new NewEFile(EFileType.INVOICE, subject(data), ACTOR, fileNumber, tenantId));
    Document original =
        efiles.addDocument(
            efile.id(),
            NewDocument.ofBytes(
                "Rechnung " + Optional.ofNullable(data.invoiceNumber()).orElse("ohne Nummer"),
                KIND_ORIGINAL,
                fileName == null ? defaultName(content) : fileName,
                content,
                ACTOR));
    efiles.addDocument(
        efile.id(),
        NewDocument.ofBytes(
            "Prüfbericht",
            KIND_REPORT,
            "pruefbericht.xml",
            verdict.reportXml().getBytes(StandardCharsets.UTF_8),
            ACTOR));
    if (resubmission) {
      efiles.note(
          efile.id(),
          "RESUBMISSION",
          duplicate
              .map(d -> "deliberate resubmission of " + d.fileNumber + " (invoice " + d.id + ")")
              .orElse("marked as resubmission, no earlier invoice found"),
          ACTOR);
    }

    InvoiceEntity invoice = new InvoiceEntity(UUID.randomUUID());
    invoice.efileId = efile.id();
    invoice.fileNumber = efile.fileNumber();
    invoice.tenantId = tenantId;
    invoice.originalDocumentId = original.id();
    invoice.status = verdict.valid() ? InvoiceStatus.IN_APPROVAL : InvoiceStatus.REJECTED;
    invoice.valid = verdict.valid();
    invoice.syntax = String.valueOf(data.syntax());
    invoice.invoiceNumber = data.invoiceNumber();
    invoice.sellerName = data.seller() == null ? null : data.seller().name();
    invoice.sellerVatId = data.seller() == null ? null : data.seller().vatId();
    invoice.sellerKey = sellerKey;
    invoice.sellerEmail = data.seller() == null ? null : data.seller().email();
    invoice.grossAmount = gross;
    invoice.currency = data.currency();
    invoice.issueDate = data.issueDate();
    invoice.dueDate = data.dueDate();
    invoice.leitwegId = route.leitwegId();
    invoice.routing =
        route.needsClarification() ? InvoiceProcess.ROUTING_CLARIFY : InvoiceProcess.ROUTING_ROUTED;
    invoice.resubmission = resubmission;
    invoice.validationErrors = write(errors);
    invoice.receivedAt = clock.instant();
    // an assigned id makes save() a merge: keep working on the managed copy it returns
    invoice = invoices.save(invoice);

    Map<String, Object> vars = variables(invoice, data, route);
    // a logged-in caller (a clerk entering a paper invoice) delivers as the intake does
    ProcessInstance instance =
        engine.call(
            () ->
                runtime
                    .createProcessInstanceByKey(InvoiceProcess.KEY)
                    .businessKey(efile.fileNumber())
                    .setVariables(vars)
                    .execute());
    invoice.processInstanceId = instance.getId();

    return new InvoiceReceipt(
        invoice.id,
        efile.id(),
        efile.fileNumber(),
        invoice.status,
        new InvoiceReceipt.Validation(
            verdict.valid(), errors, List.copyOf(warnings), verdict.ruleSetRelease()));
  }

  private Map<String, Object> variables(
      InvoiceEntity invoice, InvoiceData data, LeitwegRouting.Decision route) {
    ZoneId zone = clock.getZone();
    LocalDate today = LocalDate.now(clock);
    Map<String, Object> vars = new HashMap<>();
    vars.put(TenantVariables.TENANT_ID, invoice.tenantId);
    vars.put(InvoiceProcess.Var.INVOICE_ID, invoice.id.toString());
    vars.put(InvoiceProcess.Var.EFILE_ID, invoice.efileId.toString());
    vars.put(InvoiceProcess.Var.FILE_NUMBER, invoice.fileNumber);
    vars.put(InvoiceProcess.Var.VALID, invoice.valid);
    vars.put(InvoiceProcess.Var.SELLER_NAME, invoice.sellerName);
    vars.put(InvoiceProcess.Var.INVOICE_NUMBER, invoice.invoiceNumber);
    vars.put(
        InvoiceProcess.Var.GROSS_AMOUNT,
        invoice.grossAmount == null ? 0.0 : invoice.grossAmount.doubleValue());
    vars.put(InvoiceProcess.Var.GROSS_AMOUNT_TEXT, GermanFormats.amount(invoice.grossAmount));
    vars.put(InvoiceProcess.Var.DUE_DATE, GermanFormats.date(data.dueDate()));
    vars.put(InvoiceProcess.Var.CURRENCY, invoice.currency);
    vars.put(InvoiceProcess.Var.LEITWEG_ID, route.leitwegId());
    vars.put(InvoiceProcess.Var.FINE_ADDRESS, fineAddress(data));
    vars.put(InvoiceProcess.Var.CATEGORY, "");
    vars.put(InvoiceProcess.Var.ROUTING, invoice.routing);
    vars.put(InvoiceProcess.Var.ROUTING_WARNING, route.warning().orElse(null));
    vars.put(
        InvoiceProcess.Var.APPROVAL_DUE,
        Date.from(
            calendar
                .plusWorkingDays(today, properties.approvalDays())
                .atTime(16, 0)
                .atZone(zone)
                .toInstant()));

    Optional<LocalDate> skontoDeadline = skontoDeadline(data);
    vars.put(InvoiceProcess.Var.HAS_SKONTO, skontoDeadline.isPresent());
    vars.put(
        InvoiceProcess.Var.SKONTO_DEADLINE, skontoDeadline.map(GermanFormats::date).orElse(""));
    vars.put(
        InvoiceProcess.Var.SKONTO_ESCALATION_AT,
        skontoDeadline
            .map(
                d ->
                    Date.from(
                        calendar.minusWorkingDays(d, 2).atTime(8, 0).atZone(zone).toInstant()))
            .orElse(null));
    vars.put(InvoiceProcess.Var.HAS_PAYMENT_DUE, data.dueDate() != null);
    // "when the payment due date passes": the morning after it
    vars.put(
        InvoiceProcess.Var.PAYMENT_DUE,
        data.dueDate() == null
            ? null
            : Date.from(data.dueDate().plusDays(1).atStartOfDay(zone).toInstant()));
    return vars;
  }

  /** XRechnung Skonto: days counted from the invoice date; the shortest period is the deadline. */
  static Optional<LocalDate> skontoDeadline(InvoiceData data) {
    if (data.issueDate() == null || data.paymentTerms() == null) {
      return Optional.empty();
    }
    return data.paymentTerms().skonto().stream()
        .map(s -> data.issueDate().plusDays(s.days()))
        .min(LocalDate::compareTo);
  }

  static String fineAddress(InvoiceData data) {
    if (data.leitwegId() == null) {
      return "";
    }
    return data.leitwegId()
        .leitwegId()
        .map(LeitwegId::feinadressierung)
        .filter(f -> f != null)
        .map(f -> f.toUpperCase(Locale.ROOT))
        .orElse("");
  }

  static String sellerKey(InvoiceData data) {
    if (data.seller() == null) {
      return "?";
    }
    if (data.seller().vatId() != null && !data.seller().vatId().isBlank()) {
      return "VAT:" + data.seller().vatId().replaceAll("\\s", "").toUpperCase(Locale.ROOT);
    }
    String name = data.seller().name() == null ? "?" : data.seller().name();
    return "NAME:" + name.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  private static String subject(InvoiceData data) {
    String seller =
        data.seller() == null || data.seller().name() == null ? "unbekannt" : data.seller().name();
    String number = data.invoiceNumber() == null ? "ohne Nummer" : data.invoiceNumber();
    String subject = "Rechnung " + number + " von " + seller;
    return subject.length() > 480 ? subject.substring(0, 480) : subject;
  }

  private static String defaultName(byte[] content) {
    return InvoiceReader.isPdf(content) ? "rechnung.pdf" : "rechnung.xml";
  }

  String write(List<InvoiceReceipt.Message> messages) {
    try {
      String text = json.writeValueAsString(messages);
      return text.length() > 19000
          ? json.writeValueAsString(messages.subList(0, Math.min(messages.size(), 50)))
          : text;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  List<InvoiceReceipt.Message> read(String text) {
    try {
      return json.readValue(text, new TypeReference<>() {});
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
