package io.nightshift.runtime.backends;

import io.nightshift.config.ConfigDocument;
import io.nightshift.config.ConfigException;
import io.nightshift.config.ConfigNode;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the backends file ({@code --backends FILE}) with the one config reader: collects every problem, then fails
 * once, naming the file and, for each problem, the key path and line ({@code pools[gpu].properties.price-per-unit-hour
 * (line 7): must be a number >= 0, was '-1'}).
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
 *     pickup_timeout_seconds: 30  # how long a call waits for a worker of the pool before it fails over
 * </pre>
 */
public final class BackendsFile {
  private static final Set<String> TOP_KEYS = Set.of("pools");
  private static final Set<String> POOL_KEYS = Set.of("id", "type", "speed", "models", "properties", "endpoints",
      "serve", "pickup_timeout_seconds");
  /**
   * Bounds of {@code pickup_timeout_seconds}: a worker takes a call within a second of it being queued, so one
   * second fails over as fast as is safe; past a day a dead pool would hold its steps longer than anyone waits.
   */
  static final int MIN_PICKUP_SECONDS = 1;
  static final int MAX_PICKUP_SECONDS = 86_400;
  private static final Set<String> SERVE_KEYS = Set.of("model", "source", "units", "slots", "keep_warm_seconds");
  private static final Set<String> ENDPOINT_KEYS = Set.of("model", "url");
  /** Keys every built-in factory reads as a price or power figure: checked here so the error names the key. */
  private static final Set<String> NON_NEGATIVE_NUMBERS = Set.of("price-per-unit-hour", "watts-per-unit");
  private static final Pattern POOL_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  private BackendsFile() {}

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
    try {
      ConfigDocument doc = ConfigDocument.parse(text, "backends file " + source);
      return doc.result(pools(doc.root()));
    } catch (ConfigException e) {
      throw new BackendsConfigException(e.getMessage(), e);
    }
  }

  private static List<PoolConfig> pools(ConfigNode root) {
    if (!root.isPresent()) {
      root.problem("file is empty; it needs a 'pools' list");
      return List.of();
    }
    if (!root.keys(TOP_KEYS).isMapping()) {
      return List.of();
    }
    ConfigNode pools = root.get("pools");
    List<ConfigNode> items = pools.isList() ? pools.items("pools") : List.of();
    if (items.isEmpty()) {
      pools.problem("must be a non-empty list of pools");
    }
    List<PoolConfig> out = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (ConfigNode item : items) {
      ConfigNode node = item.namedBy("id");
      pool(node).ifPresent(pool -> {
        if (!ids.add(pool.id())) {
          node.get("id").problem("two pools have this id; ids must be unique");
        }
        out.add(pool);
      });
    }
    return out;
  }

  private static Optional<PoolConfig> pool(ConfigNode pool) {
    if (!pool.keys(POOL_KEYS).isMapping()) {
      return Optional.empty();
    }
    pool.get("id").require("every pool needs an id");
    Optional<String> id = pool.get("id").string();
    if (id.isPresent() && !POOL_ID.matcher(id.get()).matches()) {
      pool.get("id").problem("must match " + POOL_ID.pattern()
          + " (it names the Temporal task queue backend-<id>), was '" + id.get() + "'");
      id = Optional.empty();
    }
    pool.get("type").require("e.g. nvidia, trainium, cpu, simulated");
    Optional<String> type = pool.get("type").string();
    double speed = pool.get("speed").positive(Double.POSITIVE_INFINITY, 1.0);
    List<String> models = pool.get("models").strings();
    Map<String, String> properties = properties(pool.get("properties"));
    List<EndpointConfig> endpoints = endpoints(pool.get("endpoints"));
    List<ServeConfig> serve = serve(pool.get("serve"));
    int pickup = pool.get("pickup_timeout_seconds").integer(MIN_PICKUP_SECONDS, MAX_PICKUP_SECONDS,
        (int) PoolConfig.DEFAULT_PICKUP_TIMEOUT.toSeconds());
    if (id.isEmpty() || type.isEmpty()) {
      return Optional.empty();
    }
    String poolId = id.get();
    return pool.build(() -> new PoolConfig(type.get(), poolId, properties, speed, models, endpoints, serve,
        Duration.ofSeconds(pickup)));
  }

  private static Map<String, String> properties(ConfigNode node) {
    Map<String, String> out = new LinkedHashMap<>();
    node.entries().forEach((key, v) -> {
      // a list is a command line, e.g. launch-command: [python3, -m, llama_cpp.server]
      Optional<String> value = v.isList() ? Optional.of(String.join(" ", v.strings())) : v.string();
      value.filter(s -> !s.isBlank()).ifPresent(s -> {
        if (NON_NEGATIVE_NUMBERS.contains(key)) {
          v.decimal(0, Double.POSITIVE_INFINITY, 0);
        }
        out.put(key, s);
      });
    });
    return out;
  }

  private static List<EndpointConfig> endpoints(ConfigNode node) {
    List<EndpointConfig> out = new ArrayList<>();
    for (ConfigNode e : node.items("{model, url}")) {
      if (!e.keys(ENDPOINT_KEYS).isMapping()) {
        continue;
      }
      e.get("model").require("the model the server serves");
      e.get("url").require("the server's address, e.g. http://127.0.0.1:8000");
      Optional<String> model = e.get("model").string();
      Optional<URI> url = e.get("url").string().flatMap(u -> httpUrl(e.get("url"), u));
      if (model.isPresent() && url.isPresent()) {
        out.add(new EndpointConfig(model.get(), url.get()));
      }
    }
    return out;
  }

  private static Optional<URI> httpUrl(ConfigNode node, String url) {
    try {
      URI uri = new URI(url);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
        return Optional.of(uri);
      }
    } catch (URISyntaxException e) {
      // reported below
    }
    node.problem("must be an http(s) URL such as http://127.0.0.1:8000, was '" + url + "'");
    return Optional.empty();
  }

  private static List<ServeConfig> serve(ConfigNode node) {
    List<ServeConfig> out = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (ConfigNode s : node.items("{model, source, units, slots, keep_warm_seconds}")) {
      if (!s.keys(SERVE_KEYS).isMapping()) {
        continue;
      }
      s.get("model").require("the model's name, as steps require it");
      s.get("source").require("what the launch template's {model} becomes, e.g. a GGUF path");
      Optional<String> model = s.get("model").string();
      Optional<String> source = s.get("source").string();
      int units = s.get("units").integer(1, Integer.MAX_VALUE, 1);
      int slots = s.get("slots").integer(1, Integer.MAX_VALUE, 1);
      int warm = s.get("keep_warm_seconds").integer(0, Integer.MAX_VALUE,
          (int) ServeConfig.DEFAULT_KEEP_WARM.toSeconds());
      if (model.isPresent() && !seen.add(model.get())) {
        s.get("model").problem("model '" + model.get() + "' is listed twice");
      } else if (model.isPresent() && source.isPresent()) {
        out.add(new ServeConfig(model.get(), source.get(), units, slots, Duration.ofSeconds(warm)));
      }
    }
    return out;
  }
}
