package io.nightshift.runtime.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The token format, {@code nst_<id>_<secret>}: a prefix that secret scanners and people recognise, a public id by
 * which the store finds the token without comparing against every hash, and a 256-bit random secret.
 *
 * <p>The store keeps SHA-256 of the secret, not a slow password hash (bcrypt, scrypt, Argon2): those exist to make
 * guessing a low-entropy password from its hash expensive, and a 256-bit random secret cannot be guessed from its
 * hash at any speed. A fast hash also keeps every API call's check at microseconds.
 */
public final class BearerTokens {
  public static final String PREFIX = "nst_";
  private static final int ID_BYTES = 6;
  private static final int SECRET_BYTES = 32;
  /** id: 12 hex digits; secret: 43 characters of unpadded base64url (32 bytes). */
  private static final Pattern FORMAT = Pattern.compile("nst_([0-9a-f]{12})_([A-Za-z0-9_-]{43})");
  private static final SecureRandom RANDOM = new SecureRandom();

  /** A token as presented: its id and its secret. */
  public record Presented(String id, String secret) {
    @Override
    public String toString() {
      return "Presented[id=" + id + "]"; // never the secret, whatever logs it
    }
  }

  private BearerTokens() {}

  static String newId() {
    byte[] id = new byte[ID_BYTES];
    RANDOM.nextBytes(id);
    return HexFormat.of().formatHex(id);
  }

  static String newSecret() {
    byte[] secret = new byte[SECRET_BYTES];
    RANDOM.nextBytes(secret);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
  }

  static String format(String id, String secret) {
    return PREFIX + id + "_" + secret;
  }

  /** The id and secret of a token in this format; empty for anything else. */
  public static Optional<Presented> parse(String token) {
    Matcher m = FORMAT.matcher(token.strip());
    return m.matches() ? Optional.of(new Presented(m.group(1), m.group(2))) : Optional.empty();
  }

  /** SHA-256 of the secret, hex: what the store keeps. */
  static String hash(String secret) {
    return HexFormat.of().formatHex(sha256(secret));
  }

  /** Compares in time that does not depend on where the two differ, so timing tells a guesser nothing. */
  static boolean matches(String secret, String storedHash) {
    return MessageDigest.isEqual(sha256(secret), HexFormat.of().parseHex(storedHash));
  }

  private static byte[] sha256(String secret) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
