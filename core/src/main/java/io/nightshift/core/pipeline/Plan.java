package io.nightshift.core.pipeline;

import java.util.List;
import java.util.Map;

/**
 * A validated plan: what {@code TaskWorkflow} executes. Crosses Temporal as a payload, so it stays small:
 * large inputs are artifact references in {@link PlannedStep#params()}.
 *
 * @param pipeline name of the pipeline it came from
 * @param version  plan version, 1 for the first plan of a task
 * @param params   task parameters, defaults applied
 * @param steps    steps in a topological order
 * @param placement which pool wins when several can run a step
 * @param origin   who made it: {@code declarative}, or {@code llm:<endpoint>} for a model's plan; null in plans
 *                 recorded before origins existed
 */
public record Plan(String pipeline, int version, Map<String, String> params, List<PlannedStep> steps,
    PlacementSpec placement, String origin) {
  /** A plan placed by the default policy ({@link PlacementSpec#DEFAULT}), with no origin recorded. */
  public static Plan of(String pipeline, int version, Map<String, String> params, List<PlannedStep> steps) {
    return new Plan(pipeline, version, params, steps, PlacementSpec.DEFAULT, null);
  }

  /** This plan, made by {@code origin}. */
  public Plan withOrigin(String origin) {
    return new Plan(pipeline, version, params, steps, placement, origin);
  }

  public Plan {
    placement = placement == null ? PlacementSpec.DEFAULT : placement;
    params = Map.copyOf(params);
    steps = List.copyOf(steps);
  }

  public PlannedStep step(String name) {
    return steps.stream()
        .filter(s -> s.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no step named '" + name + "' in plan of " + pipeline));
  }
}
