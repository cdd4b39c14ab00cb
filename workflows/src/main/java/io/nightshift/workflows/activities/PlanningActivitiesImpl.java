package io.nightshift.workflows.activities;

import io.nightshift.core.pipeline.InvalidPipelineException;
import io.nightshift.core.pipeline.PipelineProblem;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.planner.PlanRequest;
import io.nightshift.core.planner.Planner;
import io.nightshift.core.planner.Replanner;
import io.temporal.failure.ApplicationFailure;
import java.util.List;
import java.util.Objects;

/** Runs the configured planner; an invalid pipeline or plan fails at once rather than being retried. */
public final class PlanningActivitiesImpl implements PlanningActivities {
  private final Planner planner;
  private final Replanner replanner;

  /** @param planner plans; it also revises plans when it is a {@link Replanner}, else this worker cannot */
  public PlanningActivitiesImpl(Planner planner) {
    this(planner, planner instanceof Replanner r ? r : PlanningActivitiesImpl::cannotReplan);
  }

  /** @param replanner revises plans */
  public PlanningActivitiesImpl(Planner planner, Replanner replanner) {
    this.planner = planner;
    this.replanner = Objects.requireNonNull(replanner, "replanner");
  }

  @Override
  public Plan plan(PlanRequest request) {
    try {
      return planner.plan(request);
    } catch (InvalidPipelineException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), INVALID_PIPELINE);
    }
  }

  @Override
  public Plan replan(ReplanRequest request) {
    try {
      Plan next = replanner.replan(request.request(), request.failed(), request.failedStep(), request.error());
      if (next.version() != request.failed().version() + 1) {
        throw new IllegalStateException("the planner revised v" + request.failed().version() + " into v"
            + next.version() + "; expected v" + (request.failed().version() + 1));
      }
      return next;
    } catch (InvalidPipelineException e) {
      throw ApplicationFailure.newNonRetryableFailure(e.getMessage(), INVALID_PIPELINE);
    }
  }

  /** The replanner of a worker whose planner cannot revise plans: every revision fails as an invalid pipeline. */
  private static Plan cannotReplan(PlanRequest request, Plan failed, String failedStep, String error)
      throws InvalidPipelineException {
    throw new InvalidPipelineException(List.of(new PipelineProblem(null, null, 0,
        "this worker's planner cannot revise plans")));
  }
}
