package io.nightshift.api.ui.session;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The UI's secrets (login codes, session ids): made from 256 random bits, kept only as their SHA-256, and
 * compared in constant time. Keeping the digest means a copy of the store's memory gives no usable secret, and a
 * lookup keyed by the digest compares the digest of what was presented, never the secret byte by byte, so the time
 * a refusal takes tells a guesser nothing about how close the guess came.
 */
final class SecretDigest {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final int SECRET_BYTES = 32;

  private SecretDigest() {}

  /** A fresh secret: 256 random bits as 43 characters of unpadded base64url, safe in a URL and in a cookie. */
  static String newSecret() {
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  /** SHA-256 of the secret, in hex: what the stores keep and key by. */
  static String of(String secret) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(secret.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }

  /** Whether {@code presented} is the secret whose digest is {@code stored}, in time independent of where they differ. */
  static boolean matches(String presented, String stored) {
    return MessageDigest.isEqual(of(presented).getBytes(StandardCharsets.US_ASCII),
        stored.getBytes(StandardCharsets.US_ASCII));
  }
}
