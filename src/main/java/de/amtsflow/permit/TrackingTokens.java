package de.amtsflow.permit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The citizen's tracking token: 256 random bits, handed out once; only its SHA-256 is stored, so a
 * database dump does not open anyone's case.
 */
final class TrackingTokens {

  private static final SecureRandom RANDOM = new SecureRandom();

  private TrackingTokens() {}

  static String newToken() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  static String hash(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Constant-time comparison of a presented token with the stored hash. */
  static boolean matches(String token, String storedHash) {
    if (token == null || token.isBlank() || storedHash == null) {
      return false;
    }
    return MessageDigest.isEqual(
        hash(token.strip()).getBytes(StandardCharsets.US_ASCII),
        storedHash.getBytes(StandardCharsets.US_ASCII));
  }
}
