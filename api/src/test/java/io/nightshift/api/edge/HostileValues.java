package io.nightshift.api.edge;

import java.math.BigDecimal;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Tuple;

/**
 * Field values a careless or hostile client sends: any unicode, huge, empty, path-like, numeric-looking. The edge
 * values (empty, MIN and MAX) are drawn from lists here rather than from jqwik's edge cases, which it would take
 * from the first method's arbitrary alone (it stops enumerating them at the number of tries).
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

  private HostileValues() {}

  static Arbitrary<String> text() {
    return Arbitraries.frequencyOf(
        // every code point but lone surrogates, which a protobuf client cannot send (it writes '?' instead)
        Tuple.of(5, Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFF')
            .ofMaxLength(24)),
        Tuple.of(1, Arbitraries.integers().between(0x10000, 0x10FFFF).map(Character::toString).list().ofMaxSize(4)
            .map(codePoints -> String.join("", codePoints))),
        Tuple.of(3, Arbitraries.strings().alpha().numeric().withChars("-_./:$ {}").ofMaxLength(24)),
        Tuple.of(3, Arbitraries.of(SPECIAL)),
        Tuple.of(1, huge()));
  }

  /** Text that is mostly a valid name or id (letters, digits, '-', '_'), so calls get past the first check. */
  static Arbitrary<String> name() {
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.strings().withCharRange('a', 'z').numeric().withChars("-_").ofMinLength(1)
            .ofMaxLength(16)),
        Tuple.of(1, text()));
  }

  /** Strings of tens of kilobytes: under gRPC's 4 MB message limit, far over any sane id or name. */
  static Arbitrary<String> huge() {
    return Arbitraries.strings().withCharRange('a', 'z').ofMinLength(20_000).ofMaxLength(60_000);
  }

  /** Cost texts: plain decimals of every size, and the notations the budget fields must refuse. */
  static Arbitrary<String> decimal() {
    return Arbitraries.frequencyOf(
        Tuple.of(3, Arbitraries.of(DECIMALS)),
        Tuple.of(2, Arbitraries.bigDecimals().between(BigDecimal.valueOf(-1e12),
            BigDecimal.valueOf(1e12)).ofScale(10).map(BigDecimal::toPlainString)),
        Tuple.of(1, text()));
  }

  static Arbitrary<Long> anyLong() {
    return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L, -1L, 1L)),
        Tuple.of(3, Arbitraries.longs()));
  }

  static Arbitrary<Integer> anyInt() {
    return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(Integer.MIN_VALUE, Integer.MAX_VALUE, 0, -1, 1)),
        Tuple.of(3, Arbitraries.integers()));
  }

  static Arbitrary<byte[]> bytes(int maxSize) {
    return Arbitraries.bytes().array(byte[].class).ofMaxSize(maxSize);
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
}
