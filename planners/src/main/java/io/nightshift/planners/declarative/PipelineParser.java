package io.nightshift.planners.declarative;

import io.nightshift.config.ConfigDocument;
import io.nightshift.config.ConfigException;
import io.nightshift.config.ConfigNode;
import io.nightshift.config.ConfigProblem;
import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.PipelineSpec;
import io.nightshift.core.pipeline.PlacementSpec;
import io.nightshift.core.pipeline.StepSpec;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads pipeline YAML into a {@link PipelineSpec} with the one config reader, so that every problem names its
 * line. Collects all shape problems before failing, as {@link PipelineProblem}s: pipeline-level ones with the key
 * path as field, a step's with the step's name and the path inside the step.
 *
 * <pre>
 * name: sample
 * params: {threshold: "500"}        # declared parameters; null default = required
 * steps:
 *   - name: load
 *     tool: data.read_csv
 *     params: {source: "classpath:data.csv"}
 *   - name: filter
 *     tool: table.filter
 *     params: {input: "${steps.load.output}", where: "mw <= ${params.threshold}"}
 * </pre>
 */
public final class PipelineParser {
  private static final Set<String> TOP_KEYS = Set.of("name", "description", "params", "steps", "placement");
  private static final Set<String> PLACEMENT_KEYS = Set.of("policy", "pool", "deadline");
  private static final List<String> POLICIES = List.of("cheapest", "fastest", "lowest_energy", "pinned");

  public PipelineSpec parse(String yamlText) {
    if (yamlText == null || yamlText.isBlank()) {
      throw new InvalidPipelineException(List.of(new PipelineProblem(null, null, 0, "pipeline is empty")));
    }
    ConfigDocument doc;
    try {
      doc = ConfigDocument.parse(yamlText, "pipeline");
    } catch (ConfigException e) {
      throw new InvalidPipelineException(problems(null, e.problems()));
    }
    ConfigNode top = doc.root();
    if (!top.isMapping()) {
      throw new InvalidPipelineException(List.of(new PipelineProblem(null, null, top.line(),
          "a pipeline must be a YAML mapping with 'name' and 'steps'")));
    }
    top.keys(TOP_KEYS);
    top.get("name").require("every pipeline needs a name");
    String name = top.get("name").string().orElse(null);
    String description = top.get("description").string().orElse(null);
    Map<String, String> params = params(top.get("params"), true);
    List<PipelineProblem> problems = new ArrayList<>();
    List<StepSpec> steps = steps(top.get("steps"), problems);
    PlacementSpec placement = placement(top.get("placement"));
    problems.addAll(problems(null, doc.problems()));
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparingInt(PipelineProblem::line));
      throw new InvalidPipelineException(problems);
    }
    return new PipelineSpec(name, description, params, steps, placement);
  }

  /** The reader's problems as the planner reports them: a step (null for the pipeline) and the path as field. */
  static List<PipelineProblem> problems(String step, List<ConfigProblem> found) {
    return found.stream().map(p -> new PipelineProblem(step, p.path().isEmpty() ? null : p.path(), p.line(),
        p.message())).toList();
  }

  /** {@code name: value} pairs; a null value declares a required pipeline parameter, where nulls are allowed. */
  static Map<String, String> params(ConfigNode node, boolean nullsAllowed) {
    Map<String, String> out = new LinkedHashMap<>();
    node.entries().forEach((key, v) -> {
      Optional<String> value = v.string();
      if (value.isEmpty() && !nullsAllowed) {
        v.require("give it a value");
        return;
      }
      out.put(key, value.orElse(null));
    });
    return out;
  }

  private static PlacementSpec placement(ConfigNode node) {
    if (!node.isPresent() || !node.keys(PLACEMENT_KEYS).isMapping()) {
      return PlacementSpec.DEFAULT;
    }
    String policy = node.get("policy").oneOf(POLICIES, PlacementSpec.DEFAULT.policy());
    Optional<String> pool = node.get("pool").string();
    if (policy.equals("pinned") != pool.isPresent()) {
      node.get("pool").problem("give a pool exactly when the policy is pinned");
      return PlacementSpec.DEFAULT;
    }
    ConfigNode deadline = node.get("deadline");
    long deadlineMillis = deadline.string().map(text -> instant(deadline, text)).orElse(0L);
    if (deadlineMillis > 0 && !policy.equals("cheapest")) {
      deadline.problem("a deadline goes with the cheapest policy (finish by then at the least cost), not " + policy);
      return PlacementSpec.DEFAULT;
    }
    return new PlacementSpec(policy, pool.orElse(null), deadlineMillis);
  }

  /** An ISO-8601 time with its offset ({@code 2026-12-07T08:00Z}), in epoch milliseconds; 0 after a problem. */
  private static long instant(ConfigNode node, String text) {
    try {
      return OffsetDateTime.parse(text).toInstant().toEpochMilli();
    } catch (DateTimeParseException e) {
      node.problem("'" + text + "' is not a time with its offset, such as 2026-12-07T08:00Z");
      return 0;
    }
  }

  private static List<StepSpec> steps(ConfigNode node, List<PipelineProblem> problems) {
    if (!node.isPresent()) {
      node.require("a pipeline needs at least one step");
      return List.of();
    }
    List<ConfigNode> items = node.isList() ? node.items("steps") : List.of();
    if (items.isEmpty()) {
      node.problem("must be a non-empty list of steps");
      return List.of();
    }
    List<StepSpec> steps = new ArrayList<>();
    int index = 0;
    for (ConfigNode item : items) {
      index++;
      if (!item.isMapping()) {
        problems.add(new PipelineProblem("#" + index, null, item.line(), "a step must be a mapping"));
        continue;
      }
      StepParser.parse(item, index, problems).ifPresent(steps::add);
    }
    return steps;
  }
}
