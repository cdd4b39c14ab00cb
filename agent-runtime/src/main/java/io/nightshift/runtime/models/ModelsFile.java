package io.nightshift.runtime.models;

import io.nightshift.config.ConfigDocument;
import io.nightshift.config.ConfigNode;
import io.nightshift.config.ConfigProblems;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.PriceBasis;
import io.nightshift.models.endpoint.Provider;
import io.nightshift.models.endpoint.StructuredOutput;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The model endpoints agent steps may call ({@code --models FILE}), read and checked at start with the one config
 * reader, so a typo fails the start naming the file and, for every problem at once, the key path and line
 * ({@code endpoints[local-llama].max_concurrency (line 6): must be a whole number >= 1, was '0'}):
 *
 * <pre>
 * endpoints:
 *   - id: local-llama                       # what agent steps name in 'model:'
 *     base_url: http://127.0.0.1:8080/v1    # OpenAI-compatible (vLLM, NIM, llama.cpp, TGI, LM Studio) or Ollama
 *     # or, for several servers of the same model, instead of base_url:
 *     # replicas: [http://127.0.0.1:8081/v1, http://127.0.0.1:8082/v1]
 *     # each its own endpoint (local-llama.1, local-llama.2) with its own circuit breaker and bulkhead, every other
 *     # setting shared; a call naming local-llama goes to the least-loaded replica whose circuit is closed
 *     model: smollm2
 *     provider: openai_compatible           # or ollama
 *     max_concurrency: 1                    # the server's parallel slots
 *     queue_depth: 1                        # requests kept waiting at the server beyond its slots, so no slot
 *                                           # idles between our calls (default: half the slots, at least 1; 0: none)
 *     price_per_1k_input: "0.0004"
 *     price_per_1k_output: "0.0012"
 *     structured_output: json_schema        # or json_object_with_schema (llama-cpp-python)
 *     request_timeout_seconds: 300          # one call's limit (default 120); a loaded CPU server needs more
 *     context_window: 8192                  # tokens, prompt and answer (the server's n_ctx / max_model_len)
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
 *   context: {strategy: compact, keep_last_turns: 4}   # for its agent steps, as an agent step's context:
 *   loop_guard: {max_repeats: 5, max_consecutive_failures: 5}   # for its agent steps, as an agent step's
 * </pre>
 *
 * Both entry points check the whole file (endpoints and planner) and fail listing every problem of either part.
 */
public final class ModelsFile {
  private static final Set<String> KEYS = Set.of("id", "base_url", "model", "provider", "max_concurrency",
      "price_per_1k_input", "price_per_1k_output", "structured_output", "api_key_env", "request_timeout_seconds",
      "context_window", "queue_depth", "replicas");
  /** Top-level sections; {@code mcp} is read by {@code McpServersFile}. */
  private static final Set<String> TOP_KEYS = Set.of("endpoints", "planner", "mcp");
  private static final int DEFAULT_TIMEOUT_SECONDS = 120;

  private ModelsFile() {}

  public static List<ModelEndpointConfig> read(Path file) {
    return contents(file).endpoints();
  }

  /** The {@code planner:} section, checked against the file's endpoints; empty when the file has none. */
  public static Optional<PlannerSettings> planner(Path file) {
    return contents(file).planner();
  }

  private record Contents(List<ModelEndpointConfig> endpoints, Optional<PlannerSettings> planner) {}

  private static Contents contents(Path file) {
    ConfigDocument doc = ConfigDocument.read(file, "models file");
    ConfigNode root = doc.root();
    root.keys(TOP_KEYS);
    ConfigNode list = root.get("endpoints");
    if (!list.isList()) {
      list.problem("must be a list of endpoints (see ModelsFile's javadoc)");
    }
    List<ModelEndpointConfig> endpoints = new ArrayList<>();
    Set<String> ids = new TreeSet<>();
    for (ConfigNode item : list.isList() ? list.items("endpoints") : List.<ConfigNode>of()) {
      ConfigNode e = item.namedBy("id");
      e.get("id").peek().ifPresent(ids::add);
      endpoints.addAll(endpoints(e));
    }
    Optional<PlannerSettings> planner = PlannerSection.read(root.get("planner"), ids);
    return doc.result(new Contents(endpoints, planner));
  }

