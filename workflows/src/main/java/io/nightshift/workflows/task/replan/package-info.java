/**
 * Replanning: when a step fails for good and the task's {@link io.nightshift.workflows.task.replan.ReplanPolicy}
 * allows it, the planner revises the plan ({@link io.nightshift.workflows.task.replan.Replanning}); the new
 * {@link io.nightshift.workflows.task.replan.PlanVersion} keeps the results of identical steps that already
 * succeeded ({@link io.nightshift.workflows.task.replan.KeptSteps}) and may wait for a person's approval first.
 */
package io.nightshift.workflows.task.replan;
