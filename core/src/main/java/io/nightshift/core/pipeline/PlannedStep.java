package io.nightshift.core.pipeline;

import java.util.List;
import java.util.Map;

/**
 * A step of a validated plan.
 *
 * @param name   step name
 * @param kind   executor kind
 * @param tool   tool to call
 * @param params parameters with {@code ${params.X}} already substituted; {@code ${steps.X.output}} references
 *               remain and are resolved by the workflow once X has an output
 * @param needs  names of steps that must succeed first (explicit plus those implied by references)
 * @param policy retries, timeouts, continue-on-error (never null)
 * @param map    fan-out settings of a map step, else null
 * @param waitMillis how long a wait step waits
 * @param pipeline the pipeline a pipeline step runs (resolved), else null
 * @param requires what the step needs from an accelerator pool (placed at run time), or null
 * @param agent    settings of an agent step (prompt references resolved like params), else null
 * @param approval whether a person must approve the step before it starts ({@code approval: required})
 */
public record PlannedStep(String name, StepKind kind, String tool, Map<String, String> params, List<String> needs,
    StepPolicy policy, MapSettings map, long waitMillis, ChildPipeline pipeline, Requirements requires,
    AgentSettings agent, boolean approval) {
  /** A plain tool step with the default policy. */
  public static PlannedStep tool(String name, String tool, Map<String, String> params, List<String> needs) {
    return new PlannedStep(name, StepKind.TOOL, tool, params, needs, StepPolicy.DEFAULT, null, 0, null, null, null,
        false);
  }

  public PlannedStep {
    // histories recorded before policies existed carry none: read that as the default policy
    policy = policy == null ? StepPolicy.DEFAULT : policy;
    params = Map.copyOf(params);
    needs = List.copyOf(needs);
  }
}
