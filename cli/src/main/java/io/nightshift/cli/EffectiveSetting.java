package io.nightshift.cli;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** One line of {@code nightshift config}: a flag, its value (masked where secret; empty when unset) and its source. */
record EffectiveSetting(String flag, Optional<String> value, String source) {
  static String text(List<EffectiveSetting> settings) {
    int width = settings.stream().mapToInt(s -> s.flag().length()).max().orElse(0);
    int valueWidth = settings.stream().mapToInt(s -> s.value().orElse("(none)").length()).max().orElse(0);
    StringBuilder out = new StringBuilder();
    for (EffectiveSetting s : settings) {
      out.append(String.format("%-" + width + "s  %-" + valueWidth + "s  (%s)%n", s.flag(),
          s.value().orElse("(none)"), s.source()));
    }
    return out.toString();
  }

  static String json(List<EffectiveSetting> settings) {
    return settings.stream()
        .map(s -> "{\"flag\":" + quoted(s.flag()) + ",\"value\":" + s.value().map(EffectiveSetting::quoted)
            .orElse("null") + ",\"source\":" + quoted(s.source()) + "}")
        .collect(Collectors.joining(",\n  ", "{\"settings\":[\n  ", "\n]}\n"));
  }

  /** A JSON string literal (RFC 8259): quote, backslash and control characters escaped. */
  private static String quoted(String text) {
    StringBuilder out = new StringBuilder("\"");
    for (char c : text.toCharArray()) {
      switch (c) {
        case '"' -> out.append("\\\"");
        case '\\' -> out.append("\\\\");
        case '\n' -> out.append("\\n");
        case '\r' -> out.append("\\r");
        case '\t' -> out.append("\\t");
        default -> {
          if (c < 0x20) {
            out.append(String.format("\\u%04x", (int) c));
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.append('"').toString();
  }
}
