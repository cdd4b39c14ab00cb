package io.nightshift.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * One value of a configuration file, with its key path and line. Every getter that finds the wrong shape records a
 * problem (naming the path, the line and what was there) and returns its fallback, so a reader goes on and the
 * document reports everything at once. A key the file does not have is an <em>absent</em> node: its getters return
 * their fallbacks without a problem, and its line is that of the mapping that lacks it.
 */
public final class ConfigNode {
  /** What a list item may be named by in paths ({@code pools[gpu]}); anything else keeps its index. */
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

  private final Node node;
  private final String path;
  private final int line;
  private final ConfigProblems problems;

  private ConfigNode(Node node, String path, int line, ConfigProblems problems) {
    this.node = node;
    this.path = path;
    this.line = line;
    this.problems = problems;
  }

  static ConfigNode root(Node node, ConfigProblems problems) {
    return new ConfigNode(node, "", lineOf(node, 0), problems);
  }

  /** Whether the file has this key (possibly with a null value). */
  public boolean isPresent() {
    return node != null;
  }

  public boolean isMapping() {
    return node instanceof MappingNode;
  }

  public boolean isList() {
    return node instanceof SequenceNode;
  }

  /** {@code pools[gpu].properties.price-per-unit-hour}; empty at the root. */
  public String path() {
    return path;
  }

  /** 1-based; for an absent key, the line of the mapping that lacks it; 0 when unknown. */
  public int line() {
    return line;
  }

  /** Records a problem at this node: {@code path (line n): message}. */
  public void problem(String message) {
    problems.add(path, line, message);
  }

  /** {@code missing; hint} when the file does not have this key or gives it no value; otherwise nothing. */
  public void require(String hint) {
    if (node == null || isNull(node)) {
      problem("missing; " + hint);
    }
  }

  /**
   * This node as the root of its own reading: paths start again here and problems go to {@code sink}. For a reader
   * that reports a part (a pipeline's step) in its own terms.
   */
  public ConfigNode scoped(ConfigProblems sink) {
    return new ConfigNode(node, "", line, sink);
  }

  /** A list item named in paths by its {@code key} ({@code pools[gpu]} rather than {@code pools[0]}), when that is a plain word. */
  public ConfigNode namedBy(String key) {
    int bracket = path.lastIndexOf('[');
    if (bracket < 0 || !path.endsWith("]")) {
      return this;
    }
    return get(key).peek().filter(v -> NAME.matcher(v).matches())
        .map(v -> new ConfigNode(node, path.substring(0, bracket) + "[" + v + "]", line, problems)).orElse(this);
  }

  // ---- structure

  /** Checks this is a mapping whose keys are all {@code allowed}, each once; returns this for chaining. */
  public ConfigNode keys(Set<String> allowed) {
    if (node == null) {
      return this;
    }
    if (!(node instanceof MappingNode map)) {
      problem("must be a mapping with keys " + allowed.stream().sorted().toList());
      return this;
    }
    for (Map.Entry<String, Node> e : tuples(map).entrySet()) {
      if (!allowed.contains(e.getKey())) {
        problems.add(child(e.getKey()), lineOf(e.getValue(), line), "unknown key; allowed here: "
            + allowed.stream().sorted().toList());
      }
    }
    return this;
  }

