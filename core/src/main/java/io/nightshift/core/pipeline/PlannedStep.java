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
 */
public record PlannedStep(String name, StepKind kind, String tool, Map<String, String> params, List<String> needs) {
  public PlannedStep {
    params = Map.copyOf(params);
    needs = List.copyOf(needs);
  }
}
