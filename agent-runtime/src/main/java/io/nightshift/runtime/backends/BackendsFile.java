package io.nightshift.runtime.backends;

import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads the backends file ({@code --backends FILE}). Works on SnakeYAML's node tree so every problem names its
 * line; collects all shape problems, then fails once, naming the file, the pool and the key of each.
 *
 * <pre>
 * pools:
 *   - id: gpu-node            # task queue backend-gpu-node
 *     type: nvidia            # factory type
 *     speed: 4                # relative work per unit-hour, for placement (default 1)
 *     models: [llama-3.1-8b]  # served models; omit for any
 *     properties:             # the factory's keys: tool paths, price per device-hour, launch templates
 *       nvidia-smi: /usr/bin/nvidia-smi
 *       price-per-unit-hour: 6.15
 *     endpoints:              # model servers already running, attached (never stopped)
 *       - {model: llama-3.1-8b, url: "http://127.0.0.1:8000"}
 *     serve:                  # models it starts a server for on a lease, for agent steps placed here
 *       - {model: smollm2, source: /models/smollm2.gguf, units: 1, slots: 1, keep_warm_seconds: 300}
 * </pre>
 */
public final class BackendsFile {
  private static final Set<String> TOP_KEYS = Set.of("pools");
  private static final Set<String> POOL_KEYS = Set.of("id", "type", "speed", "models", "properties", "endpoints",
      "serve");
  private static final Set<String> SERVE_KEYS = Set.of("model", "source", "units", "slots", "keep_warm_seconds");
  private static final Set<String> ENDPOINT_KEYS = Set.of("model", "url");
  /** Keys every built-in factory reads as a price or power figure: checked here so the error names the key. */
  private static final Set<String> NON_NEGATIVE_NUMBERS = Set.of("price-per-unit-hour", "watts-per-unit");
  private static final Pattern POOL_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");
  private static final int MAX_CHARS = 1_000_000;

  private final String source;
  private final List<String> problems = new ArrayList<>();

  private BackendsFile(String source) {
    this.source = source;
  }

