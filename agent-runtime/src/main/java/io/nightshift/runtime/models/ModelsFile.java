package io.nightshift.runtime.models;

import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.PriceBasis;
import io.nightshift.models.endpoint.Provider;
import io.nightshift.models.endpoint.StructuredOutput;
import io.nightshift.workflows.task.replan.ReplanPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The model endpoints agent steps may call ({@code --models FILE}), read and checked at start so a typo fails the
 * start naming the file, the endpoint and the key:
 *
 * <pre>
 * endpoints:
 *   - id: local-llama                       # what agent steps name in 'model:'
 *     base_url: http://127.0.0.1:8080/v1    # OpenAI-compatible (vLLM, NIM, llama.cpp, TGI, LM Studio) or Ollama
 *     model: smollm2
 *     provider: openai_compatible           # or ollama
 *     max_concurrency: 1                    # the server's parallel slots
 *     price_per_1k_input: "0.0004"
 *     price_per_1k_output: "0.0012"
 *     structured_output: json_schema        # or json_object_with_schema (llama-cpp-python)
 *     request_timeout_seconds: 300          # one call's limit (default 120); a loaded CPU server needs more
 * planner:                                  # optional: plans tasks submitted with a goal and no pipeline
 *   endpoint: local-llama                   # an id from 'endpoints'
 *   agent_endpoint: local-llama             # where agent steps of its plans run; omit for tool steps only
 *   agent_max_turns: 4
 *   max_repairs: 2                          # invalid plans sent back to the model with the problems
 *   max_output_tokens: 512
 *   tools: [data.read_csv, table.describe]   # what its plans may use; omit for every registered tool
 *   step_kinds: [tool, agent]               # the steps its plans may have (default: tool, and agent with
 *                                           # agent_endpoint); [agent] for plans of agents only
 *   replan: {max_versions: 3, approval: none}   # default for goal-only tasks; approval: required to review
 * </pre>
 */
public final class ModelsFile {
  private static final Set<String> KEYS = Set.of("id", "base_url", "model", "provider", "max_concurrency",
      "price_per_1k_input", "price_per_1k_output", "structured_output", "api_key_env", "request_timeout_seconds");
  /** Top-level sections; {@code mcp} is read by {@code McpServersFile}. */
  private static final Set<String> TOP_KEYS = Set.of("endpoints", "planner", "mcp");
  private static final Set<String> PLANNER_KEYS = Set.of("endpoint", "agent_endpoint", "agent_max_turns",
      "max_repairs", "max_output_tokens", "replan", "tools", "step_kinds");
  private static final Set<String> REPLAN_KEYS = Set.of("max_versions", "approval");

  private ModelsFile() {}

  public static List<ModelEndpointConfig> read(Path file) {
    Map<?, ?> top = load(file);
    if (!(top.get("endpoints") instanceof List<?> endpoints)) {
      throw new IllegalArgumentException("models file " + file + ": needs a list under 'endpoints'");
    }
    List<ModelEndpointConfig> out = new ArrayList<>();
    int index = 0;
    for (Object item : endpoints) {
      index++;
      if (!(item instanceof Map<?, ?> e)) {
        throw new IllegalArgumentException("models file " + file + ", endpoint #" + index + ": must be a mapping");
      }
      String where = "models file " + file + ", endpoint '" + e.get("id") + "'";
      for (Object key : e.keySet()) {
        if (!KEYS.contains(String.valueOf(key))) {
          throw new IllegalArgumentException(where + ": unknown key '" + key + "'; known: " + KEYS);
        }
      }
      try {
        out.add(endpoint(e));
      } catch (RuntimeException ex) {
        throw new IllegalArgumentException(where + ": " + ex.getMessage(), ex);
      }
    }
    return out;
  }

  /** The {@code planner:} section, checked against the file's endpoints; empty when the file has none. */
  public static Optional<PlannerSettings> planner(Path file) {
    Map<?, ?> top = load(file);
    Object section = top.get("planner");
    if (section == null) {
      return Optional.empty();
    }
    String where = "models file " + file + ", planner";
    if (!(section instanceof Map<?, ?> p)) {
      throw new IllegalArgumentException(where + ": must be a mapping with " + PLANNER_KEYS);
    }
    known(p, PLANNER_KEYS, where);
    Set<String> ids = new TreeSet<>();
    read(file).forEach(e -> ids.add(e.id()));
    String endpoint = str(p, "endpoint");
    if (endpoint == null || !ids.contains(endpoint)) {
      throw new IllegalArgumentException(where + ": 'endpoint' must name one of the endpoints " + ids + ", was "
          + endpoint);
    }
    String agent = str(p, "agent_endpoint");
    if (agent != null && !ids.contains(agent)) {
      throw new IllegalArgumentException(where + ": 'agent_endpoint' must name one of the endpoints " + ids
          + ", was " + agent);
    }
    return Optional.of(new PlannerSettings(endpoint, agent, integer(p, "agent_max_turns", 4, 1, 1000, where),
        integer(p, "max_repairs", 2, 0, 20, where), integer(p, "max_output_tokens", 512, 16, 32_768, where),
        replan(p.get("replan"), where + ".replan"), tools(p.get("tools"), where),
        agentStepsOnly(p.get("step_kinds"), agent, where)));
  }

