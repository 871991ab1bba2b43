package de.amtsflow.permit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.amtsflow.efile.EFile;
import de.amtsflow.efile.EFileStore;
import de.amtsflow.efile.EFileType;
import de.amtsflow.efile.NewEFile;
import de.amtsflow.letters.GermanFormats;
import de.amtsflow.security.EngineAsSystem;
import de.amtsflow.tenant.Tenant;
import de.amtsflow.tenant.TenantVariables;
import de.amtsflow.tenant.Tenants;
import de.amtsflow.web.FieldProblems;
import de.amtsflow.web.FieldProblems.FieldError;
import java.time.Clock;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Receives a Bauantrag: validate field by field, draw the file number, then in one short
 * transaction open the e-file, store the application and start the process; the process's first
 * step files the application as PDF. A retried submit with the same Idempotency-Key finds the first
 * application instead of making a second one.
 */
@Service
class PermitIntake {

  static final String ACTOR_ONLINE = "antragsteller";

  /** A replay this long after the first submit is refused: the key is not a permanent login. */
  static final Duration IDEMPOTENCY_WINDOW = Duration.ofHours(24);

  private final PermitApplicationRepository applications;
  private final PermitCases cases;
  private final PermitDeadlines deadlines;
  private final EFileStore efiles;
  private final RuntimeService runtime;
  private final EngineAsSystem engine;
  private final PermitApplicationRules rules;
  private final AccessCodes accessCodes;
  private final ObjectMapper json;
  private final Clock clock;
  private final TransactionTemplate transactions;
  private final Tenants tenants;

  PermitIntake(
      PermitApplicationRepository applications,
      PermitCases cases,
      PermitDeadlines deadlines,
      EFileStore efiles,
      RuntimeService runtime,
      EngineAsSystem engine,
      PermitApplicationRules rules,
      AccessCodes accessCodes,
      ObjectMapper json,
      Clock clock,
      PlatformTransactionManager transactionManager,
      Tenants tenants) {
    this.tenants = tenants;
    this.applications = applications;
    this.cases = cases;
    this.deadlines = deadlines;
    this.efiles = efiles;
    this.runtime = runtime;
    this.engine = engine;
    this.rules = rules;
    this.accessCodes = accessCodes;
    this.json = json;
    this.clock = clock;
    this.transactions = new TransactionTemplate(transactionManager);
  }

  /** A submit's outcome; {@code replayed} when the Idempotency-Key named an earlier one. */
  record Submitted(PermitReceipt receipt, boolean replayed) {}

  /**
   * @param clerk the permit clerk entering a paper application, or null for an online one
   */
  Submitted submit(PermitApplicationRequest request, String idempotencyKey, String clerk) {
    validate(request, idempotencyKey, clerk);
    String requestHash = TrackingTokens.hash(write(request));
    if (idempotencyKey != null) {
      Submitted replayed =
          transactions.execute(
              status ->
                  applications
                      .findByIdempotencyKey(idempotencyKey)
                      .map(earlier -> new Submitted(replay(earlier, requestHash), true))
                      .orElse(null));
      if (replayed != null) {
        return replayed;
      }
    }
    // the file number comes before the case transaction, in a short transaction of its own; the
    // application's PDF is made by the process's first step (PermitLetters.fileApplication)
    String authority = tenants.defaultTenant().id();
    String fileNumber = efiles.reserveFileNumber(EFileType.PERMIT, authority);
    return transactions.execute(
        status -> store(request, idempotencyKey, clerk, requestHash, fileNumber));
  }

  /**
   * The warm-up's rehearsal: the checks and the store of {@code request} with the process start, in
   * a transaction that is rolled back. It draws no Aktenzeichen and leaves nothing behind; it
   * leaves the code paths the first Bauantrag after a restart takes compiled and loaded.
   */
  void rehearse(PermitApplicationRequest request) {
    rules.check(request, null);
    TrackingTokens.hash(write(request));
    applications.findByIdempotencyKey("warm-up-" + UUID.randomUUID());
    transactions.execute(
        status -> {
          status.setRollbackOnly();
          return store(request, null, null, "", EFileType.PERMIT.rehearsalFileNumber());
        });
  }

