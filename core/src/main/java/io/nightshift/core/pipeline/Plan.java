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
 */
public record Plan(String pipeline, int version, Map<String, String> params, List<PlannedStep> steps,
    PlacementSpec placement) {
  public Plan(String pipeline, int version, Map<String, String> params, List<PlannedStep> steps) {
    this(pipeline, version, params, steps, PlacementSpec.DEFAULT);
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
