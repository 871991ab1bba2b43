package de.amtsflow.invoice;

import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the invoice module ({@code amtsflow.invoice.*}).
 *
 * @param leitwegIds the Leitweg-IDs (BT-10) this deployment receives invoices for
 * @param maxSize largest invoice file accepted at the intake
 * @param intakePerMinute invoices one client (IP address) may post per minute without login
 * @param intakePerMinuteAuthenticated invoices one logged-in user (a clerk entering paper invoices,
 *     a connector account) may post per minute, counted per user name
 * @param approvalDays working days the approval tasks are due in
 * @param retentionYears how long a closed invoice e-file is kept (§ 147 AO: 8 years since 2025),
 *     counted from the end of the calendar year
 * @param escalationRecipients e-mail address per user group, for escalations
 * @param office the office that writes to suppliers (the rejection letter's sender and contact)
 */
@ConfigurationProperties("amtsflow.invoice")
public record InvoiceProperties(
    List<String> leitwegIds,
    DataSize maxSize,
    Integer intakePerMinute,
    Integer intakePerMinuteAuthenticated,
    Integer approvalDays,
    Integer retentionYears,
    Map<String, String> escalationRecipients,
    Office office) {

  /**
   * The office suppliers deal with, as the letterhead of a rejection names it below the authority.
   *
   * @param name e.g. "Rechnungseingang"
   * @param email its e-mail address in the letter's contact block (empty: the letterhead's)
   */
  public record Office(String name, String email) {
    public Office {
      name = name == null || name.isBlank() ? "Rechnungseingang" : name.strip();
      email = email == null || email.isBlank() ? null : email.strip();
    }
  }

  @ConstructorBinding
  public InvoiceProperties {
    leitwegIds = leitwegIds == null ? List.of() : List.copyOf(leitwegIds);
    maxSize = maxSize == null ? DataSize.ofMegabytes(20) : maxSize;
    intakePerMinute = intakePerMinute == null ? 30 : intakePerMinute;
    intakePerMinuteAuthenticated =
        intakePerMinuteAuthenticated == null ? 600 : intakePerMinuteAuthenticated;
    approvalDays = approvalDays == null ? 10 : approvalDays;
    retentionYears = retentionYears == null ? 8 : retentionYears;
    escalationRecipients =
        escalationRecipients == null ? Map.of() : Map.copyOf(escalationRecipients);
    office = office == null ? new Office(null, null) : office;
  }

  /** Only the Leitweg-IDs: for tests of routing. */
  public InvoiceProperties(List<String> leitwegIds) {
    this(leitwegIds, null, null, null, null, null, null, null);
  }
}