  private Submitted store(
      PermitApplicationRequest request,
      String idempotencyKey,
      String clerk,
      String requestHash,
      String fileNumber) {
    String token = TrackingTokens.newToken();
    EFile efile =
        efiles.create(
            new NewEFile(
                EFileType.PERMIT,
                subject(request),
                actor(clerk),
                fileNumber,
                tenants.defaultTenant().id()));
    PermitApplicationEntity draft = new PermitApplicationEntity(UUID.randomUUID());
    draft.efileId = efile.id();
    draft.fileNumber = efile.fileNumber();
    draft.tenantId = efile.tenantId();
    // the Gemeinde the plot lies in gives the Einvernehmen; an installation without Gemeinden
    // (a Stadt that is its own Bauaufsichtsbehörde) asks its own municipality group
    draft.consentTenantId =
        tenants
            .byMunicipalityKey(request.plot().municipalityKey())
            .map(Tenant::id)
            .orElse(efile.tenantId());
    draft.status = PermitStatus.RECEIVED;
    draft.procedure = request.procedure();
    draft.buildingClass = request.project().buildingClass();
    draft.mainlyResidential = request.project().mainlyResidential();
    draft.specialBuilding = request.project().specialBuilding();
    draft.approvalFiction = deadlines.approvalFictionApplies(request);
    draft.buildingCosts = request.project().buildingCosts();
    draft.applicantName = request.applicant().name().strip();
    draft.applicantEmail = blankToNull(request.applicant().email());
    draft.data = write(request);
    draft.channel =
        clerk == null
            ? PermitApplicationEntity.Channel.ONLINE
            : PermitApplicationEntity.Channel.PAPER;
    draft.enteredBy = clerk;
    draft.tokenHash = TrackingTokens.hash(token);
    draft.idempotencyKey = idempotencyKey;
    draft.requestHash = requestHash;
    draft.receivedAt =
        request.receivedOn() == null
            ? clock.instant().truncatedTo(ChronoUnit.MILLIS)
            : request.receivedOn().atStartOfDay(clock.getZone()).toInstant();
    // an assigned id makes save() a merge: keep working on the managed copy it returns
    PermitApplicationEntity application = applications.saveAndFlush(draft);

    cases.record(
        application,
        PermitStatus.RECEIVED,
        clerk == null
            ? "Bauantrag eingegangen."
            : "Bauantrag in Papierform eingegangen und von der Bauaufsicht erfasst.");

    application.processInstanceId =
        engine.call(
            () ->
                runtime
                    .createProcessInstanceByKey(PermitProcess.KEY)
                    .businessKey(efile.fileNumber())
                    .setVariables(variables(application, request))
                    .execute()
                    .getId());
    return new Submitted(receipt(application, token), false);
  }

  // The citizen retried because the first answer was lost, so they never saw its token: a new
  // token replaces it. Only the same request body may replay a key.
  private PermitReceipt replay(PermitApplicationEntity earlier, String requestHash) {
    if (!requestHash.equals(earlier.requestHash)) {
      throw PermitProblems.of(
          HttpStatus.UNPROCESSABLE_ENTITY,
          "idempotency-key-reused",
          "Idempotency-Key bereits verwendet",
          "Dieser Idempotency-Key gehört zu einem anderen Antrag. Für einen neuen Antrag bitte"
              + " einen neuen Schlüssel verwenden.",
          Map.of("field", "Idempotency-Key"));
    }
    if (earlier.receivedAt.plus(IDEMPOTENCY_WINDOW).isBefore(clock.instant())) {
      throw PermitProblems.of(
          HttpStatus.CONFLICT,
          "idempotency-key-expired",
          "Antrag bereits eingegangen",
          "Der Antrag mit diesem Idempotency-Key ist bereits am "
              + GermanFormats.date(earlier.receivedAt.atZone(clock.getZone()).toLocalDate())
              + " eingegangen (Aktenzeichen "
              + earlier.fileNumber
              + "). Bitte wenden Sie sich an die Bauaufsicht.",
          Map.of("fileNumber", earlier.fileNumber));
    }
    String token = TrackingTokens.newToken();
    PermitApplicationEntity application =
        applications.findForUpdate(earlier.id).orElseThrow(PermitProblems::notFound);
    application.tokenHash = TrackingTokens.hash(token);
    efiles.note(
        application.efileId,
        "TRACKING_TOKEN_REISSUED",
        "submit repeated with the same Idempotency-Key; a new tracking token replaces the first",
        ACTOR_ONLINE);
    return receipt(application, token);
  }

