package de.amtsflow.permit;

import de.amtsflow.security.Groups;

/**
 * Names shared by {@code bpmn/permit/building-permit.bpmn}, its fee table, its forms and the Java
 * side. Keep them in step with the model: {@code BpmnModelTests} checks bean names, forms, the
 * decision and the message resolve.
 */
public final class PermitProcess {

  public static final String KEY = "BuildingPermitProcess";

  /** DMN: the fee by Verfahrensart, Gebäudeklasse and building costs. */
  public static final String DECISION_FEE = "Decision_PermitFee";

  private PermitProcess() {}

  /** Process variables: ids, decisions and what the forms show; documents live in the e-file. */
  public static final class Var {
    public static final String APPLICATION_ID = "applicationId";
    public static final String EFILE_ID = "efileId";
    public static final String FILE_NUMBER = "fileNumber";

    // what the forms show (read-only)
    public static final String APPLICANT_NAME = "applicantName";
    public static final String PROJECT_DESCRIPTION = "projectDescription";
    public static final String MEASURE_TEXT = "measureText";
    public static final String PLOT = "plot";
    public static final String PROCEDURE_TEXT = "procedureText";
    public static final String BUILDING_COSTS_TEXT = "buildingCostsText";

    /** "SIMPLIFIED" (Art. 59 BayBO) or "REGULAR" (Art. 60 BayBO); a DMN input. */
    public static final String PROCEDURE = "procedure";

    /** Gebäudeklasse 1–5 (Integer); a DMN input. */
    public static final String BUILDING_CLASS = "buildingClass";

    /** Estimated building costs in EUR (Double); a DMN input. */
    public static final String BUILDING_COSTS = "buildingCosts";

    public static final String SPECIAL_BUILDING = "specialBuilding";
    public static final String MAINLY_RESIDENTIAL = "mainlyResidential";

    /** Whether the Genehmigungsfiktion (Art. 68 Abs. 2 BayBO) can occur for this application. */
    public static final String APPROVAL_FICTION_APPLIES = "approvalFictionApplies";

    /**
     * When the permit counts as granted (java.util.Date); restarts when documents arrive that a
     * Nachforderung sent in time asked for.
     */
    public static final String APPROVAL_FICTION_AT = "approvalFictionAt";

    /** {@link #APPROVAL_FICTION_AT} as clerks read it ("dd.MM.yyyy"), "" when it cannot occur. */
    public static final String APPROVAL_FICTION_DATE = "approvalFictionDate";

    /** Due date of "Vollständigkeit prüfen" (java.util.Date): three weeks after receipt. */
    public static final String COMPLETENESS_DUE = "completenessDue";

    /**
     * When the Einvernehmen counts as granted (java.util.Date): the start of the day after the
     * period (§ 36 Abs. 2 BauGB: two months) that began when participation started.
     */
    public static final String CONSENT_FICTION_AT = "consentFictionAt";

    /** When an agency's consent counts as given (java.util.Date), likewise. */
    public static final String AGENCY_FICTION_AT = "agencyFictionAt";

    /**
     * Start of the Genehmigungsfiktion's period (java.util.Date). A Nachforderung sent before it
     * restarts the fiction when the documents arrive; one sent later does not (Art. 68 Abs. 2).
     */
    public static final String FICTION_PERIOD_START = "fictionPeriodStart";

    // "Vollständigkeit prüfen"
    /** Form radio: "COMPLETE" or "INCOMPLETE". */
    public static final String COMPLETENESS = "completeness";

    /** Set by the task listener from {@link #COMPLETENESS} (Boolean); the gateway reads it. */
    public static final String COMPLETE = "complete";

    /** What the applicant must hand in, one item per line. */
    public static final String MISSING_DOCUMENTS = "missingDocuments";

    /** Form date "yyyy-MM-dd": the deadline the clerk sets for the Nachforderung. */
    public static final String RESUBMISSION_DEADLINE = "resubmissionDeadline";

    /** End of the deadline day (java.util.Date); the Rücknahmefiktion timer waits for it. */
    public static final String RESUBMISSION_DEADLINE_AT = "resubmissionDeadlineAt";

    /**
     * Whether the open Nachforderung was sent within the completeness check period (Boolean): only
     * then do the requested documents restart the Genehmigungsfiktion (Art. 68 Abs. 2 BayBO).
     */
    public static final String REQUEST_IN_TIME = "requestInTime";

    /** How many Nachforderungen were sent (Integer); names the letters. */
    public static final String REQUEST_ROUND = "requestRound";

    /** The agencies to hear (java.util.List of German names), from the agency checkboxes. */
    public static final String AGENCY_LIST = "agencyList";

    /** The tenant of the Gemeinde the plot lies in: its Einvernehmen process runs there. */
    public static final String CONSENT_TENANT_ID = "consentTenantId";

    // "Einvernehmen der Gemeinde"
    /** "GRANTED" or "REFUSED". */
    public static final String CONSENT_DECISION = "consentDecision";

    public static final String CONSENT_REASONS = "consentReasons";

    /** True when the Einvernehmen counts as granted because the Gemeinde did not answer. */
    public static final String CONSENT_FICTITIOUS = "consentFictitious";

    // "Stellungnahme abgeben" (one per agency, local to each multi-instance branch)
    /** Element variable of the multi-instance: the agency's German name. */
    public static final String AGENCY = "agency";

    /** "CONSENT", "CONSENT_WITH_CONDITIONS" or "OBJECTION". */
    public static final String STATEMENT = "statement";

    public static final String STATEMENT_TEXT = "statementText";

    /** True when the agency's consent counts as given because it did not answer. */
    public static final String STATEMENT_FICTITIOUS = "statementFictitious";

