package io.nightshift.planners.declarative;

import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.pipeline.AgentSettings;
import io.nightshift.core.pipeline.MapSettings;
import io.nightshift.core.pipeline.Requirements;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.core.pipeline.StepSpec;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;

/**
 * Reads one step: common fields, its policy ({@code retry}, {@code timeout}, {@code heartbeat_timeout},
 * {@code continue_on_error}) and the fields of its kind ({@code over}/{@code chunk_size}/{@code max_parallel}/
 * {@code item_param} for map, {@code duration} for wait, {@code pipeline} for pipeline).
 */
final class StepParser {
  private static final Set<String> STEP_KEYS = Set.of("name", "kind", "tool", "params", "needs", "retry", "timeout",
      "heartbeat_timeout", "continue_on_error", "over", "chunk_size", "max_parallel", "item_param", "duration",
      "pipeline", "requires", "approval", "model", "instructions", "prompt", "tools", "max_turns", "budget",
      "max_output_tokens");
  private static final Set<String> BUDGET_KEYS = Set.of("tokens", "cost", "wall_clock");
  private static final Set<String> REQUIRES_KEYS = Set.of("kind", "units", "memory_gb", "model");
  private static final Set<String> RETRY_KEYS = Set.of("max_attempts", "initial_interval", "backoff", "max_interval",
      "non_retryable");

  private StepParser() {}

