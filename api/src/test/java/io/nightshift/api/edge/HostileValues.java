package io.nightshift.api.edge;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * Field values a careless or hostile client sends: any unicode, huge, empty, path-like, numeric-looking. The edge
 * values (empty, MIN and MAX) are drawn from lists here, beside random ones, so every method gets them.
 */
final class HostileValues {
  private static final List<String> SPECIAL = List.of("", " ", "\t\n", "\u0000", "..", "../../etc/passwd", "/",
      "a/b", "${steps.x.output}", "${params.", "%s%n%x", "'; DROP TABLE tasks; --", "WorkflowType = 'x' OR 1=1",
      "\uD83D\uDE00", "\u202Eevil", "\uFEFF", "sha256:", "sha256:" + "0".repeat(64), "sha256:" + "A".repeat(64),
      "null", "true", "plan-v2", "*", "-", "_", "a".repeat(300), "0", "-1", "NaN", "Infinity", "-Infinity", "1e3",
      "1,5", " 2.5 ", "0.0", "0.000000001", "12345678901.5", "9223372036854775808", "0x10", "+1", ".5", "5.");
  private static final List<String> DECIMALS = List.of("2.50", "0.5", "100", "0", "-0", "-1", "0.0", "1e3", "1E-2",
      "Infinity", "NaN", "0.000000001", "12345678901", "1234567890.12345678", "9999999999.99999999", " 1", "1 ",
      "1,5", "+2", "2.", ".5", "0x1p3", "1_000", "٣", "\uFF11");
  private static final List<Long> EDGE_LONGS = List.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L);
  private static final List<Integer> EDGE_INTS = List.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1);
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String DIGITS = "0123456789";
  private static final String ID_CHARS = LOWER + DIGITS + "-_";
  private static final String PATHY_CHARS = LOWER + LOWER.toUpperCase() + DIGITS + "-_./:$ {}";
  private static final int MAX_TEXT = 24;

  private final Dice dice;

  HostileValues(Dice dice) {
    this.dice = dice;
  }

  Dice dice() {
    return dice;
  }

  String text() {
    return switch (dice.weighted(5, 1, 3, 3, 1)) {
      case 0 -> basicPlaneText();
      case 1 -> supplementaryText();
      case 2 -> from(PATHY_CHARS, 0, MAX_TEXT);
      case 3 -> dice.oneOf(SPECIAL);
      default -> huge();
    };
  }

  /** Text that is mostly a valid name or id (letters, digits, '-', '_'), so calls get past the first check. */
  String name() {
    return dice.weighted(4, 1) == 0 ? from(ID_CHARS, 1, 16) : text();
  }

  /** Strings of tens of kilobytes: under gRPC's 4 MB message limit, far over any sane id or name. */
  String huge() {
    StringBuilder out = new StringBuilder();
    int length = dice.between(20_000, 60_000);
    for (int i = 0; i < length; i++) {
      out.append(LOWER.charAt(dice.between(0, LOWER.length() - 1)));
    }
    return out.toString();
  }

  /** Cost texts: plain decimals of every size, and the notations the budget fields must refuse. */
  String decimal() {
    return switch (dice.weighted(3, 2, 1)) {
      case 0 -> dice.oneOf(DECIMALS);
      case 1 -> plainDecimal().toPlainString();
      default -> text();
    };
  }

  /** Any long, the extremes and small numbers (where off-by-one checks are) more often than chance gives them. */
  long anyLong() {
    return switch (dice.weighted(1, 1, 2)) {
      case 0 -> dice.oneOf(EDGE_LONGS);
      case 1 -> dice.between(-1_000L, 1_000L);
      default -> dice.anyLong();
    };
  }

  int anyInt() {
    return switch (dice.weighted(1, 1, 2)) {
      case 0 -> dice.oneOf(EDGE_INTS);
      case 1 -> dice.between(-1_000, 1_000);
      default -> dice.anyInt();
    };
  }

  byte[] bytes(int maxSize) {
    return dice.bytes(dice.size(0, maxSize));
  }

  /** A YAML double-quoted scalar: the text survives as the value, so names reach the pipeline's own checks. */
  static String quoted(String s) {
    StringBuilder out = new StringBuilder("\"");
    s.codePoints().forEach(c -> {
      if (c == '"' || c == '\\') {
        out.append('\\').appendCodePoint(c);
      } else if (c < 0x20 || c == 0x7f || (c >= 0xd800 && c <= 0xdfff)) {
        out.append(String.format("\\u%04x", c));
      } else {
        out.appendCodePoint(c);
      }
    });
    return out.append('"').toString();
  }

  /** Every code point of the basic plane but lone surrogates, which a protobuf client cannot send ('?' instead). */
  private String basicPlaneText() {
    StringBuilder out = new StringBuilder();
    int length = dice.size(0, MAX_TEXT);
    for (int i = 0; i < length; i++) {
      int c = dice.between(0, 0xFFFF - 0x800);
      out.append((char) (c < 0xD800 ? c : c + 0x800));
    }
    return out.toString();
  }

  /** Emoji and the other planes: two UTF-16 chars each, four bytes of UTF-8. */
  private String supplementaryText() {
    StringBuilder out = new StringBuilder();
    int length = dice.size(0, 4);
    for (int i = 0; i < length; i++) {
      out.appendCodePoint(dice.between(0x10000, 0x10FFFF));
    }
    return out.toString();
  }

  private String from(String alphabet, int minLength, int maxLength) {
    StringBuilder out = new StringBuilder();
    int length = dice.size(minLength, maxLength);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(dice.between(0, alphabet.length() - 1)));
    }
    return out.toString();
  }

  /**
   * Between -10^12 and 10^12 with ten decimal places; the number of integer digits is drawn first, so small and
   * large amounts are equally common rather than nearly all of them twelve digits long.
   */
  private BigDecimal plainDecimal() {
    long whole = dice.between(0L, (long) Math.pow(10, dice.between(0, 12)) - 1);
    long fraction = dice.between(0L, 9_999_999_999L);
    BigInteger unscaled = BigInteger.valueOf(whole).multiply(BigInteger.TEN.pow(10)).add(BigInteger.valueOf(fraction));
    return new BigDecimal(dice.chance(0.5) ? unscaled.negate() : unscaled, 10);
  }
}
