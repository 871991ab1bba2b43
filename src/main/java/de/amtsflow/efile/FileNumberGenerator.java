package de.amtsflow.efile;

import de.amtsflow.tenant.Tenant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * File numbers (Aktenzeichen) per type and year, unique and ascending: {@code BAU-2026-000123}.
 *
 * <p>The counter row is locked from the increment until the transaction that drew the number ends.
 * Intakes therefore draw their number in a short transaction of its own <em>before</em> the case's
 * transaction begins ({@link EFileStore#reserveFileNumber}): the lock lasts one update and its
 * commit, and a request never holds a connection while it queues behind another case's whole
 * transaction. The price is a gap where a submission fails after drawing its number (a crash, a
 * lost Idempotency-Key race). Called inside a caller's transaction, the number is drawn there, on
 * the connection that transaction already holds: never a second connection while holding one (32
 * simultaneous first submits of a year used to take all 20 connections and wait for a 21st).
 */
@Component
class FileNumberGenerator {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate shortTransaction;
  private volatile Boolean postgres;

  FileNumberGenerator(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.shortTransaction = new TransactionTemplate(transactions);
  }

  /**
   * The next number of the tenant's series: its Aktenzeichen prefix before the type's ({@code
   * ADF-RE-2026-000001}); a tenant without a prefix draws the plain series ({@code RE-2026-…}).
   */
  String next(EFileType type, int year, Tenant tenant) {
    String prefix =
        tenant.fileNumberPrefix().isEmpty()
            ? type.prefix()
            : tenant.fileNumberPrefix() + "-" + type.prefix();
    if (TransactionSynchronizationManager.isActualTransactionActive()) {
      return draw(prefix, year);
    }
    return shortTransaction.execute(status -> draw(prefix, year));
  }

  private String draw(String prefix, int year) {
    if (increment(prefix, year) == 0) {
      createCounter(prefix, year);
      if (increment(prefix, year) != 1) {
        throw new IllegalStateException("file number counter missing for " + prefix + " " + year);
      }
    }
    Long number =
        jdbc.queryForObject(
            "select last_number from efile_number_counter where prefix = ? and counter_year = ?",
            Long.class,
            prefix,
            year);
    return "%s-%d-%06d".formatted(prefix, year, number);
  }

  private int increment(String prefix, int year) {
    return jdbc.update(
        "update efile_number_counter set last_number = last_number + 1"
            + " where prefix = ? and counter_year = ?",
        prefix,
        year);
  }

  // The first number of a year creates the counter row in the same transaction. Two requests (or
  // nodes) may race for it: PostgreSQL's "on conflict do nothing" keeps the transaction alive
  // (a plain duplicate key would abort it); on H2 a failed statement leaves the transaction usable.
  private void createCounter(String prefix, int year) {
    if (isPostgres()) {
      jdbc.update(
          "insert into efile_number_counter (prefix, counter_year, last_number) values (?, ?, 0)"
              + " on conflict (prefix, counter_year) do nothing",
          prefix,
          year);
      return;
    }
    try {
      jdbc.update(
          "insert into efile_number_counter (prefix, counter_year, last_number) values (?, ?, 0)",
          prefix,
          year);
    } catch (DuplicateKeyException createdByAnotherRequest) {
      // fine: the row exists now
    }
  }

  private boolean isPostgres() {
    Boolean known = postgres;
    if (known == null) {
      known =
          jdbc.execute(
              (ConnectionCallback<Boolean>)
                  c -> c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres"));
      postgres = known;
    }
    return known;
  }
}
