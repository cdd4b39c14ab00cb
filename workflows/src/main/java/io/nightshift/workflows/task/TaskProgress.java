package io.nightshift.workflows.task;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.workflows.task.budget.TaskBudgetStatus;
import io.nightshift.workflows.task.control.Decision;
import io.nightshift.workflows.task.replan.PlanVersion;
import java.util.List;

/**
 * The answer to the progress query: enough for a task view, and never large (outputs are references).
 * Times are workflow time in epoch milliseconds; 0 when not yet reached.
 *
 * @param awaiting  steps waiting for a person's decision, with what they wait for
 * @param decisions every decision made on this task, in order
 * @param planVersion  the version of the plan the steps belong to (0 before the first plan)
 * @param planVersions every plan version, with who made it and why
 * @param budget    the task budget's limits and figures, null for a task without one
 */
public record TaskProgress(String taskId, String goal, String pipeline, TaskState state, List<StepStatus> steps,
    ArtifactRef result, String error, long createdAtMillis, long updatedAtMillis, long endedAtMillis,
    java.util.Map<String, String> awaiting, List<Decision> decisions, int planVersion,
    List<PlanVersion> planVersions, TaskBudgetStatus budget) {
  public TaskProgress(String taskId, String goal, String pipeline, TaskState state, List<StepStatus> steps,
      ArtifactRef result, String error, long createdAtMillis, long updatedAtMillis, long endedAtMillis,
      java.util.Map<String, String> awaiting, List<Decision> decisions, int planVersion,
      List<PlanVersion> planVersions) {
    this(taskId, goal, pipeline, state, steps, result, error, createdAtMillis, updatedAtMillis, endedAtMillis,
        awaiting, decisions, planVersion, planVersions, null);
  }

  public TaskProgress(String taskId, String goal, String pipeline, TaskState state, List<StepStatus> steps,
      ArtifactRef result, String error, long createdAtMillis, long updatedAtMillis, long endedAtMillis,
      java.util.Map<String, String> awaiting, List<Decision> decisions) {
    this(taskId, goal, pipeline, state, steps, result, error, createdAtMillis, updatedAtMillis, endedAtMillis,
        awaiting, decisions, 0, List.of(), null);
  }

  /** This view with the task's plan versions. */
  public TaskProgress withPlans(int version, List<PlanVersion> versions) {
    return new TaskProgress(taskId, goal, pipeline, state, steps, result, error, createdAtMillis, updatedAtMillis,
        endedAtMillis, awaiting, decisions, version, versions, budget);
  }

  /** This view with the task budget's figures. */
  public TaskProgress withBudget(TaskBudgetStatus status) {
    return new TaskProgress(taskId, goal, pipeline, state, steps, result, error, createdAtMillis, updatedAtMillis,
        endedAtMillis, awaiting, decisions, planVersion, planVersions, status);
  }

  public TaskProgress {
    planVersions = planVersions == null ? List.of() : List.copyOf(planVersions);
    steps = List.copyOf(steps);
    awaiting = awaiting == null ? java.util.Map.of() : java.util.Map.copyOf(awaiting);
    decisions = decisions == null ? List.of() : List.copyOf(decisions);
  }
}