  /** The value under {@code key}; absent when this is not a mapping or has no such key. */
  public ConfigNode get(String key) {
    if (node instanceof MappingNode map) {
      for (NodeTuple t : map.getValue()) {
        if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
          return new ConfigNode(t.getValueNode(), child(key), lineOf(t.getValueNode(), line), problems);
        }
      }
    }
    return new ConfigNode(null, child(key), line, problems);
  }

  /** The items of a list ({@code path[i]}); none when absent; a problem naming {@code what} when not a list. */
  public List<ConfigNode> items(String what) {
    if (node == null || isNull(node)) {
      return List.of();
    }
    if (!(node instanceof SequenceNode seq)) {
      problem("must be a list of " + what);
      return List.of();
    }
    List<ConfigNode> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      out.add(new ConfigNode(item, path + "[" + out.size() + "]", lineOf(item, line), problems));
    }
    return out;
  }

  /** A mapping of free keys (tool properties, environment variables), in file order. */
  public Map<String, ConfigNode> entries() {
    Map<String, ConfigNode> out = new LinkedHashMap<>();
    if (node == null || isNull(node)) {
      return out;
    }
    if (!(node instanceof MappingNode map)) {
      problem("must be a mapping of key: value");
      return out;
    }
    tuples(map).keySet().forEach(key -> out.put(key, get(key)));
    return out;
  }

  // ---- values

  /** The text of a single value; empty when absent or null; a problem when it is a list or a mapping. */
  public Optional<String> string() {
    if (node == null) {
      return Optional.empty();
    }
    if (!(node instanceof ScalarNode)) {
      problem("must be a single value");
      return Optional.empty();
    }
    return peek();
  }

  public String string(String fallback) {
    return string().orElse(fallback);
  }

  /** The text of a single value, without recording anything when it is not one: for naming things in paths. */
  public Optional<String> peek() {
    return node instanceof ScalarNode s && !isNull(s) ? Optional.of(s.getValue()) : Optional.empty();
  }

  /** One of {@code allowed}, or {@code fallback} when absent. */
  public String oneOf(List<String> allowed, String fallback) {
    String v = string().orElse(null);
    if (v == null) {
      return fallback;
    }
    if (!allowed.contains(v)) {
      problem("must be " + (allowed.size() == 2 ? "'" + allowed.get(0) + "' or '" + allowed.get(1) + "'"
          : "one of " + allowed) + ", was '" + v + "'");
      return fallback;
    }
    return v;
  }

  /** A constant of {@code type}, named in any case ({@code ollama} for {@code OLLAMA}), or {@code fallback} when absent. */
  public <E extends Enum<E>> E enumValue(Class<E> type, E fallback) {
    String v = string().orElse(null);
    if (v == null) {
      return fallback;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(v.trim())) {
        return constant;
      }
    }
    problem("must be one of " + Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT))
        .toList() + ", was '" + v + "'");
    return fallback;
  }

  /** A whole number in [min, max] (no upper bound named when max is {@link Integer#MAX_VALUE}). */
  public int integer(int min, int max, int fallback) {
    return parsed(fallback, Integer::parseInt, i -> i >= min && i <= max,
        "a whole number " + (max == Integer.MAX_VALUE ? ">= " + min : "from " + min + " to " + max));
  }

  /** A number in [min, max] (no upper bound named when max is infinite). */
  public double decimal(double min, double max, double fallback) {
    return parsed(fallback, Double::parseDouble, d -> Double.isFinite(d) && d >= min && d <= max, "a number "
        + (max == Double.POSITIVE_INFINITY ? ">= " + plain(min) : "from " + plain(min) + " to " + plain(max)));
  }

  /** A number above 0 and at most {@code max} (no upper bound named when max is infinite). */
  public double positive(double max, double fallback) {
    return parsed(fallback, Double::parseDouble, d -> Double.isFinite(d) && d > 0 && d <= max,
        "a number " + (max == Double.POSITIVE_INFINITY ? "> 0" : "> 0 and <= " + plain(max)));
  }

  public boolean bool(boolean fallback) {
    return parsed(fallback, ConfigNode::trueOrFalse, b -> true, "true or false");
  }

  /** A positive duration: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 2h}, {@code 7d} or ISO-8601 ({@code PT1H}). */
  public Duration duration(Duration fallback) {
    return parsed(fallback, v -> Duration.ofMillis(Durations.parseMillis(v)), d -> d.toMillis() > 0,
        "a positive duration such as 30s, 10m, 2h or 7d");
  }

  /** A list of single values, {@code [a, b]}; null items are skipped. */
  public List<String> strings() {
    if (node instanceof ScalarNode && !isNull(node)) {
      problem("must be a list, e.g. [a, b]");
      return List.of();
    }
    return stringOrStrings();
  }

  /** Like {@link #strings()}, but a single value is read as a list of one. */
  public List<String> stringOrStrings() {
    if (node instanceof ScalarNode) {
      return peek().map(List::of).orElse(List.of());
    }
    List<String> out = new ArrayList<>();
    for (ConfigNode item : items("single values, e.g. [a, b]")) {
      item.string().ifPresent(out::add);
    }
    return out;
  }

  /**
   * Runs a constructor or builder that checks its own fields; what it refuses becomes a problem at this node, so a
   * domain type's own rules ("id must be 1-64 letters ...") are reported with the file's path and line.
   */
  public <T> Optional<T> build(Supplier<T> make) {
    try {
      return Optional.of(make.get());
    } catch (IllegalArgumentException | IllegalStateException e) {
      problem(String.valueOf(e.getMessage()));
      return Optional.empty();
    }
  }

  // ---- helpers

  /**
   * The single value read by {@code parse} (which may throw IllegalArgumentException) when {@code ok} accepts it;
   * otherwise a problem "must be {@code expected}, was '...'" and the fallback. Absent or null: the fallback.
   */
  private <T> T parsed(T fallback, Function<String, T> parse, Predicate<T> ok, String expected) {
    String v = string().orElse(null);
    if (v == null) {
      return fallback;
    }
    try {
      T value = parse.apply(v.trim());
      if (ok.test(value)) {
        return value;
      }
    } catch (IllegalArgumentException e) {
      // reported below, with what was expected
    }
    problem("must be " + expected + ", was '" + v + "'");
    return fallback;
  }

  private static boolean trueOrFalse(String v) {
    if (!v.equals("true") && !v.equals("false")) {
      throw new IllegalArgumentException(v);
    }
    return v.equals("true");
  }

  /** The scalar keys of a mapping, first occurrence wins; records non-scalar and repeated keys. */
  private Map<String, Node> tuples(MappingNode map) {
    Map<String, Node> out = new LinkedHashMap<>();
    Map<String, Integer> firstLine = new HashMap<>();
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        problems.add(path, lineOf(t.getKeyNode(), line), "keys must be plain words");
        continue;
      }
      Integer first = firstLine.putIfAbsent(k.getValue(), lineOf(k, line));
      if (first != null) {
        problems.add(child(k.getValue()), lineOf(k, line), "duplicate key; first set on line " + first);
        continue;
      }
      out.put(k.getValue(), k);
    }
    return out;
  }

  private String child(String key) {
    return path.isEmpty() ? key : path + "." + key;
  }

  private static boolean isNull(Node n) {
    return n instanceof ScalarNode && Tag.NULL.equals(n.getTag());
  }

  private static int lineOf(Node n, int fallback) {
    return n == null || n.getStartMark() == null ? fallback : n.getStartMark().getLine() + 1;
  }

  /** 0 rather than 0.0, 1000000000000 rather than 1.0E12. */
  private static String plain(double d) {
    return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
  }
}
