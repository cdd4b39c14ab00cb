package io.nightshift.workflows.activities;

import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.planner.PlanRequest;
import io.temporal.activity.ActivityInterface;

/** Planning runs as an activity: planners may read files or call models. */
@ActivityInterface
public interface PlanningActivities {
  /** Failure type of a pipeline that can never be planned (no retry). */
  String INVALID_PIPELINE = "InvalidPipeline";

  Plan plan(PlanRequest request);

  /** A revised plan, version {@code failed.version() + 1}, after a step failed for good. */
  Plan replan(ReplanRequest request);
}
