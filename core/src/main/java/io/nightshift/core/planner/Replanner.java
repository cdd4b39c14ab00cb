package io.nightshift.core.planner;

import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.Plan;

/**
 * Revises a plan after one of its steps failed for good. Runs inside an activity, so it may do I/O (a model call).
 * A planner that can revise plans implements this next to {@link Planner}.
 */
public interface Replanner {
  /**
   * @param request    what the task asked for (goal, parameters)
   * @param failed     the plan that failed
   * @param failedStep the step of {@code failed} that failed for good
   * @param error      why it failed, as the task recorded it
   * @return a validated plan with version {@code failed.version() + 1}
   * @throws InvalidPipelineException listing every problem when no valid revision can be made
   */
  Plan replan(PlanRequest request, Plan failed, String failedStep, String error) throws InvalidPipelineException;
}