    /** One line per filed statement, for the review and decision forms. */
    public static final String STATEMENTS_SUMMARY = "statementsSummary";

    // "Prüfung"
    /** Boolean: the refused Einvernehmen is replaced (Art. 67 BayBO); needs a reason. */
    public static final String CONSENT_REPLACED = "consentReplaced";

    public static final String CONSENT_REPLACEMENT_REASON = "consentReplacementReason";
    public static final String REVIEW_NOTES = "reviewNotes";

    // fee and decision
    /** DMN output: the fee in EUR (Double). */
    public static final String FEE = "fee";

    /** {@link #FEE} as clerks read it, e.g. "1.050,00 €". */
    public static final String FEE_TEXT = "feeText";

    /** "APPROVE", "APPROVE_WITH_CONDITIONS" or "REJECT". */
    public static final String DECISION = "decision";

    public static final String DECISION_REASONS = "decisionReasons";

    /** Nebenbestimmungen, one per line each: Bedingungen. */
    public static final String NB_CONDITIONS = "nbConditions";

    /** Auflagen. */
    public static final String NB_OBLIGATIONS = "nbObligations";

    /** Befristung. */
    public static final String NB_TIME_LIMIT = "nbTimeLimit";

    /** Widerrufsvorbehalt. */
    public static final String NB_REVOCATION = "nbRevocation";

    /** Hinweise. */
    public static final String NB_NOTES = "nbNotes";

    private Var() {}
  }

  /** User task ids; also the keys of the typed payloads of {@code /api/tasks}. */
  public static final class Task {
    public static final String CHECK_COMPLETENESS = "Task_CheckCompleteness";
    public static final String MUNICIPAL_CONSENT = "Task_MunicipalConsent";
    public static final String AGENCY_STATEMENT = "Task_AgencyStatement";
    public static final String REVIEW = "Task_Review";
    public static final String DECIDE = "Task_Decide";

    private Task() {}
  }

  /** The event-based gateway where the process waits for documents or the deadline. */
  public static final String AWAIT_DOCUMENTS = "Gateway_AwaitDocuments";

  /** Activities whose start moves the application's status on (execution listener). */
  public static final class Activity {
    public static final String PROCEDURE = "SubProcess_Procedure";
    public static final String REVIEW = Task.REVIEW;

    private Activity() {}
  }

  /** Timer events; the status endpoint shows the running ones as open deadlines. */
  public static final class Timer {
    /** Non-interrupting: the completeness check is overdue; the task stays and is escalated. */
    public static final String COMPLETENESS_CHECK_DUE = "Timer_CompletenessCheckDue";

    public static final String RESUBMISSION_DEADLINE = "Timer_ResubmissionDeadline";
    public static final String CONSENT_FICTION = "Timer_ConsentFiction";
    public static final String AGENCY_FICTION = "Timer_AgencyFiction";
    public static final String APPROVAL_FICTION = "Timer_ApprovalFiction";

    private Timer() {}
  }

  /** Message names (not ids) for correlation. */
  public static final class Msg {
    /** The applicant hands in what a Nachforderung asked for. */
    public static final String DOCUMENTS_SUBMITTED = "DocumentsSubmitted";

    private Msg() {}
  }

  public static final String ERROR_APPROVAL_FICTION = "APPROVAL_FICTION";

  public static final String COMPLETENESS_COMPLETE = "COMPLETE";
  public static final String COMPLETENESS_INCOMPLETE = "INCOMPLETE";
  public static final String CONSENT_GRANTED = "GRANTED";
  public static final String CONSENT_REFUSED = "REFUSED";
  public static final String STATEMENT_CONSENT = "CONSENT";
  public static final String STATEMENT_CONSENT_WITH_CONDITIONS = "CONSENT_WITH_CONDITIONS";
  public static final String STATEMENT_OBJECTION = "OBJECTION";
  public static final String DECISION_APPROVE = "APPROVE";
  public static final String DECISION_APPROVE_WITH_CONDITIONS = "APPROVE_WITH_CONDITIONS";
  public static final String DECISION_REJECT = "REJECT";

  /**
   * The agencies a clerk can hear: form checkbox key and German name. The completeness form has one
   * checkbox per entry; the task listener turns the ticked ones into {@link Var#AGENCY_LIST}.
   */
  public enum Agency {
    WATER("agencyWater", "Wasserwirtschaftsamt", Groups.AGENCY_WATER),
    MONUMENT("agencyMonument", "Untere Denkmalschutzbehörde", Groups.AGENCY_MONUMENT),
    FIRE("agencyFire", "Brandschutzdienststelle", Groups.AGENCY_FIRE),
    IMMISSION("agencyImmission", "Immissionsschutz", Groups.AGENCY_IMMISSION),
    NATURE("agencyNature", "Untere Naturschutzbehörde", Groups.AGENCY_NATURE),
    ROADS("agencyRoads", "Straßenbaubehörde", Groups.AGENCY_ROADS);

    private final String formKey;
    private final String label;
    private final String group;

    Agency(String formKey, String label, String group) {
      this.formKey = formKey;
      this.label = label;
      this.group = group;
    }

    /** The Fachstelle's user group: its statement task is offered to that group only. */
    public String group() {
      return group;
    }

    /** The Fachstelle with this label (the multi-instance's element variable), if any. */
    public static java.util.Optional<Agency> byLabel(String label) {
      return java.util.Arrays.stream(values()).filter(a -> a.label.equals(label)).findFirst();
    }

    public String formKey() {
      return formKey;
    }

    public String label() {
      return label;
    }
  }
}
