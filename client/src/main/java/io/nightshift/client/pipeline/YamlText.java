package io.nightshift.client.pipeline;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes the YAML of a pipeline: block mappings, and every text value double-quoted with JSON's escapes (which YAML
 * reads the same), so no value, whatever its characters ({@code ${steps.x.output}}, ':', '#', "yes", "010"), is
 * read as anything but the text given. Keys are written plain when they are simple names, else quoted too.
 */
final class YamlText {
  private static final Pattern PLAIN_KEY = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");

  private final StringBuilder out = new StringBuilder();

  void text(int indent, String key, String value) {
    line(indent, key(key) + ": " + quoted(value));
  }

  void number(int indent, String key, long value) {
    line(indent, key(key) + ": " + value);
  }

  void bool(int indent, String key, boolean value) {
    line(indent, key(key) + ": " + value);
  }

  void list(int indent, String key, List<String> values) {
    line(indent, key(key) + ": " + values.stream().map(YamlText::quoted).collect(Collectors.joining(", ", "[", "]")));
  }

  /** A mapping of texts; a null value is written as YAML null (a required pipeline parameter). */
  void map(int indent, String key, Map<String, String> values) {
    line(indent, key(key) + ":");
    values.forEach((k, v) -> line(indent + 2, key(k) + ": " + (v == null ? "null" : quoted(v))));
  }

  void open(int indent, String key) {
    line(indent, key(key) + ":");
  }

  /** The first key of a list item: {@code - key: value}. */
  void item(int indent, String key, String value) {
    line(indent, "- " + key(key) + ": " + quoted(value));
  }

  @Override
  public String toString() {
    return out.toString();
  }

  private void line(int indent, String text) {
    out.append(" ".repeat(indent)).append(text).append('\n');
  }

  private static String key(String key) {
    return PLAIN_KEY.matcher(key).matches() ? key : quoted(key);
  }

  static String quoted(String value) {
    StringBuilder q = new StringBuilder("\"");
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      switch (c) {
        case '"' -> q.append("\\\"");
        case '\\' -> q.append("\\\\");
        case '\n' -> q.append("\\n");
        case '\r' -> q.append("\\r");
        case '\t' -> q.append("\\t");
        default -> {
          if (c < 0x20 || c == 0x7f || (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff) {
            q.append(String.format("\\u%04x", (int) c));
          } else {
            q.append(c);
          }
        }
      }
    }
    return q.append('"').toString();
  }
}
