package io.nightshift.workflows.task;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.workflows.activities.AttemptSpan;
import io.nightshift.workflows.activities.PoolUse;
import io.nightshift.workflows.activities.StepOutput;
import io.nightshift.workflows.dag.DagScheduler;
import io.nightshift.workflows.dag.StepState;
import io.nightshift.workflows.task.budget.TaskBudgetStatus;
import io.nightshift.workflows.task.budget.TaskLedgerState;
import io.nightshift.workflows.task.control.Decision;
import io.nightshift.workflows.task.placement.DeadlineReport;
import io.nightshift.workflows.task.replan.PlanVersion;
import io.nightshift.workflows.task.timeline.AttemptRecord;
import io.nightshift.workflows.task.timeline.ItemCount;
import io.nightshift.workflows.task.timeline.StepClocks;
import io.nightshift.workflows.task.timeline.Timeline;
import io.nightshift.workflows.task.timeline.TimelineKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The task's record of itself: state, step outputs, summaries, errors, attempts, pause and times. Pure Java held
 * in workflow state; the progress query reads a snapshot of it, and continue-as-new carries it over. Step states
 * come from the {@link DagScheduler} so there is one source of truth for them. Every change it records also goes
 * into the task's {@link Timeline} (whose sequence numbers the view), and each step's times into its
 * {@link StepClocks}.
 */
final class ProgressBook {
  private final TaskDefinition task;
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
  private final Timeline timeline;
  private final StepClocks clocks;

  ProgressBook(TaskDefinition task, Optional<TaskCarry> carried, long now) {
    this.task = task;
    this.createdAt = carried.map(TaskCarry::createdAtMillis).orElse(now);
    this.updatedAt = now;
    this.timeline = new Timeline(carried.flatMap(TaskCarry::timeline));
    this.clocks = new StepClocks(carried.map(c -> c.steps().clocks()).orElse(Map.of()));
    if (carried.isEmpty()) {
      timeline.state(TaskState.PLANNING.name(), now);
    }
    carried.ifPresent(c -> {
      outputs.putAll(c.steps().outputs());
      summaries.putAll(c.steps().summaries());
      errors.putAll(c.steps().errors());
      attempts.putAll(c.steps().attempts());
      runs.putAll(c.steps().stepRuns());
      paused = c.paused();
      pauseReason = c.pauseReason();
    });
  }

  void planned(Plan plan, DagScheduler dag, long now) {
    this.plan = plan;
    this.dag = dag;
    this.state = TaskState.RUNNING;
    this.updatedAt = now;
    timeline.state(TaskState.RUNNING.name(), now);
  }

  /** A plan version was put in place (the first, or one revised after a failure). */
  void planVersion(PlanVersion v, long now) {
    timeline.record(TimelineKind.PLAN_VERSION, "", "v" + v.version() + " (" + v.origin() + "): " + v.steps().size()
        + " steps" + (v.kept().isEmpty() ? "" : ", " + v.kept().size() + " kept") + "; " + v.reason(), now);
    updatedAt = now;
  }

  /** The planner is revising the plan: shown as planning until the new version is in place. */
  void replanning(long now) {
    state = TaskState.PLANNING;
    updatedAt = now;
    timeline.state(TaskState.PLANNING.name(), now);
  }

  /** A revised plan replaces the current one; steps it does not keep forget what earlier versions recorded. */
  void replanned(Plan next, DagScheduler nextDag, Set<String> kept, long now) {
    Set<String> seen = new HashSet<>(outputs.keySet());
    seen.addAll(errors.keySet());
    seen.addAll(attempts.keySet());
    seen.removeAll(kept);
    for (String step : seen) {
      outputs.remove(step);
      summaries.remove(step);
      errors.remove(step);
      attempts.remove(step);
      runs.remove(step);
      clocks.forget(step);
    }
    planned(next, nextDag, now);
  }

  void stepStarted(String step, long now) {
    attempts.put(step, 1);
    clocks.started(step, now);
    timeline.record(TimelineKind.STEP_STARTED, step, "", now);
    updatedAt = now;
  }

  /** A map step's input was split: {@code items} rows in {@code chunks} chunks. */
  void mapSplit(String step, long items, int chunks, long now) {
    clocks.items(step, ItemCount.split(items, chunks));
    timeline.record(TimelineKind.MAP_SPLIT, step, items + " items in " + chunks + " chunks", now);
    updatedAt = now;
  }

  void stepSucceeded(String step, StepOutput out, long now) {
    attempts.put(step, out.attempt());
    if (out.attempt() > 1) {
      timeline.record(TimelineKind.STEP_RETRIED, step, retried(out.attempt()), now);
    }
    clocks.succeeded(step, out.attempt(), records(out.attempts()), now);
    timeline.record(TimelineKind.STEP_SUCCEEDED, step, out.summary(), now);
    if (out.output() != null) {
      outputs.put(step, out.output());
    }
    summaries.put(step, out.summary());
    PoolUse use = out.use();
    if (use.onPool()) {
      runs.put(step, new StepRun(use.pool(), use.placement(), use.unitSeconds(), use.cost(), out.tokens(),
          use.fastestCost(), out.telemetry()));
    }
    updatedAt = now;
  }

