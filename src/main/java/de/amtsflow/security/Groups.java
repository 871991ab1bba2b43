package de.amtsflow.security;

/** The user groups amtsflow's processes and APIs refer to (Camunda group ids). */
public final class Groups {

  public static final String ADMIN = "camunda-admin";
  public static final String PERMIT_CLERKS = "permit-clerks";
  public static final String MUNICIPALITY = "municipality";
  public static final String AGENCIES = "agencies";
  public static final String INVOICE_CLERKS = "invoice-clerks";
  public static final String INVOICE_APPROVERS = "invoice-approvers";
  public static final String PAYMENT_AUTHORITY = "payment-authority";

  private Groups() {}
}
