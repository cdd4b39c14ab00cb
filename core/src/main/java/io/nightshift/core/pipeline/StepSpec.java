package io.nightshift.core.pipeline;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One step of a pipeline as the user wrote it.
 *
 * @param name   unique within the pipeline; other steps refer to it in {@code needs} and {@code ${steps.NAME.output}}
 * @param kind   what runs the step; {@link StepKind#TOOL} for now
 * @param tool   the tool name, for tool steps
 * @param params tool parameters; values may contain {@code ${steps.X.output}} and {@code ${params.Y}} references
 * @param needs  steps that must succeed before this one starts
 * @param policy retries, timeouts, continue-on-error
 * @param map    fan-out settings of a map step, else null
 * @param waitMillis how long a wait step waits
 * @param pipeline the pipeline a pipeline step runs as a child task, else null
 * @param requires what the step needs from an accelerator pool, or null to run on the control workers
 * @param agent  settings of an agent step, else null
 * @param approval whether a person must approve the step before it starts
 * @param line   1-based line of the step in its source file, 0 when unknown (for error messages)
 */
public record StepSpec(String name, StepKind kind, String tool, Map<String, String> params, List<String> needs,
    StepPolicy policy, MapSettings map, long waitMillis, String pipeline, Requirements requires,
    AgentSettings agent, boolean approval, int line) {
  public StepSpec {
    policy = policy == null ? StepPolicy.DEFAULT : policy;
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    params = Map.copyOf(params == null ? Map.of() : params);
    needs = List.copyOf(needs == null ? List.of() : needs);
  }
}
