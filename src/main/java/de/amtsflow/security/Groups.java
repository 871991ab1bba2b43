package de.amtsflow.security;

/** The user groups amtsflow's processes and APIs refer to (Camunda group ids). */
public final class Groups {

  public static final String ADMIN = "camunda-admin";

  /**
   * Process owners: edit their own authority's decision tables ({@code POST
   * /api/tenants/{id}/decisions}); members of the tenant whose rules they change.
   */
  public static final String PROCESS_OWNERS = "process-owners";

  public static final String PERMIT_CLERKS = "permit-clerks";
  public static final String MUNICIPALITY = "municipality";

  /** The Fachstellen, one group each: a Fachstelle sees only the cases it was asked about. */
  public static final String AGENCY_WATER = "agency-water";

  public static final String AGENCY_MONUMENT = "agency-monument";
  public static final String AGENCY_FIRE = "agency-fire";
  public static final String AGENCY_IMMISSION = "agency-immission";
  public static final String AGENCY_NATURE = "agency-nature";
  public static final String AGENCY_ROADS = "agency-roads";

  public static final java.util.List<String> AGENCIES =
      java.util.List.of(
          AGENCY_WATER,
          AGENCY_MONUMENT,
          AGENCY_FIRE,
          AGENCY_IMMISSION,
          AGENCY_NATURE,
          AGENCY_ROADS);
  public static final String INVOICE_CLERKS = "invoice-clerks";
  public static final String INVOICE_APPROVERS = "invoice-approvers";
  public static final String PAYMENT_AUTHORITY = "payment-authority";

  private Groups() {}
}
