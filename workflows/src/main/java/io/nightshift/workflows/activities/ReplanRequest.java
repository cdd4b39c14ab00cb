package io.nightshift.workflows.activities;

import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.planner.PlanRequest;

/**
 * What the planner needs to revise a plan: the task's request, the plan that failed, and how.
 *
 * @param request    the task's goal, pipeline and parameters
 * @param failed     the plan whose step failed for good
 * @param failedStep that step
 * @param error      its error as the task recorded it
 */
public record ReplanRequest(PlanRequest request, Plan failed, String failedStep, String error) {}
