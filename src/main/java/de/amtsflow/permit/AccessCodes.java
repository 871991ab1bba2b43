package de.amtsflow.permit;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The citizen's access code: with the Aktenzeichen it opens the application on the tracking page,
 * and it is printed in the Eingangsbestätigung, so a citizen who lost the link still gets in. It is
 * derived, not stored: HMAC-SHA256 of the application id under a key, cut to 60 bits and written as
 * 12 characters (Crockford's base32: no I, L, O, U to misread) in groups of four, e.g. {@code
 * 7KQM-4XPA-9RTD}. The key comes from {@code amtsflow.permit.access-code-key} (then a database dump
 * does not reveal any code) or, without it, is generated once and kept in the database.
 */
@Component
class AccessCodes implements org.springframework.beans.factory.InitializingBean {

  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  private static final int LENGTH = 12;

  private final JdbcTemplate jdbc;
  private final TransactionTemplate ownTransaction;
  private final String configuredKey;
  private volatile byte[] key;

  AccessCodes(
      JdbcTemplate jdbc, PlatformTransactionManager transactions, PermitProperties properties) {
    this.jdbc = jdbc;
    this.ownTransaction = new TransactionTemplate(transactions);
    ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    this.configuredKey = properties.accessCodeKey();
  }

  /**
   * Reads (or, on the first start, creates) the key now, before any request: a submit must not open
   * a second connection for it while its own transaction holds one — under a burst that exhausts
   * the pool (SubmitBurstIT). The schema is there: the JdbcTemplate waits for Flyway.
   */
  @Override
  public void afterPropertiesSet() {
    key();
  }

  /** The application's code, grouped for reading: {@code 7KQM-4XPA-9RTD}. */
  String of(UUID applicationId) {
    String code = raw(applicationId);
    return code.substring(0, 4) + "-" + code.substring(4, 8) + "-" + code.substring(8);
  }

  /** Whether {@code presented} is the application's code; case, blanks and dashes do not count. */
  boolean matches(UUID applicationId, String presented) {
    if (presented == null) {
      return false;
    }
    String normal = normalise(presented);
    if (normal.length() != LENGTH) {
      return false;
    }
    return MessageDigest.isEqual(
        raw(applicationId).getBytes(StandardCharsets.US_ASCII),
        normal.getBytes(StandardCharsets.US_ASCII));
  }

  /** Upper case without separators; O read as 0 and I, L as 1, as Crockford's base32 says. */
  static String normalise(String presented) {
    return presented
        .strip()
        .toUpperCase(Locale.ROOT)
        .replaceAll("[\\s\\-]", "")
        .replace('O', '0')
        .replace('I', '1')
        .replace('L', '1');
  }

  private String raw(UUID applicationId) {
    byte[] digest;
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key(), "HmacSHA256"));
      digest = mac.doFinal(applicationId.toString().getBytes(StandardCharsets.US_ASCII));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
    StringBuilder code = new StringBuilder(LENGTH);
    long bits = 0;
    for (int i = 0; i < 8; i++) {
      bits = (bits << 8) | (digest[i] & 0xFF);
    }
    for (int i = 0; i < LENGTH; i++) {
      code.append(ALPHABET.charAt((int) ((bits >>> (64 - 5 * (i + 1))) & 31)));
    }
    return code.toString();
  }

  private byte[] key() {
    byte[] known = key;
    if (known != null) {
      return known;
    }
    String text = configuredKey != null && !configuredKey.isBlank() ? configuredKey : storedKey();
    known = text.getBytes(StandardCharsets.UTF_8);
    key = known;
    return known;
  }

  // the first node to need it inserts a random key; a second one racing it loses on the primary
  // key and reads the winner's
  private String storedKey() {
    String found = read();
    if (found != null) {
      return found;
    }
    byte[] random = new byte[32];
    new SecureRandom().nextBytes(random);
    try {
      ownTransaction.executeWithoutResult(
          status ->
              jdbc.update(
                  "insert into permit_access_key (id, secret) values (1, ?)",
                  HexFormat.of().formatHex(random)));
    } catch (DuplicateKeyException raced) {
      // another node was first
    }
    return read();
  }

  private String read() {
    return jdbc
        .queryForList("select secret from permit_access_key where id = 1", String.class)
        .stream()
        .findFirst()
        .orElse(null);
  }
}
