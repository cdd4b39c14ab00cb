package io.nightshift.planners.declarative;

import io.nightshift.config.ConfigNode;
import io.nightshift.config.ConfigProblems;
import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.budget.CostLimit;
import io.nightshift.core.pipeline.AgentSettings;
import io.nightshift.core.pipeline.MapSettings;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.Requirements;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.core.pipeline.StepSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads one step: common fields, its policy ({@code retry}, {@code timeout}, {@code heartbeat_timeout},
 * {@code continue_on_error}) and the fields of its kind ({@code over}/{@code chunk_size}/{@code max_parallel}/
 * {@code item_param} for map, {@code duration} for wait, {@code pipeline} for pipeline, the agent's settings for
 * agent). Its problems name the step
 * and the path inside it ({@code retry.max_attempts}).
 */
final class StepParser {
  private static final Set<String> STEP_KEYS = Set.of("name", "kind", "tool", "params", "needs", "retry", "timeout",
      "heartbeat_timeout", "continue_on_error", "over", "chunk_size", "max_parallel", "item_param", "duration",
      "pipeline", "requires", "approval", "model", "instructions", "prompt", "tools", "max_turns", "budget",
      "max_output_tokens", "memory_scope", "context", "loop_guard");
  private static final Set<String> BUDGET_KEYS = Set.of("tokens", "cost", "wall_clock");
  private static final Set<String> REQUIRES_KEYS = Set.of("kind", "units", "memory_gb", "model", "priority", "estimate");
  private static final Set<String> RETRY_KEYS = Set.of("max_attempts", "initial_interval", "backoff", "max_interval",
      "non_retryable");
  private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_-]{0,63}");
  /** Fields that belong to one kind are an error on the others, so a typo'd kind does not silently ignore them. */
  private static final Map<String, StepKind> OWNER = Map.ofEntries(Map.entry("over", StepKind.MAP),
      Map.entry("chunk_size", StepKind.MAP), Map.entry("max_parallel", StepKind.MAP),
      Map.entry("item_param", StepKind.MAP), Map.entry("duration", StepKind.WAIT),
      Map.entry("pipeline", StepKind.PIPELINE), Map.entry("model", StepKind.AGENT),
      Map.entry("instructions", StepKind.AGENT), Map.entry("prompt", StepKind.AGENT), Map.entry("tools", StepKind.AGENT),
      Map.entry("max_turns", StepKind.AGENT), Map.entry("budget", StepKind.AGENT),
      Map.entry("max_output_tokens", StepKind.AGENT), Map.entry("memory_scope", StepKind.AGENT),
      Map.entry("context", StepKind.AGENT), Map.entry("loop_guard", StepKind.AGENT));

  private StepParser() {}

  /** @return the step, or empty when it is too malformed to go on with (its problems added to {@code problems}) */
  static Optional<StepSpec> parse(ConfigNode item, int index, List<PipelineProblem> problems) {
    ConfigProblems own = new ConfigProblems();
    ConfigNode step = item.scoped(own).keys(STEP_KEYS);
    String name = step.get("name").peek().filter(n -> NAME.matcher(n).matches()).orElse(null);
    Optional<StepSpec> spec = Optional.empty();
    if (name == null) {
      step.get("name").problem("every step needs a name of letters, digits, '_' or '-' (starting with a letter), was "
          + step.get("name").peek().orElse(null));
    } else {
      spec = read(step, name);
    }
    // named once the name is known, so even its unknown keys are reported under the step's name
    problems.addAll(PipelineParser.problems(name == null ? "#" + index : name, own.all()));
    return spec;
  }

  private static Optional<StepSpec> read(ConfigNode s, String name) {
    String kindText = s.get("kind").string().orElse(null);
    StepKind kind = kindText == null ? StepKind.TOOL : StepKind.fromWireName(kindText).orElse(null);
    if (kind == null) {
      s.get("kind").problem("unknown step kind '" + kindText + "'; known: "
          + String.join(", ", Arrays.stream(StepKind.values()).map(StepKind::wireName).toList()));
      return Optional.empty();
    }
    OWNER.forEach((field, owner) -> {
      if (s.get(field).isPresent() && owner != kind) {
        s.get(field).problem("only a " + owner.wireName() + " step takes '" + field + "'");
      }
    });
    MapSettings map = kind == StepKind.MAP ? mapSettings(s) : null;
    return Optional.of(new StepSpec(name, kind, s.get("tool").string().orElse(null),
        PipelineParser.params(s.get("params"), false), s.get("needs").stringOrStrings(), policy(s), map,
        millis(s.get("duration")), s.get("pipeline").string().orElse(null), requires(s.get("requires")),
        kind == StepKind.AGENT ? agent(s) : null, s.get("approval").oneOf(List.of("required", "none"), "none")
            .equals("required"), s.line()));
  }

  /**
   * A map step's settings. Its window, {@code max_parallel}, is a number or one {@code ${params.NAME}} reference
   * that the planner resolves per run ({@code PipelineValidator}); a reference is kept as written.
   */
  private static MapSettings mapSettings(ConfigNode s) {
    String over = s.get("over").string().orElse(null);
    int chunkSize = s.get("chunk_size").integer(1, 100_000, MapSettings.DEFAULT_CHUNK_SIZE);
    String itemParam = s.get("item_param").string("input");
    ConfigNode window = s.get("max_parallel");
    Optional<String> text = window.peek().map(String::strip);
    if (text.isPresent() && text.get().startsWith("${")) {
      List<References.Ref> refs = References.find(text.get());
      if (refs.size() != 1 || !"params".equals(refs.get(0).kind()) || !refs.get(0).text().equals(text.get())) {
        window.problem("must be a whole number from 1 to " + MapSettings.MAX_PARALLEL_LIMIT
            + " or one ${params.NAME} reference, was '" + text.get() + "'");
        return new MapSettings(over, chunkSize, MapSettings.DEFAULT_MAX_PARALLEL, itemParam);
      }
      return new MapSettings(over, chunkSize, MapSettings.DEFAULT_MAX_PARALLEL, itemParam, text.get());
    }
    return new MapSettings(over, chunkSize,
        window.integer(1, MapSettings.MAX_PARALLEL_LIMIT, MapSettings.DEFAULT_MAX_PARALLEL), itemParam);
  }

  private static StepPolicy policy(ConfigNode s) {
    ConfigNode retry = s.get("retry").keys(RETRY_KEYS);
    return new StepPolicy(retry.get("max_attempts").integer(1, 1000, 0), millis(retry.get("initial_interval")),
        retry.get("backoff").decimal(1.0, 100.0, 0), millis(retry.get("max_interval")),
        retry.get("non_retryable").stringOrStrings(), millis(s.get("timeout")), millis(s.get("heartbeat_timeout")),
        s.get("continue_on_error").bool(false));
  }

  private static AgentSettings agent(ConfigNode s) {
    ConfigNode budget = s.get("budget").keys(BUDGET_KEYS);
    ConfigNode cost = budget.get("cost");
    // read once here, as the API reads a task's max_cost: the agent's workflow takes this text as it stands
    String maxCost = cost.string().flatMap(v -> cost.build(() -> CostLimit.parse(v).toPlainString())).orElse(null);
    s.get("model").require("an agent step names its model endpoint");
    s.get("prompt").require("an agent step needs a prompt");
    String model = s.get("model").string().orElse(null);
    String instructions = s.get("instructions").string().orElse(null);
    String prompt = s.get("prompt").string().orElse(null);
    return AgentSettings.builder(model, prompt).instructions(instructions).tools(s.get("tools").stringOrStrings())
        .maxTurns(s.get("max_turns").integer(1, 1000, AgentSettings.DEFAULT_MAX_TURNS))
        .budget(budget.get("tokens").integer(1, Integer.MAX_VALUE, 0), maxCost, millis(budget.get("wall_clock")))
        .maxOutputTokens(s.get("max_output_tokens").integer(1, 32768, 0))
        .memoryScope(memoryScope(s.get("memory_scope")))
        .context(ContextBlock.read(s.get("context")))
        .loopGuard(LoopGuardBlock.read(s.get("loop_guard"))).build();
  }

  /**
   * The memory scope an agent step shares with the task's other agent steps that name it: a name like a step's, so
   * it reads the same in the pipeline and in messages. Absent: the step keeps its own notes.
   */
  private static Optional<String> memoryScope(ConfigNode node) {
    Optional<String> name = node.string();
    if (name.isPresent() && !NAME.matcher(name.get()).matches()) {
      node.problem("a memory scope is named with 1 to 64 letters, digits, '_' or '-' (starting with a letter), was '"
          + name.get() + "'");
      return Optional.empty();
    }
    return name;
  }

  private static Requirements requires(ConfigNode node) {
    if (!node.isPresent() || !node.keys(REQUIRES_KEYS).isMapping()) {
      return null;
    }
    List<String> kinds = new ArrayList<>(List.of("any"));
    Arrays.stream(AcceleratorKind.values()).forEach(k -> kinds.add(k.name().toLowerCase(Locale.ROOT)));
    String kind = node.get("kind").string().orElse(null);
    if (kind != null && !kinds.contains(kind.toLowerCase(Locale.ROOT))) {
      node.get("kind").problem("unknown accelerator kind '" + kind + "'; known: " + kinds);
      kind = null;
    }
    return new Requirements(kind, node.get("units").integer(1, 64, 1),
        node.get("memory_gb").decimal(0, 100_000, 0), node.get("model").string().orElse(null),
        node.get("priority").integer(-100, 100, 0), node.get("estimate").duration(Duration.ZERO).toSeconds());
  }

  /** A duration in milliseconds, 0 when absent (the step kind's or Temporal's default applies). */
  private static long millis(ConfigNode node) {
    return node.duration(Duration.ZERO).toMillis();
  }
}