  /** {@code step_kinds}: [tool], [agent] or both; agent steps need an agent endpoint. */
  private static boolean agentStepsOnly(Object node, String agentEndpoint, String where) {
    if (node == null) {
      return false;
    }
    List<String> kinds = node instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
    if (kinds.isEmpty() || !List.of("tool", "agent").containsAll(kinds)) {
      throw new IllegalArgumentException(where + ": 'step_kinds' must list tool, agent or both, was " + node);
    }
    if (kinds.contains("agent") && agentEndpoint == null) {
      throw new IllegalArgumentException(where + ": 'step_kinds' has agent, which needs 'agent_endpoint'");
    }
    return !kinds.contains("tool");
  }

  private static List<String> tools(Object node, String where) {
    if (node == null) {
      return List.of();
    }
    if (!(node instanceof List<?> list) || list.isEmpty()) {
      throw new IllegalArgumentException(where + ": 'tools' must be a non-empty list of tool names");
    }
    return list.stream().map(String::valueOf).toList();
  }

  private static ReplanPolicy replan(Object node, String where) {
    if (node == null) {
      return PlannerSettings.DEFAULT_REPLAN;
    }
    if (!(node instanceof Map<?, ?> r)) {
      throw new IllegalArgumentException(where + ": must be a mapping with " + REPLAN_KEYS);
    }
    known(r, REPLAN_KEYS, where);
    String approval = r.containsKey("approval") ? str(r, "approval") : "none";
    if (!approval.equals("none") && !approval.equals("required")) {
      throw new IllegalArgumentException(where + ": 'approval' must be 'required' or 'none', was '" + approval + "'");
    }
    return new ReplanPolicy(integer(r, "max_versions",
        PlannerSettings.DEFAULT_REPLAN.maxVersions(), 1, ReplanPolicy.MAX_VERSIONS_LIMIT,
        where), approval.equals("required"));
  }

  private static int integer(Map<?, ?> m, String key, int fallback, int min, int max, String where) {
    if (!m.containsKey(key)) {
      return fallback;
    }
    try {
      int v = Integer.parseInt(String.valueOf(m.get(key)).trim());
      if (v < min || v > max) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(where + ": '" + key + "' must be a whole number in [" + min + ", " + max
          + "], was '" + m.get(key) + "'");
    }
  }

  private static void known(Map<?, ?> m, Set<String> keys, String where) {
    for (Object key : m.keySet()) {
      if (!keys.contains(String.valueOf(key))) {
        throw new IllegalArgumentException(where + ": unknown key '" + key + "'; known: " + new TreeSet<>(keys));
      }
    }
  }

  private static Map<?, ?> load(Path file) {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("models file " + file + ": cannot read it: " + e.getMessage(), e);
    }
    if (!(root instanceof Map<?, ?> top)) {
      throw new IllegalArgumentException("models file " + file + ": needs a list under 'endpoints'");
    }
    known(top, TOP_KEYS, "models file " + file);
    return top;
  }

  private static ModelEndpointConfig endpoint(Map<?, ?> e) {
    var b = ModelEndpointConfig.custom()
        .id(str(e, "id"))
        .baseUrl(str(e, "base_url"))
        .modelName(str(e, "model"))
        .provider(Provider.valueOf(e.containsKey("provider") ? upper(e, "provider") : "OPENAI_COMPATIBLE"))
        .priceBasis(e.containsKey("price_per_1k_input") || e.containsKey("price_per_1k_output")
            ? PriceBasis.per1k(orZero(e, "price_per_1k_input"), orZero(e, "price_per_1k_output"))
            : PriceBasis.FREE);
    if (e.containsKey("max_concurrency")) {
      b.maxConcurrency(Integer.parseInt(String.valueOf(e.get("max_concurrency"))));
    }
    if (e.containsKey("structured_output")) {
      b.structuredOutput(StructuredOutput.valueOf(upper(e, "structured_output")));
    }
    if (e.containsKey("request_timeout_seconds")) {
      b.requestTimeout(Duration.ofSeconds(Long.parseLong(str(e, "request_timeout_seconds"))));
    }
    if (e.containsKey("api_key_env")) {
      // secrets come from the environment, never from the file
      b.apiKey(System.getenv(str(e, "api_key_env")));
    }
    return b.build();
  }

  private static String str(Map<?, ?> e, String key) {
    Object v = e.get(key);
    return v == null ? null : String.valueOf(v);
  }

  private static String orZero(Map<?, ?> e, String key) {
    return e.containsKey(key) ? String.valueOf(e.get(key)) : "0";
  }

  private static String upper(Map<?, ?> e, String key) {
    return str(e, key).toUpperCase(Locale.ROOT);
  }
}
