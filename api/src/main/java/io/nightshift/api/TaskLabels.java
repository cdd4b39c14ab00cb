package io.nightshift.api;

import io.nightshift.api.edge.BoundedText;
import io.temporal.api.common.v1.Payload;
import io.temporal.common.converter.DataConverter;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Labels on tasks, Kubernetes-style, checked at the edge with the label named ({@code spec.labels["team"]}). The
 * rules are Kubernetes' so people bring the habits they have, and they also keep every key and value free of quotes,
 * backslashes and spaces: what goes into a visibility query can never end its string literal.
 *
 * <p>A task keeps its labels in its memo (what GetTask and ListTasks show) and, where the namespace has Nightshift's
 * search attributes, in the KeywordList attribute {@code NightshiftLabels} as {@code key=value} strings (what the
 * server filters on).
 */
final class TaskLabels {
  static final String MEMO_LABELS = "labels";
  static final int MAX_LABELS = 32;
  private static final String NAME = "[A-Za-z0-9]([A-Za-z0-9._-]{0,61}[A-Za-z0-9])?";
  private static final Pattern NAME_PATTERN = Pattern.compile(NAME);
  private static final Pattern PREFIX = Pattern.compile(
      "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*");
  private static final int MAX_PREFIX = 253;

  private TaskLabels() {}

  /**
   * {@code labels} checked, in key order.
   *
   * @param field the map's field as the error names it ("spec.labels", "labels")
   */
  static SortedMap<String, String> checked(String field, Map<String, String> labels) {
    if (labels.size() > MAX_LABELS) {
      throw ApiErrors.invalid(field, field + " may hold at most " + MAX_LABELS + " labels, had " + labels.size());
    }
    SortedMap<String, String> sorted = new TreeMap<>(labels);
    sorted.forEach((key, value) -> {
      String named = field + "[\"" + BoundedText.quoted(key) + "\"]";
      if (!validKey(key)) {
        throw ApiErrors.invalid(named, "label key '" + BoundedText.quoted(key) + "' must be a name of 1-63 letters,"
            + " digits, '-', '_' or '.' starting and ending with a letter or digit, optionally after a DNS-subdomain"
            + " prefix and '/' (e.g. team or example.com/team)");
      }
      if (!value.isEmpty() && !NAME_PATTERN.matcher(value).matches()) {
        throw ApiErrors.invalid(named, "label value '" + BoundedText.quoted(value) + "' must be empty or 1-63"
            + " letters, digits, '-', '_' or '.' starting and ending with a letter or digit");
      }
    });
    return sorted;
  }

  private static boolean validKey(String key) {
    int slash = key.indexOf('/');
    if (slash < 0) {
      return NAME_PATTERN.matcher(key).matches();
    }
    String prefix = key.substring(0, slash);
    return prefix.length() <= MAX_PREFIX && PREFIX.matcher(prefix).matches()
        && NAME_PATTERN.matcher(key.substring(slash + 1)).matches();
  }

  /** The values of the {@code NightshiftLabels} search attribute: one {@code key=value} per label. */
  static List<String> searchValues(Map<String, String> labels) {
    return new TreeMap<>(labels).entrySet().stream().map(e -> searchValue(e.getKey(), e.getValue())).toList();
  }

  static String searchValue(String key, String value) {
    return key + "=" + value;
  }

  /** The labels a task's memo holds; none for a task submitted without (or before labels existed). */
  @SuppressWarnings("unchecked")
  static Map<String, String> fromMemo(Map<String, Payload> memo, DataConverter converter) {
    Payload p = memo.get(MEMO_LABELS);
    if (p == null) {
      return Map.of();
    }
    Map<String, String> labels = converter.fromPayload(p, Map.class, Map.class);
    return labels == null ? Map.of() : labels;
  }
}
