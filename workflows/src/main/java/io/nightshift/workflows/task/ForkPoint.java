package io.nightshift.workflows.task;

import io.nightshift.core.pipeline.Plan;
import java.util.Optional;

/**
 * What a fork of a task starts from (the {@code forkPoint} query): what the task was asked to do and allowed, the
 * plan it runs now, and what its steps left behind so far. Small: outputs are references.
 *
 * @param definition the task's goal, pipeline and params as submitted
 * @param policies   what its submitter allowed beyond the plan
 * @param plan       the current plan version; empty while the first plan is being made
 * @param steps      the current plan's steps: their states, outputs and summaries so far
 */
public record ForkPoint(TaskDefinition definition, TaskPolicies policies, Optional<Plan> plan, CarriedSteps steps) {
  public ForkPoint {
    plan = plan == null ? Optional.empty() : plan;
  }
}
