package io.nightshift.workflows.activities;

import io.nightshift.core.error.InvalidPipelineException;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.planner.PlanRequest;
import io.nightshift.core.planner.Planner;
import io.temporal.failure.ApplicationFailure;

/** Runs the configured planner; an invalid pipeline fails at once rather than being retried. */
public final class PlanningActivitiesImpl implements PlanningActivities {
  private final Planner planner;

  public PlanningActivitiesImpl(Planner planner) {
    this.planner = planner;
  }

  @Override
  public Plan plan(PlanRequest request) {
    try {
      return planner.plan(request);
    } catch (InvalidPipelineException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), INVALID_PIPELINE);
    }
  }
}
