package io.nightshift.core.planner;

import java.util.Map;

/**
 * What a planner is asked to plan.
 *
 * @param goal         the task's goal in words
 * @param pipelineYaml a declarative pipeline, or null when the planner must derive the plan from the goal
 * @param params       task parameters supplied by the submitter
 * @param depth        how deep in {@code pipeline} steps this plan sits (0 for a submitted task), bounding recursion
 */
public record PlanRequest(String goal, String pipelineYaml, Map<String, String> params, int depth) {
  public PlanRequest {
    goal = goal == null ? "" : goal;
    params = Map.copyOf(params == null ? Map.of() : params);
  }

  /** What a submitted task asks: a plan at depth 0, not inside another task's pipeline step. */
  public static PlanRequest submitted(String goal, String pipelineYaml, Map<String, String> params) {
    return new PlanRequest(goal, pipelineYaml, params, 0);
  }
}
