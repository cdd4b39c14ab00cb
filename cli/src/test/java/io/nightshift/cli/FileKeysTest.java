package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.planners.declarative.ContextBlock;
import io.nightshift.planners.declarative.LoopGuardBlock;
import io.nightshift.runtime.backends.BackendsFile;
import io.nightshift.runtime.mcp.McpServersFile;
import io.nightshift.runtime.models.ModelsFile;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link FileKeys} names every key the backends and models files' readers accept, and no other: their key sets are
 * private, so they are read here by reflection, and an example file with every listed key must parse.
 */
class FileKeysTest {
  @TempDir Path dir;

  @Test
  void shouldListTheBackendsReadersKeysExactly() throws Exception {
    Map<String, Set<String>> accepted = new LinkedHashMap<>();
    accepted.put("", keys(BackendsFile.class, "TOP_KEYS"));
    accepted.put("pools[].", keys(BackendsFile.class, "POOL_KEYS"));
    accepted.put("pools[].endpoints[].", keys(BackendsFile.class, "ENDPOINT_KEYS"));
    accepted.put("pools[].serve[].", keys(BackendsFile.class, "SERVE_KEYS"));

    assertThat(bySection(FileKeys.BACKENDS)).isEqualTo(new TreeMap<>(accepted));
  }

  @Test
  void shouldListTheModelsReadersKeysExactly() throws Exception {
    Class<?> planner = Class.forName("io.nightshift.runtime.models.PlannerSection");
    Map<String, Set<String>> accepted = new LinkedHashMap<>();
    accepted.put("", keys(ModelsFile.class, "TOP_KEYS"));
    accepted.put("endpoints[].", keys(ModelsFile.class, "KEYS"));
    accepted.put("planner.", keys(planner, "KEYS"));
    accepted.put("planner.replan.", keys(planner, "REPLAN_KEYS"));
    accepted.put("planner.context.", new TreeSet<>(ContextBlock.KEYS));
    accepted.put("planner.loop_guard.", new TreeSet<>(LoopGuardBlock.KEYS));
    accepted.put("mcp[].", keys(McpServersFile.class, "KEYS"));

    assertThat(bySection(FileKeys.MODELS)).isEqualTo(new TreeMap<>(accepted));
  }

  @Test
  void shouldParseABackendsFileWithEveryListedKey() {
    String example = """
        pools:
          - id: gpu-node
            type: cpu
            speed: 2
            pickup_timeout_seconds: 120
            models: [smollm2]
            properties: {price-per-unit-hour: 6.15}
            endpoints:
              - {model: smollm2, url: "http://127.0.0.1:8000"}
            serve:
              - {model: tiny, source: /models/tiny.gguf, units: 1, slots: 2, keep_warm_seconds: 300}
        """;
    assertEveryLeafIn(FileKeys.BACKENDS, example);

    assertThat(BackendsFile.parse(example, "example")).hasSize(1);
  }

  @Test
  void shouldParseAModelsFileWithEveryListedKey() throws Exception {
    String example = """
        endpoints:
          - id: local
            base_url: http://127.0.0.1:8080/v1
            model: smollm2
            provider: openai_compatible
            max_concurrency: 2
            price_per_1k_input: "0.0004"
            price_per_1k_output: "0.0012"
            structured_output: json_schema
            api_key_env: EXAMPLE_MODEL_KEY
            request_timeout_seconds: 300
            context_window: 8192
            queue_depth: 1
          - id: pool
            replicas: [http://127.0.0.1:8081/v1, http://127.0.0.1:8082/v1]
            model: smollm2
        planner:
          endpoint: local
          agent_endpoint: local
          agent_max_turns: 4
          max_repairs: 2
          max_output_tokens: 512
          tools: [data.read_csv]
          step_kinds: [tool, agent]
          replan: {max_versions: 3, approval: none}
          context: {strategy: compact, keep_last_turns: 4, summary_endpoint: local, reserve_tokens: 512}
          loop_guard: {max_repeats: 5, max_consecutive_failures: 5}
        mcp:
          - name: calc
            command: python3
            args: [/opt/mcp/calc_server.py]
            env: {CALC_PRECISION: "6"}
            pass_env: [CALC_LICENSE]
            prefix: mcp.calc
            call_timeout_seconds: 60
        """;
    assertEveryLeafIn(FileKeys.MODELS, example);
    Path file = Files.writeString(dir.resolve("models.yaml"), example);

    assertThat(ModelsFile.read(file)).hasSize(3);
    assertThat(ModelsFile.planner(file)).isPresent();
    assertThat(McpServersFile.read(file)).hasSize(1);
  }

  /** {section prefix: its keys}, e.g. {"pools[].serve[].": [model, source, ...]}. */
  private static Map<String, Set<String>> bySection(List<FileKeys.FileKey> keys) {
    Map<String, Set<String>> sections = new TreeMap<>();
    for (FileKeys.FileKey key : keys) {
      int dot = key.path().lastIndexOf('.');
      sections.computeIfAbsent(key.path().substring(0, dot + 1), s -> new TreeSet<>())
          .add(key.path().substring(dot + 1));
    }
    return sections;
  }

  private static void assertEveryLeafIn(List<FileKeys.FileKey> keys, String example) {
    for (FileKeys.FileKey key : keys) {
      String leaf = key.path().substring(key.path().lastIndexOf('.') + 1);
      assertThat(example).as("the example covers " + key.path()).containsPattern("(?m)(^|[\\s{-])" + leaf + ":");
    }
  }

  @SuppressWarnings("unchecked")
  private static Set<String> keys(Class<?> reader, String field) throws Exception {
    Field f = reader.getDeclaredField(field);
    f.setAccessible(true);
    return new TreeSet<>((Set<String>) f.get(null));
  }
}