  public static List<PoolConfig> read(Path file) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new BackendsConfigException("cannot read backends file " + file.toAbsolutePath() + " (" + e
          + "); check --backends", e);
    }
    return parse(text, file.toAbsolutePath().toString());
  }

  /** @param source the file name, used in every error */
  public static List<PoolConfig> parse(String text, String source) {
    return new BackendsFile(source).parse(text);
  }

  private List<PoolConfig> parse(String text) {
    if (text.length() > MAX_CHARS) {
      throw new BackendsConfigException(where(null, null, null) + ": file is " + text.length()
          + " characters; the limit is " + MAX_CHARS);
    }
    Node root = compose(text);
    if (!(root instanceof MappingNode top)) {
      throw new BackendsConfigException(where(null, null, root)
          + ": expected a mapping with a 'pools' list (see BackendsFile's javadoc)");
    }
    Map<String, Node> fields = fields(top, null, "", TOP_KEYS);
    Node poolsNode = fields.get("pools");
    List<PoolConfig> pools = new ArrayList<>();
    if (!(poolsNode instanceof SequenceNode seq) || seq.getValue().isEmpty()) {
      problems.add(where(null, "pools", poolsNode == null ? top : poolsNode) + ": must be a non-empty list of pools");
    } else {
      Set<String> ids = new HashSet<>();
      for (int i = 0; i < seq.getValue().size(); i++) {
        PoolConfig pool = pool(seq.getValue().get(i), i);
        if (pool != null && !ids.add(pool.id())) {
          problems.add(where(pool.id(), "id", seq.getValue().get(i)) + ": two pools have this id; ids must be unique");
        }
        if (pool != null) {
          pools.add(pool);
        }
      }
    }
    if (!problems.isEmpty()) {
      throw new BackendsConfigException(problems.size() == 1 ? problems.get(0)
          : problems.size() + " problems:\n  " + String.join("\n  ", problems));
    }
    return pools;
  }

  private PoolConfig pool(Node node, int index) {
    String label = "#" + (index + 1);
    if (!(node instanceof MappingNode map)) {
      problems.add(where(label, null, node) + ": a pool must be a mapping with 'id' and 'type'");
      return null;
    }
    // Name the pool by its id in every error, when it has a usable one.
    String named = map.getValue().stream()
        .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals("id")
            && t.getValueNode() instanceof ScalarNode v && POOL_ID.matcher(v.getValue()).matches())
        .map(t -> ((ScalarNode) t.getValueNode()).getValue()).findFirst().orElse(label);
    Map<String, Node> f = fields(map, named, "", POOL_KEYS);
    String id = scalar(f.get("id"), label, "id");
    if (id != null && !POOL_ID.matcher(id).matches()) {
      problems.add(where(label, "id", f.get("id")) + ": must match " + POOL_ID.pattern()
          + " (it names the Temporal task queue backend-<id>), was '" + id + "'");
      id = null;
    } else if (id == null) {
      problems.add(where(label, "id", map) + ": missing; every pool needs an id");
    }
    String name = id == null ? label : id;
    String type = scalar(f.get("type"), name, "type");
    if (type == null) {
      problems.add(where(name, "type", map) + ": missing; e.g. nvidia, trainium, cpu, simulated");
    }
    double speed = 1.0;
    String rawSpeed = scalar(f.get("speed"), name, "speed");
    if (rawSpeed != null) {
      speed = number(rawSpeed, name, "speed", f.get("speed"), false);
    }
    List<String> models = words(f.get("models"), name, "models");
    Map<String, String> properties = properties(f.get("properties"), name);
    List<EndpointConfig> endpoints = endpoints(f.get("endpoints"), name);
    List<ServeConfig> serve = serve(f.get("serve"), name);
    if (id == null || type == null || !(speed > 0)) {
      return null;
    }
    return new PoolConfig(type, id, properties, speed, models, endpoints, serve);
  }

  private Map<String, String> properties(Node node, String pool) {
    Map<String, String> out = new LinkedHashMap<>();
    if (node == null) {
      return out;
    }
    if (!(node instanceof MappingNode map)) {
      problems.add(where(pool, "properties", node) + ": must be a mapping of key: value");
      return out;
    }
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        problems.add(where(pool, "properties", t.getKeyNode()) + ": keys must be plain words");
        continue;
      }
      String key = k.getValue();
      Node v = t.getValueNode();
      String value = v instanceof SequenceNode ? String.join(" ", words(v, pool, "properties." + key))
          : scalar(v, pool, "properties." + key);
      if (value == null) {
        continue;
      }
      if (NON_NEGATIVE_NUMBERS.contains(key)) {
        number(value, pool, "properties." + key, v, true);
      }
      out.put(key, value);
    }
    return out;
  }

  private List<EndpointConfig> endpoints(Node node, String pool) {
    List<EndpointConfig> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!(node instanceof SequenceNode seq)) {
      problems.add(where(pool, "endpoints", node) + ": must be a list of {model, url}");
      return out;
    }
    for (int i = 0; i < seq.getValue().size(); i++) {
      Node e = seq.getValue().get(i);
      String key = "endpoints[" + i + "]";
      if (!(e instanceof MappingNode map)) {
        problems.add(where(pool, key, e) + ": must be a mapping {model, url}");
        continue;
      }
      Map<String, Node> f = fields(map, pool, key + ".", ENDPOINT_KEYS);
      String model = scalar(f.get("model"), pool, key + ".model");
      String url = scalar(f.get("url"), pool, key + ".url");
      if (model == null || url == null) {
        problems.add(where(pool, key, e) + ": needs both 'model' and 'url'");
        continue;
      }
      try {
        URI uri = new URI(url);
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
          throw new URISyntaxException(url, "not an http(s) URL with a host");
        }
        out.add(new EndpointConfig(model, uri));
      } catch (URISyntaxException ex) {
        problems.add(where(pool, key + ".url", f.get("url")) + ": must be an http(s) URL such as "
            + "http://127.0.0.1:8000, was '" + url + "'");
      }
    }
    return out;
  }

  private List<ServeConfig> serve(Node node, String pool) {
    List<ServeConfig> out = new ArrayList<>();
    if (node == null) {
      return out;
    }
    if (!(node instanceof SequenceNode seq)) {
      problems.add(where(pool, "serve", node) + ": must be a list of {model, source, units, slots, keep_warm_seconds}");
      return out;
    }
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < seq.getValue().size(); i++) {
      Node e = seq.getValue().get(i);
      String key = "serve[" + i + "]";
      if (!(e instanceof MappingNode map)) {
        problems.add(where(pool, key, e) + ": must be a mapping {model, source, units, slots, keep_warm_seconds}");
        continue;
      }
      Map<String, Node> f = fields(map, pool, key + ".", SERVE_KEYS);
      String model = scalar(f.get("model"), pool, key + ".model");
      String source = scalar(f.get("source"), pool, key + ".source");
      if (model == null || source == null) {
        problems.add(where(pool, key, e) + ": needs 'model' (the name steps require) and 'source' (what the launch"
            + " template's {model} becomes, e.g. a GGUF path)");
        continue;
      }
      if (!seen.add(model)) {
        problems.add(where(pool, key + ".model", f.get("model")) + ": model '" + model + "' is listed twice");
        continue;
      }
      double units = whole(f.get("units"), pool, key + ".units", 1, 1);
      double slots = whole(f.get("slots"), pool, key + ".slots", 1, 1);
      double warm = whole(f.get("keep_warm_seconds"), pool, key + ".keep_warm_seconds", 0,
          ServeConfig.DEFAULT_KEEP_WARM.toSeconds());
      if (Double.isFinite(units) && Double.isFinite(slots) && Double.isFinite(warm)) {
        out.add(new ServeConfig(model, source, (int) units, (int) slots, java.time.Duration.ofSeconds((long) warm)));
      }
    }
    return out;
  }

  /** A whole number >= min, or {@code absent} when the key is not there; NaN (and a problem) when it is bad. */
  private double whole(Node node, String pool, String key, long min, long absent) {
    String raw = scalar(node, pool, key);
    if (raw == null) {
      return absent;
    }
    try {
      long v = Long.parseLong(raw);
      if (v >= min && v <= Integer.MAX_VALUE) {
        return v;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    problems.add(where(pool, key, node) + ": must be a whole number >= " + min + ", was '" + raw + "'");
    return Double.NaN;
  }

  private double number(String raw, String pool, String key, Node node, boolean zeroAllowed) {
    double v;
    try {
      v = Double.parseDouble(raw);
    } catch (NumberFormatException e) {
      v = Double.NaN;
    }
    boolean ok = Double.isFinite(v) && (zeroAllowed ? v >= 0 : v > 0);
    if (!ok) {
      problems.add(where(pool, key, node) + ": must be a number " + (zeroAllowed ? ">= 0" : "> 0") + ", was '"
          + raw + "'");
      return Double.NaN;
    }
    return v;
  }

  private Map<String, Node> fields(MappingNode map, String pool, String prefix, Set<String> allowed) {
    Map<String, Node> out = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      if (!(t.getKeyNode() instanceof ScalarNode k)) {
        problems.add(where(pool, prefix.isEmpty() ? null : prefix, t.getKeyNode()) + ": keys must be plain words");
        continue;
      }
      if (!allowed.contains(k.getValue())) {
        problems.add(where(pool, prefix + k.getValue(), k) + ": unknown key; allowed here: "
            + allowed.stream().sorted().toList());
        continue;
      }
      out.put(k.getValue(), t.getValueNode());
    }
    return out;
  }

  private String scalar(Node node, String pool, String key) {
    if (node == null) {
      return null;
    }
    if (!(node instanceof ScalarNode s)) {
      problems.add(where(pool, key, node) + ": must be a single value");
      return null;
    }
    String v = s.getValue().trim();
    return v.isEmpty() || v.equals("~") || v.equals("null") ? null : v;
  }

  private List<String> words(Node node, String pool, String key) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof SequenceNode seq)) {
      problems.add(where(pool, key, node) + ": must be a list, e.g. [a, b]");
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (Node item : seq.getValue()) {
      String v = scalar(item, pool, key);
      if (v != null) {
        out.add(v);
      }
    }
    return out;
  }

  private Node compose(String text) {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    options.setMaxAliasesForCollections(20);
    try {
      Node root = new Yaml(options).compose(new StringReader(text));
      if (root == null) {
        throw new BackendsConfigException(where(null, null, null) + ": file is empty; it needs a 'pools' list");
      }
      return root;
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 0 : e.getProblemMark().getLine() + 1;
      throw new BackendsConfigException("backends file " + source + " (line " + line + "): not valid YAML: "
          + e.getProblem(), e);
    } catch (YAMLException e) {
      throw new BackendsConfigException("backends file " + source + ": not valid YAML: " + e.getMessage(), e);
    }
  }

  /** "backends file F, pool 'p', key 'k' (line n)". */
  private String where(String pool, String key, Node node) {
    StringBuilder sb = new StringBuilder("backends file ").append(source);
    if (pool != null) {
      sb.append(", pool ").append(pool.startsWith("#") ? pool : "'" + pool + "'");
    }
    if (key != null) {
      sb.append(", key '").append(key).append("'");
    }
    if (node != null) {
      sb.append(" (line ").append(node.getStartMark().getLine() + 1).append(')');
    }
    return sb.toString();
  }
}