  /**
   * @param attempt  the attempt it failed on, where the failure tells (Temporal gave up at the step's most
   *                 attempts); 0 where it does not
   * @param reported the attempts the step's call reported with its failure, oldest first; empty for none
   */
  void stepFailed(String step, String message, int attempt, List<AttemptSpan> reported, long now) {
    errors.put(step, message);
    if (attempt > 1) {
      attempts.put(step, attempt);
      timeline.record(TimelineKind.STEP_RETRIED, step, retried(attempt), now);
    }
    clocks.failed(step, attempt, message, records(reported), now);
    timeline.record(TimelineKind.STEP_FAILED, step, message, now);
    updatedAt = now;
  }

  /** The task was cancelled: the steps still running end with it. */
  void stepsCancelled(long now) {
    if (plan == null) {
      return;
    }
    for (PlannedStep s : plan.steps()) {
      if (clocks.cancelled(s.name(), now)) {
        timeline.record(TimelineKind.STEP_CANCELLED, s.name(), "", now);
      }
    }
    updatedAt = now;
  }

  void paused(boolean paused, String reason, long now) {
    this.paused = paused;
    this.pauseReason = paused ? reason : null;
    this.updatedAt = now;
    timeline.record(paused ? TimelineKind.PAUSED : TimelineKind.RESUMED, "", paused ? reason : "", now);
  }

  /** A step (a gate, a revised plan, a budget stop) waits for a person. */
  void awaiting(String step, String why, long now) {
    timeline.record(TimelineKind.STEP_AWAITING_APPROVAL, step, why, now);
    updatedAt = now;
  }

  /** A person decided on a waiting step. */
  void decided(Decision d, long now) {
    String comment = d.comment() == null || d.comment().isBlank() ? "" : ": " + d.comment();
    String by = d.by() == null || d.by().isBlank() ? "" : " by " + d.by();
    timeline.record(TimelineKind.DECISION, d.step(), (d.approved() ? "approved" : "rejected") + by + comment, now);
    updatedAt = now;
  }

  /** Guidance went to the task's running agents. */
  void steered(String guidance, long now) {
    timeline.record(TimelineKind.STEERED, "", guidance, now);
    updatedAt = now;
  }

  /** A call's own attempts as the step's clock keeps them (the clock settles each one's outcome). */
  private static List<AttemptRecord> records(List<AttemptSpan> spans) {
    return spans.stream().map(a -> new AttemptRecord(a.number(), a.startedAtMillis(), a.endedAtMillis(),
        AttemptRecord.RETRIED, a.error())).toList();
  }

  private static String retried(int attempt) {
    return (attempt - 1) + " failed attempt" + (attempt == 2 ? "" : "s") + " retried by Temporal; ended on attempt "
        + attempt;
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
    timeline.state(finalState.name(), now);
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

  /**
   * What the next run carries over: this book, with the plan's versions, the task budget's figures and the last
   * deadline report.
   */
  TaskCarry carry(int runCount, List<PlanVersion> planVersions, Optional<TaskLedgerState> ledger,
      Optional<DeadlineReport> deadline) {
    return new TaskCarry(plan, planVersions, steps(), createdAt, runCount, paused, pauseReason, ledger, deadline,
        Optional.of(timeline.snapshot()));
  }

  /**
   * What the current plan's steps left behind so far: where each stands, what those that ran produced, and their
   * times; no states before the first plan is in place.
   */
  CarriedSteps steps() {
    return new CarriedSteps(dag == null ? Map.of() : dag.states(), outputs, summaries, errors, attempts, runs,
        clocks.all());
  }

  /** The progress query's answer: this book with the steps waiting for people, the plans and the budget. */
  TaskProgress snapshot(Approvals approvals, PlanHistory plans, Optional<TaskBudgetStatus> budget,
      Optional<DeadlineReport> deadline) {
    Map<String, String> awaiting = approvals.waiting();
    List<StepStatus> steps = new ArrayList<>();
    if (plan != null) {
      for (PlannedStep s : plan.steps()) {
        StepState state = awaiting.containsKey(s.name()) ? StepState.AWAITING_APPROVAL : dag.state(s.name());
        steps.add(new StepStatus(s.name(), s.kind().name().toLowerCase(Locale.ROOT), s.tool(), s.needs(), state,
            attempts.getOrDefault(s.name(), 0), new StepOutcome(outputs.get(s.name()), summaries.get(s.name()),
                errors.get(s.name())), Optional.ofNullable(runs.get(s.name())), clocks.of(s.name())));
      }
    }
    String shownError = error != null ? error : paused ? "paused: " + pauseReason : null;
    TaskState shown = visibleState() == TaskState.RUNNING && !awaiting.isEmpty() ? TaskState.AWAITING_APPROVAL
        : visibleState();
    return new TaskProgress(new TaskStatus(task.taskId(), task.goal(), task.pipelineName(), shown, result,
        shownError), new TaskTimes(createdAt, updatedAt, endedAt), steps,
        new ApprovalLog(awaiting, approvals.decisions()), plans, budget, deadline, Optional.of(timeline.snapshot()));
  }
}
