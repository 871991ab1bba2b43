package de.amtsflow.efile;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gapless file numbers (Aktenzeichen) per type and year: {@code BAU-2026-000123}. The counter row
 * is locked by the caller's transaction, so a rolled-back e-file does not burn a number.
 */
@Component
class FileNumberGenerator {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;

  FileNumberGenerator(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /** Must run inside the transaction that stores the e-file. */
  String next(EFileType type, int year) {
    ensureCounter(type.prefix(), year);
    int updated =
        jdbc.update(
            "update efile_number_counter set last_number = last_number + 1"
                + " where prefix = ? and counter_year = ?",
            type.prefix(),
            year);
    if (updated != 1) {
      throw new IllegalStateException("file number counter missing for " + type + " " + year);
    }
    Long number =
        jdbc.queryForObject(
            "select last_number from efile_number_counter where prefix = ? and counter_year = ?",
            Long.class,
            type.prefix(),
            year);
    return "%s-%d-%06d".formatted(type.prefix(), year, number);
  }

  // The first e-file of a year creates the row in its own transaction: two nodes racing for it
  // must not abort the caller's transaction (PostgreSQL would) with a duplicate key.
  private void ensureCounter(String prefix, int year) {
    Integer rows =
        jdbc.queryForObject(
            "select count(*) from efile_number_counter where prefix = ? and counter_year = ?",
            Integer.class,
            prefix,
            year);
    if (rows != null && rows > 0) {
      return;
    }
    try {
      newTransaction.executeWithoutResult(
          status ->
              jdbc.update(
                  "insert into efile_number_counter (prefix, counter_year, last_number)"
                      + " values (?, ?, 0)",
                  prefix,
                  year));
    } catch (DataIntegrityViolationException alreadyCreatedByAnotherNode) {
      // fine: the row exists now
    }
  }
}
