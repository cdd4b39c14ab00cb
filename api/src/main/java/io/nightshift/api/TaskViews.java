package io.nightshift.api;

import com.google.protobuf.Timestamp;
import io.nightshift.api.v1.ArtifactRef;
import io.nightshift.api.v1.Decision;
import io.nightshift.api.v1.PlacementDeadline;
import io.nightshift.api.v1.PlanVersion;
import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.StepState;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskBudgetUsage;
import io.nightshift.api.v1.TaskState;
import io.nightshift.workflows.task.StepOutcome;
import io.nightshift.workflows.task.StepRun;
import io.nightshift.workflows.task.StepStatus;
import io.nightshift.workflows.task.TaskProgress;
import io.nightshift.workflows.task.TaskStatus;
import io.nightshift.workflows.task.TaskTimes;
import io.nightshift.workflows.task.budget.TaskBudgetStatus;
import java.util.Map;
import java.util.TreeMap;

/** Converts the engine's records into the public API's messages. */
final class TaskViews {
  private TaskViews() {}

  static Task.Builder fromProgress(TaskProgress p) {
    TaskStatus status = p.status();
    Task.Builder t = Task.newBuilder().setId(status.taskId()).setGoal(nz(status.goal()))
        .setPipeline(nz(status.pipeline())).setState(state(status.state())).setError(nz(status.error()));
    Map<String, Integer> counts = new TreeMap<>();
    for (StepStatus s : p.steps()) {
      StepState st = StepState.valueOf("STEP_STATE_" + s.state().name());
      counts.merge(st.name(), 1, Integer::sum);
      StepOutcome outcome = s.outcome();
      Step.Builder step = Step.newBuilder().setName(s.name()).setTool(nz(s.tool())).setState(st)
          .addAllNeeds(s.needs()).setSummary(nz(outcome.summary())).setError(nz(outcome.error()))
          .setAttempts(s.attempts()).setKind(nz(s.kind()));
      if (outcome.output() != null) {
        step.setOutput(ref(outcome.output()));
      }
      s.run().ifPresent(run -> ranOn(run, step, t));
      s.clock().ifPresent(clock -> StepTimes.apply(clock, step));
      t.addSteps(step);
    }
    t.putAllStepCounts(counts);
    t.putAllAwaiting(p.approvals().awaiting());
    for (io.nightshift.workflows.task.control.Decision d : p.approvals().decisions()) {
      t.addDecisions(Decision.newBuilder().setStep(d.step()).setApproved(d.approved())
          .setComment(nz(d.comment())).setBy(nz(d.by())).setAt(ts(d.atMillis())));
    }
    planVersions(p, t);
    p.budget().ifPresent(b -> t.setBudget(budget(b)));
    p.deadline().ifPresent(d -> t.setDeadline(PlacementDeadline.newBuilder().setAt(ts(d.deadlineEpochMillis()))
        .setReachable(d.reachable()).setDetail(d.detail())));
    if (status.result() != null) {
      t.setResult(ref(status.result()));
    }
    times(p.times(), t);
    p.timeline().ifPresent(timeline -> StepTimes.timeline(timeline, t));
    return t;
  }

  /** Where a step ran, what it cost (also summed per pool over the task) and what its units showed. */
  private static void ranOn(StepRun run, Step.Builder step, Task.Builder t) {
    step.setPool(run.pool()).setPlacement(nz(run.placement())).setUnitSeconds(run.unitSeconds())
        .setCost(run.cost()).setTokens(run.tokens()).setFastestCost(run.fastestCost());
    run.telemetry().ifPresent(u -> step.setTelemetry(TelemetryViews.of(u, false)));
    if (run.fastestCost() > 0) {
      t.setPlacementSaving(t.getPlacementSaving() + run.fastestCost() - run.cost());
    }
    t.putUnitSecondsByPool(run.pool(), t.getUnitSecondsByPoolOrDefault(run.pool(), 0) + run.unitSeconds());
    t.putCostByPool(run.pool(), t.getCostByPoolOrDefault(run.pool(), 0) + run.cost());
    t.putTokensByPool(run.pool(), t.getTokensByPoolOrDefault(run.pool(), 0) + run.tokens());
  }

  private static void times(TaskTimes times, Task.Builder t) {
    if (times.createdAtMillis() > 0) {
      t.setCreatedAt(ts(times.createdAtMillis()));
    }
    if (times.updatedAtMillis() > 0) {
      t.setUpdatedAt(ts(times.updatedAtMillis()));
    }
    if (times.endedAtMillis() > 0) {
      t.setEndedAt(ts(times.endedAtMillis()));
    }
  }

  /** The task budget's limits, what its agent steps spent and what they hold now. */
  private static TaskBudgetUsage.Builder budget(TaskBudgetStatus b) {
    TaskBudgetUsage.Builder u = TaskBudgetUsage.newBuilder()
        .setMaxTokens(b.maxTokens()).setMaxCost(nz(b.maxCost())).setTokensSpent(b.tokensSpent())
        .setCostSpent(nz(b.costSpent())).setTokensReserved(b.tokensReserved()).setCostReserved(nz(b.costReserved()));
    if (b.deadlineMillis() > 0) {
      u.setDeadline(ts(b.deadlineMillis()));
    }
    return u;
  }

  /** The current plan version, its origin, and every version with why it was made. */
  private static void planVersions(TaskProgress p, Task.Builder t) {
    int current = p.plans().planVersion();
    t.setPlanVersion(current);
    for (io.nightshift.workflows.task.replan.PlanVersion v : p.plans().planVersions()) {
      t.addPlanVersions(PlanVersion.newBuilder().setVersion(v.version())
          .setOrigin(nz(v.origin())).setReason(nz(v.reason())).setFailedStep(nz(v.failedStep()))
          .addAllSteps(v.steps()).addAllKeptSteps(v.kept()).setCreatedAt(ts(v.createdAtMillis())));
      if (v.version() == current) {
        t.setPlanOrigin(nz(v.origin()));
      }
    }
  }

  static TaskState state(io.nightshift.workflows.task.TaskState s) {
    return TaskState.valueOf("TASK_STATE_" + s.name());
  }

  static ArtifactRef ref(io.nightshift.core.artifact.ArtifactRef r) {
    return ArtifactRef.newBuilder().setDigest(r.digest()).setSize(r.size()).setMediaType(r.mediaType()).build();
  }

  static Timestamp ts(long millis) {
    return Timestamp.newBuilder().setSeconds(millis / 1000).setNanos((int) (millis % 1000) * 1_000_000).build();
  }

  static String nz(String s) {
    return s == null ? "" : s;
  }
}
