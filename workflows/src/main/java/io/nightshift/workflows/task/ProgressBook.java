package io.nightshift.workflows.task;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.workflows.dag.DagScheduler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The task's record of itself: state, step outputs, summaries, errors, attempts, pause and times. Pure Java held
 * in workflow state; the progress query reads a snapshot of it, and continue-as-new carries it over. Step states
 * come from the {@link DagScheduler} so there is one source of truth for them.
 */
final class ProgressBook {
  private final TaskInput input;
  private final long createdAt;
  private TaskState state = TaskState.PLANNING;
  private Plan plan;
  private DagScheduler dag;
  private final Map<String, ArtifactRef> outputs = new LinkedHashMap<>();
  private final Map<String, String> summaries = new HashMap<>();
  private final Map<String, String> errors = new HashMap<>();
  private final Map<String, Integer> attempts = new HashMap<>();
  private final Map<String, StepRun> runs = new HashMap<>();
  private boolean paused;
  private String pauseReason;
  private ArtifactRef result;
  private String error;
  private long updatedAt;
  private long endedAt;

  ProgressBook(TaskInput input, long now) {
    this.input = input;
    this.createdAt = input.carry() == null ? now : input.carry().createdAtMillis();
    this.updatedAt = now;
    TaskCarry c = input.carry();
    if (c != null) {
      outputs.putAll(c.outputs());
      summaries.putAll(c.summaries());
      errors.putAll(c.errors());
      attempts.putAll(c.attempts());
      runs.putAll(c.stepRuns());
      paused = c.paused();
      pauseReason = c.pauseReason();
    }
  }

  void planned(Plan plan, DagScheduler dag, long now) {
    this.plan = plan;
    this.dag = dag;
    this.state = TaskState.RUNNING;
    this.updatedAt = now;
  }

  /** The planner is revising the plan: shown as planning until the new version is in place. */
  void replanning(long now) {
    state = TaskState.PLANNING;
    updatedAt = now;
  }

  /** A revised plan replaces the current one; steps it does not keep forget what earlier versions recorded. */
  void replanned(Plan next, DagScheduler nextDag, java.util.Set<String> kept, long now) {
    java.util.Set<String> seen = new java.util.HashSet<>(outputs.keySet());
    seen.addAll(errors.keySet());
    seen.addAll(attempts.keySet());
    seen.removeAll(kept);
    for (String step : seen) {
      outputs.remove(step);
      summaries.remove(step);
      errors.remove(step);
      attempts.remove(step);
      runs.remove(step);
    }
    planned(next, nextDag, now);
  }

  void stepStarted(String step, long now) {
    attempts.put(step, 1);
    updatedAt = now;
  }

  void stepSucceeded(String step, io.nightshift.workflows.activities.StepOutput out, long now) {
    attempts.put(step, out.attempt());
    if (out.output() != null) {
      outputs.put(step, out.output());
    }
    summaries.put(step, out.summary());
    if (out.pool() != null) {
      runs.put(step, new StepRun(out.pool(), out.placement(), out.unitSeconds(), out.cost(), out.tokens()));
    }
    updatedAt = now;
  }

  void stepFailed(String step, String message, long now) {
    errors.put(step, message);
    updatedAt = now;
  }

  void paused(boolean paused, String reason, long now) {
    this.paused = paused;
    this.pauseReason = paused ? reason : null;
    this.updatedAt = now;
  }

  boolean isPaused() {
    return paused;
  }

  void ended(TaskState finalState, ArtifactRef result, String error, long now) {
    this.state = finalState;
    this.result = result;
    this.error = error;
    this.updatedAt = now;
    this.endedAt = now;
  }

  /** The state users see: a running task that is paused shows as paused. */
  TaskState visibleState() {
    return state == TaskState.RUNNING && paused ? TaskState.PAUSED : state;
  }

  /** Workflow time the task started (its first run's, over continue-as-new). */
  long createdAtMillis() {
    return createdAt;
  }

  Map<String, ArtifactRef> outputs() {
    return outputs;
  }

  TaskCarry carry(int runCount) {
    return new TaskCarry(plan, dag.states(), outputs, summaries, errors, attempts, createdAt, paused, pauseReason,
        runCount, runs);
  }

  TaskProgress snapshot(Approvals approvals) {
    Map<String, String> awaiting = approvals.waiting();
    List<StepStatus> steps = new ArrayList<>();
    if (plan != null) {
      for (PlannedStep s : plan.steps()) {
        var state = awaiting.containsKey(s.name()) ? io.nightshift.workflows.dag.StepState.AWAITING_APPROVAL
            : dag.state(s.name());
        steps.add(new StepStatus(s.name(), s.tool(), state, s.needs(), outputs.get(s.name()),
            summaries.get(s.name()), errors.get(s.name()), attempts.getOrDefault(s.name(), 0), runs.get(s.name()),
            s.kind().name().toLowerCase(java.util.Locale.ROOT)));
      }
    }
    String shownError = error != null ? error : paused ? "paused: " + pauseReason : null;
    TaskState shown = visibleState() == TaskState.RUNNING && !awaiting.isEmpty() ? TaskState.AWAITING_APPROVAL
        : visibleState();
    return new TaskProgress(input.taskId(), input.goal(), input.pipelineName(), shown, steps, result,
        shownError, createdAt, updatedAt, endedAt, awaiting, approvals.decisions());
  }
}