  private Map<String, Object> variables(
      PermitApplicationEntity application, PermitApplicationRequest request) {
    Map<String, Object> vars =
        new HashMap<>(
            deadlines.restart(
                deadlines.dayOf(application.receivedAt), application.approvalFiction, true));
    vars.put(TenantVariables.TENANT_ID, application.tenantId);
    vars.put(PermitProcess.Var.CONSENT_TENANT_ID, application.consentTenantId);
    vars.put(PermitProcess.Var.APPLICATION_ID, application.id.toString());
    vars.put(PermitProcess.Var.EFILE_ID, application.efileId.toString());
    vars.put(PermitProcess.Var.FILE_NUMBER, application.fileNumber);
    vars.put(PermitProcess.Var.APPLICANT_NAME, application.applicantName);
    vars.put(PermitProcess.Var.PROJECT_DESCRIPTION, request.project().description().strip());
    vars.put(PermitProcess.Var.MEASURE_TEXT, request.project().measure().label());
    vars.put(PermitProcess.Var.PLOT, PermitTexts.plot(request.plot()));
    vars.put(PermitProcess.Var.PROCEDURE, request.procedure().name());
    vars.put(PermitProcess.Var.PROCEDURE_TEXT, request.procedure().label());
    vars.put(PermitProcess.Var.BUILDING_CLASS, application.buildingClass);
    vars.put(PermitProcess.Var.SPECIAL_BUILDING, application.specialBuilding);
    vars.put(PermitProcess.Var.MAINLY_RESIDENTIAL, application.mainlyResidential);
    vars.put(PermitProcess.Var.BUILDING_COSTS, application.buildingCosts.doubleValue());
    vars.put(
        PermitProcess.Var.BUILDING_COSTS_TEXT,
        GermanFormats.amount(application.buildingCosts) + " €");
    vars.put(PermitProcess.Var.APPROVAL_FICTION_APPLIES, application.approvalFiction);
    vars.put(PermitProcess.Var.REQUEST_ROUND, 0);
    vars.put(PermitProcess.Var.STATEMENTS_SUMMARY, "");
    return vars;
  }

  /** Every rule of {@link PermitApplicationRules}, the header's too; every bad field at once. */
  private void validate(PermitApplicationRequest request, String idempotencyKey, String clerk) {
    if (request == null) {
      throw FieldProblems.invalid(List.of(new FieldError("body", "Antragsdaten fehlen.")));
    }
    List<FieldError> errors = new ArrayList<>(rules.check(request, clerk));
    if (idempotencyKey != null && !idempotencyKey.matches("[\\x21-\\x7e]{1,200}")) {
      errors.add(
          new FieldError("Idempotency-Key", "1 bis 200 sichtbare ASCII-Zeichen, z. B. eine UUID."));
    }
    if (!errors.isEmpty()) {
      throw FieldProblems.invalid(errors);
    }
  }

  private PermitReceipt receipt(PermitApplicationEntity application, String token) {
    String base = "/api/permit-applications/" + application.id;
    return new PermitReceipt(
        application.id,
        application.fileNumber,
        token,
        accessCodes.of(application.id),
        application.status,
        base + "/status",
        base + "/documents");
  }

  private static String subject(PermitApplicationRequest request) {
    String subject =
        "Bauantrag "
            + request.project().measure().label()
            + ": "
            + request.project().description().strip()
            + " ("
            + PermitTexts.plot(request.plot())
            + ")";
    return subject.length() > 480 ? subject.substring(0, 477) + "..." : subject;
  }

  private String write(PermitApplicationRequest request) {
    try {
      return json.writeValueAsString(request);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String actor(String clerk) {
    return clerk == null ? ACTOR_ONLINE : clerk;
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text.strip();
  }
}
