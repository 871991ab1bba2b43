package de.amtsflow.security;

/** The user groups amtsflow's processes and APIs refer to (Camunda group ids). */
public final class Groups {

  public static final String ADMIN = "camunda-admin";

  /**
   * Process owners: edit their own authority's decision tables ({@code POST
   * /api/tenants/{id}/decisions}); members of the tenant whose rules they change.
   */
  public static final String PROCESS_OWNERS = "process-owners";

  /**
   * Tenant administrators: manage their own authority's users ({@code /api/tenants/{id}/users}),
   * giving them the roles below, never administration.
   */
  public static final String TENANT_ADMINS = "tenant-admins";

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

  /** The roles a tenant administrator may give their authority's users. */
  public static final java.util.List<String> ROLES =
      java.util.stream.Stream.concat(
              java.util.stream.Stream.of(
                  PERMIT_CLERKS,
                  MUNICIPALITY,
                  INVOICE_CLERKS,
                  INVOICE_APPROVERS,
                  PAYMENT_AUTHORITY,
                  PROCESS_OWNERS),
              AGENCIES.stream())
          .toList();

  private Groups() {}
}
