package io.nightshift.runtime.models;

import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.PriceBasis;
import io.nightshift.models.endpoint.Provider;
import io.nightshift.models.endpoint.StructuredOutput;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
 * </pre>
 */
public final class ModelsFile {
  private static final Set<String> KEYS = Set.of("id", "base_url", "model", "provider", "max_concurrency",
      "price_per_1k_input", "price_per_1k_output", "structured_output", "api_key_env");

  private ModelsFile() {}

  public static List<ModelEndpointConfig> read(Path file) {
    Object root;
    try {
      root = new Yaml(new SafeConstructor(new LoaderOptions())).load(Files.readString(file));
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException("models file " + file + ": cannot read it: " + e.getMessage(), e);
    }
    if (!(root instanceof Map<?, ?> top) || !(top.get("endpoints") instanceof List<?> endpoints)) {
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