  /** One entry: one endpoint, or with {@code replicas} one endpoint per replica, all replicas of the entry's id. */
  private static List<ModelEndpointConfig> endpoints(ConfigNode e) {
    if (!e.keys(KEYS).isMapping()) {
      return List.of();
    }
    e.get("id").require("what agent steps name in 'model:'");
    e.get("model").require("the model name the server knows");
    ConfigNode replicas = e.get("replicas");
    if (!replicas.isPresent()) {
      e.get("base_url").require("the server's address, e.g. http://127.0.0.1:8080/v1");
      return endpoint(e, e.get("base_url").string(), Optional.empty()).stream().toList();
    }
    if (e.get("base_url").isPresent()) {
      replicas.problem("give either base_url (one server) or replicas (several servers of the model), not both");
      return List.of();
    }
    List<String> urls = new ArrayList<>();
    for (ConfigNode url : replicas.items("base URLs, e.g. [http://127.0.0.1:8081/v1, http://127.0.0.1:8082/v1]")) {
      // each address checked here, at its own line; the entry's other settings once, with the first replica
      url.string().flatMap(u -> url.build(() -> ModelEndpointConfig.custom().baseUrl(u)).map(b -> u))
          .ifPresent(urls::add);
    }
    if (replicas.isList() && replicas.items("base URLs").isEmpty()) {
      replicas.problem("must list at least one base URL, e.g. [http://127.0.0.1:8081/v1, http://127.0.0.1:8082/v1]");
    }
    List<ModelEndpointConfig> out = new ArrayList<>();
    for (int i = 0; i < urls.size(); i++) {
      ConfigNode settings = i == 0 ? e : e.scoped(new ConfigProblems());
      endpoint(settings, Optional.of(urls.get(i)), Optional.of(i + 1)).ifPresent(out::add);
    }
    return out;
  }

  /** @param replica the replica's number (from 1) when the entry lists replicas: its id is the entry's + ".n" */
  private static Optional<ModelEndpointConfig> endpoint(ConfigNode e, Optional<String> baseUrl,
      Optional<Integer> replica) {
    Optional<String> id = e.get("id").string();
    Optional<String> model = e.get("model").string();
    Provider provider = e.get("provider").enumValue(Provider.class, Provider.OPENAI_COMPATIBLE);
    Optional<String> input = price(e.get("price_per_1k_input"));
    Optional<String> output = price(e.get("price_per_1k_output"));
    ConfigNode concurrency = e.get("max_concurrency");
    int maxConcurrency = concurrency.integer(1, Integer.MAX_VALUE, 1);
    ConfigNode queue = e.get("queue_depth");
    int queueDepth = queue.integer(0, Integer.MAX_VALUE, 0);
    ConfigNode structured = e.get("structured_output");
    StructuredOutput structuredOutput = structured.enumValue(StructuredOutput.class, StructuredOutput.JSON_SCHEMA);
    int timeout = e.get("request_timeout_seconds").integer(1, Integer.MAX_VALUE, DEFAULT_TIMEOUT_SECONDS);
    Optional<String> keyEnv = e.get("api_key_env").string();
    ConfigNode window = e.get("context_window");
    int contextWindow = window.integer(ModelEndpointConfig.MIN_CONTEXT_WINDOW, Integer.MAX_VALUE, 0);
    if (id.isEmpty() || baseUrl.isEmpty() || model.isEmpty()) {
      return Optional.empty();
    }
    return e.build(() -> {
      var b = ModelEndpointConfig.custom().id(replica.map(n -> id.get() + "." + n).orElse(id.get()))
          .baseUrl(baseUrl.get()).modelName(model.get())
          .provider(provider).requestTimeout(Duration.ofSeconds(timeout))
          .priceBasis(input.isEmpty() && output.isEmpty() ? PriceBasis.FREE
              : PriceBasis.per1k(input.orElse("0"), output.orElse("0")));
      if (concurrency.isPresent()) {
        b.maxConcurrency(maxConcurrency);
      }
      if (queue.isPresent()) {
        b.queueDepth(queueDepth);
      }
      if (structured.isPresent()) {
        b.structuredOutput(structuredOutput);
      }
      replica.ifPresent(n -> b.replicaOf(id.get()));
      if (contextWindow > 0) {
        b.contextWindow(contextWindow);
      }
      // secrets come from the environment, never from the file
      keyEnv.ifPresent(name -> b.apiKey(System.getenv(name)));
      return b.build();
    });
  }

  /** A price as written (kept as text for BigDecimal), when it is a number >= 0. */
  private static Optional<String> price(ConfigNode node) {
    Optional<String> text = node.string();
    if (text.isPresent() && node.decimal(0, Double.POSITIVE_INFINITY, -1) < 0) {
      return Optional.empty();
    }
    return text.map(String::trim);
  }
}
