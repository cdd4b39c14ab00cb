package io.nightshift.core.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A declarative pipeline: named steps with dependencies, as parsed from YAML.
 *
 * @param name        pipeline name (shown in lists and the UI)
 * @param description free text
 * @param params      declared task parameters with their defaults (null default = required)
 * @param steps       the steps, in file order
 * @param placement   which pool wins when several can run a step; {@link PlacementSpec#DEFAULT} where it says none
 */
public record PipelineSpec(String name, String description, Map<String, String> params, List<StepSpec> steps,
    PlacementSpec placement) {
  public PipelineSpec {
    placement = placement == null ? PlacementSpec.DEFAULT : placement;
    Objects.requireNonNull(name, "name");
    description = description == null ? "" : description;
    params = params == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(params));
    steps = List.copyOf(steps);
  }
}