  /** @return the step, or null when it is too malformed to go on with (problems recorded) */
  static StepSpec parse(MappingNode stepNode, int index, List<PipelineProblem> problems) {
    YamlNodes anonymous = new YamlNodes("#" + index, problems);
    Map<String, Node> peek = anonymous.fields(stepNode, STEP_KEYS);
    String name = new YamlNodes("#" + index, new java.util.ArrayList<>()).scalar(peek.get("name"), "name");
    if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_-]{0,63}")) {
      anonymous.problem("name", stepNode,
          "every step needs a name of letters, digits, '_' or '-' (starting with a letter), was " + name);
      return null;
    }
    YamlNodes y = new YamlNodes(name, problems);
    String kindText = y.scalar(peek.get("kind"), "kind");
    StepKind kind = kindText == null ? StepKind.TOOL : StepKind.fromWireName(kindText).orElse(null);
    if (kind == null) {
      y.problem("kind", peek.get("kind"), "unknown step kind '" + kindText + "'; known: "
          + String.join(", ", Arrays.stream(StepKind.values()).map(StepKind::wireName).toList()));
      return null;
    }
    kindOnly(y, peek, kind);
    MapSettings map = kind == StepKind.MAP ? new MapSettings(y.scalar(peek.get("over"), "over"),
        y.integer(peek.get("chunk_size"), "chunk_size", 1, 100_000, MapSettings.DEFAULT_CHUNK_SIZE),
        y.integer(peek.get("max_parallel"), "max_parallel", 1, MapSettings.MAX_PARALLEL_LIMIT,
            MapSettings.DEFAULT_MAX_PARALLEL),
        orDefault(y.scalar(peek.get("item_param"), "item_param"), "input")) : null;
    return new StepSpec(name, kind, y.scalar(peek.get("tool"), "tool"), y.stringMap(peek.get("params"), "params", false),
        y.stringList(peek.get("needs"), "needs"), policy(y, peek), map, y.duration(peek.get("duration"), "duration"),
        y.scalar(peek.get("pipeline"), "pipeline"), requires(y, peek.get("requires")),
        kind == StepKind.AGENT ? agent(y, peek) : null, approval(y, peek.get("approval")), YamlNodes.line(stepNode));
  }

  private static StepPolicy policy(YamlNodes y, Map<String, Node> f) {
    int maxAttempts = 0;
    long initial = 0;
    double backoff = 0;
    long maxInterval = 0;
    List<String> nonRetryable = List.of();
    Node retry = f.get("retry");
    if (retry instanceof MappingNode r) {
      Map<String, Node> rf = y.fields(r, RETRY_KEYS);
      maxAttempts = y.integer(rf.get("max_attempts"), "retry.max_attempts", 1, 1000, 0);
      initial = y.duration(rf.get("initial_interval"), "retry.initial_interval");
      backoff = y.decimal(rf.get("backoff"), "retry.backoff", 1.0, 100.0, 0);
      maxInterval = y.duration(rf.get("max_interval"), "retry.max_interval");
      nonRetryable = y.stringList(rf.get("non_retryable"), "retry.non_retryable");
    } else if (retry != null) {
      y.problem("retry", retry, "must be a mapping with max_attempts, initial_interval, backoff, max_interval,"
          + " non_retryable");
    }
    return new StepPolicy(maxAttempts, initial, backoff, maxInterval, nonRetryable,
        y.duration(f.get("timeout"), "timeout"), y.duration(f.get("heartbeat_timeout"), "heartbeat_timeout"),
        y.bool(f.get("continue_on_error"), "continue_on_error"));
  }

  private static boolean approval(YamlNodes y, Node node) {
    String v = y.scalar(node, "approval");
    if (v != null && !v.equals("required") && !v.equals("none")) {
      y.problem("approval", node, "must be 'required' or 'none', was '" + v + "'");
    }
    return "required".equals(v);
  }

  private static AgentSettings agent(YamlNodes y, Map<String, Node> f) {
    long tokens = 0;
    String cost = null;
    long wallClock = 0;
    Node budget = f.get("budget");
    if (budget instanceof MappingNode b) {
      Map<String, Node> bf = y.fields(b, BUDGET_KEYS);
      tokens = y.integer(bf.get("tokens"), "budget.tokens", 1, Integer.MAX_VALUE, 0);
      cost = y.scalar(bf.get("cost"), "budget.cost");
      if (cost != null && !(y.decimal(bf.get("cost"), "budget.cost", 1e-9, 1e12, 0) > 0)) {
        cost = null;
      }
      wallClock = y.duration(bf.get("wall_clock"), "budget.wall_clock");
    } else if (budget != null) {
      y.problem("budget", budget, "must be a mapping with tokens, cost, wall_clock (each > 0)");
    }
    String model = y.scalar(f.get("model"), "model");
    String prompt = y.scalar(f.get("prompt"), "prompt");
    if (model == null) {
      y.problem("model", null, "missing: an agent step names its model endpoint");
    }
    if (prompt == null) {
      y.problem("prompt", null, "missing: an agent step needs a prompt");
    }
    return new AgentSettings(model, y.scalar(f.get("instructions"), "instructions"), prompt,
        y.stringList(f.get("tools"), "tools"), y.integer(f.get("max_turns"), "max_turns", 1, 1000, 10), tokens, cost,
        wallClock, y.integer(f.get("max_output_tokens"), "max_output_tokens", 1, 32768, 0));
  }

  private static Requirements requires(YamlNodes y, Node node) {
    if (node == null) {
      return null;
    }
    if (!(node instanceof MappingNode m)) {
      y.problem("requires", node, "must be a mapping with kind, units, memory_gb, model");
      return null;
    }
    Map<String, Node> f = y.fields(m, REQUIRES_KEYS);
    String kind = y.scalar(f.get("kind"), "requires.kind");
    List<String> kinds = new java.util.ArrayList<>(List.of("any"));
    Arrays.stream(AcceleratorKind.values()).forEach(k -> kinds.add(k.name().toLowerCase(java.util.Locale.ROOT)));
    if (kind != null && !kinds.contains(kind.toLowerCase(java.util.Locale.ROOT))) {
      y.problem("requires.kind", f.get("kind"), "unknown accelerator kind '" + kind + "'; known: " + kinds);
      kind = null;
    }
    return new Requirements(kind, y.integer(f.get("units"), "requires.units", 1, 64, 1),
        y.decimal(f.get("memory_gb"), "requires.memory_gb", 0, 100_000, 0), y.scalar(f.get("model"), "requires.model"));
  }

  /** Fields that belong to one kind are an error on the others, so a typo'd kind does not silently ignore them. */
  private static void kindOnly(YamlNodes y, Map<String, Node> f, StepKind kind) {
    Map<String, StepKind> owner = Map.ofEntries(Map.entry("over", StepKind.MAP), Map.entry("chunk_size", StepKind.MAP),
        Map.entry("max_parallel", StepKind.MAP), Map.entry("item_param", StepKind.MAP),
        Map.entry("duration", StepKind.WAIT), Map.entry("pipeline", StepKind.PIPELINE),
        Map.entry("model", StepKind.AGENT), Map.entry("instructions", StepKind.AGENT),
        Map.entry("prompt", StepKind.AGENT), Map.entry("tools", StepKind.AGENT), Map.entry("max_turns", StepKind.AGENT),
        Map.entry("budget", StepKind.AGENT), Map.entry("max_output_tokens", StepKind.AGENT));
    owner.forEach((field, k) -> {
      if (f.containsKey(field) && k != kind) {
        y.problem(field, f.get(field), "only a " + k.wireName() + " step takes '" + field + "'");
      }
    });
  }

  private static String orDefault(String v, String fallback) {
    return v == null ? fallback : v;
  }
}
