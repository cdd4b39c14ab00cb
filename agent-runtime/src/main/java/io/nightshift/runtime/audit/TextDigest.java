package io.nightshift.runtime.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Free text (a goal, guidance, a comment) as the audit log keeps it: a SHA-256 digest, which lets an auditor confirm
 * what was sent without the log holding the text, which may carry data or secrets the log's readers should not see.
 */
public final class TextDigest {
  private TextDigest() {}

  /** {@code sha256:<hex>} of the text's UTF-8 bytes. */
  public static String of(String text) {
    return "sha256:" + sha256Hex(text.getBytes(StandardCharsets.UTF_8));
  }

  static String sha256Hex(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
