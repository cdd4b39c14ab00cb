package io.nightshift.workflows.task;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.workflows.dag.StepState;
import io.nightshift.workflows.task.budget.TaskLedgerState;
import io.nightshift.workflows.task.replan.PlanVersion;
import java.util.Map;

/**
 * What a task carries into its next run when it continues-as-new: the plan, where each step stands, and results
 * by reference. Its size grows with the number of steps (and plan versions), never with how long the task has been
 * running. {@code planVersions} is empty in carries written before plans had versions; {@code ledger} is null
 * for tasks without a task budget.
 */
public record TaskCarry(Plan plan, Map<String, StepState> states, Map<String, ArtifactRef> outputs,
    Map<String, String> summaries, Map<String, String> errors, Map<String, Integer> attempts, long createdAtMillis,
    boolean paused, String pauseReason, int runs, Map<String, StepRun> stepRuns,
    java.util.List<PlanVersion> planVersions, TaskLedgerState ledger) {
  public TaskCarry(Plan plan, Map<String, StepState> states, Map<String, ArtifactRef> outputs,
      Map<String, String> summaries, Map<String, String> errors, Map<String, Integer> attempts, long createdAtMillis,
      boolean paused, String pauseReason, int runs, Map<String, StepRun> stepRuns,
      java.util.List<PlanVersion> planVersions) {
    this(plan, states, outputs, summaries, errors, attempts, createdAtMillis, paused, pauseReason, runs, stepRuns,
        planVersions, null);
  }

  public TaskCarry(Plan plan, Map<String, StepState> states, Map<String, ArtifactRef> outputs,
      Map<String, String> summaries, Map<String, String> errors, Map<String, Integer> attempts, long createdAtMillis,
      boolean paused, String pauseReason, int runs, Map<String, StepRun> stepRuns) {
    this(plan, states, outputs, summaries, errors, attempts, createdAtMillis, paused, pauseReason, runs, stepRuns,
        null);
  }

  public TaskCarry withPlanVersions(java.util.List<PlanVersion> versions) {
    return new TaskCarry(plan, states, outputs, summaries, errors, attempts, createdAtMillis, paused, pauseReason,
        runs, stepRuns, versions, ledger);
  }

  /** This carry with the task ledger's figures (null for a task without a task budget). */
  public TaskCarry withLedger(TaskLedgerState state) {
    return new TaskCarry(plan, states, outputs, summaries, errors, attempts, createdAtMillis, paused, pauseReason,
        runs, stepRuns, planVersions, state);
  }

  public TaskCarry {
    planVersions = java.util.List.copyOf(planVersions == null ? java.util.List.of() : planVersions);
    states = Map.copyOf(states);
    outputs = Map.copyOf(outputs);
    summaries = Map.copyOf(summaries);
    errors = Map.copyOf(errors);
    attempts = Map.copyOf(attempts);
    stepRuns = Map.copyOf(stepRuns == null ? Map.of() : stepRuns);
  }
}
