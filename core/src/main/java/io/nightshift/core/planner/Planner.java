package io.nightshift.core.planner;

import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.Plan;

/** Turns a task request into a validated plan. Runs inside an activity, so it may do I/O. */
public interface Planner {
  /**
   * @throws InvalidPipelineException listing every problem when no valid plan can be made
   */
  Plan plan(PlanRequest request) throws InvalidPipelineException;
}
