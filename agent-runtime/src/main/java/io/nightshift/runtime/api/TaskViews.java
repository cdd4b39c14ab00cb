package io.nightshift.runtime.api;

import com.google.protobuf.Timestamp;
import io.nightshift.api.v1.ArtifactRef;
import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.StepState;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskState;
import io.nightshift.workflows.task.StepStatus;
import io.nightshift.workflows.task.TaskProgress;
import java.util.Map;
import java.util.TreeMap;

/** Converts the engine's records into the public API's messages. */
final class TaskViews {
  private TaskViews() {}

  static Task.Builder fromProgress(TaskProgress p) {
    Task.Builder t = Task.newBuilder().setId(p.taskId()).setGoal(nz(p.goal())).setPipeline(nz(p.pipeline()))
        .setState(state(p.state())).setError(nz(p.error()));
    Map<String, Integer> counts = new TreeMap<>();
    for (StepStatus s : p.steps()) {
      StepState st = StepState.valueOf("STEP_STATE_" + s.state().name());
      counts.merge(st.name(), 1, Integer::sum);
      Step.Builder step = Step.newBuilder().setName(s.name()).setTool(nz(s.tool())).setState(st)
          .addAllNeeds(s.needs()).setSummary(nz(s.summary())).setError(nz(s.error())).setAttempts(s.attempts())
          .setKind(nz(s.kind()));
      if (s.output() != null) {
        step.setOutput(ref(s.output()));
      }
      if (s.run() != null) {
        step.setPool(s.run().pool()).setPlacement(nz(s.run().placement())).setUnitSeconds(s.run().unitSeconds())
            .setCost(s.run().cost()).setTokens(s.run().tokens());
        t.putUnitSecondsByPool(s.run().pool(),
            t.getUnitSecondsByPoolOrDefault(s.run().pool(), 0) + s.run().unitSeconds());
        t.putCostByPool(s.run().pool(), t.getCostByPoolOrDefault(s.run().pool(), 0) + s.run().cost());
        t.putTokensByPool(s.run().pool(), t.getTokensByPoolOrDefault(s.run().pool(), 0) + s.run().tokens());
      }
      t.addSteps(step);
    }
    t.putAllStepCounts(counts);
    t.putAllAwaiting(p.awaiting());
    for (io.nightshift.workflows.task.control.Decision d : p.decisions()) {
      t.addDecisions(io.nightshift.api.v1.Decision.newBuilder().setStep(d.step()).setApproved(d.approved())
          .setComment(nz(d.comment())).setBy(nz(d.by())).setAt(ts(d.atMillis())));
    }
    planVersions(p, t);
    budget(p, t);
    if (p.result() != null) {
      t.setResult(ref(p.result()));
    }
    if (p.createdAtMillis() > 0) {
      t.setCreatedAt(ts(p.createdAtMillis()));
    }
    if (p.updatedAtMillis() > 0) {
      t.setUpdatedAt(ts(p.updatedAtMillis()));
    }
    if (p.endedAtMillis() > 0) {
      t.setEndedAt(ts(p.endedAtMillis()));
    }
    return t;
  }

  /** The task budget's limits, what its agent steps spent and what they hold now; nothing without one. */
  private static void budget(TaskProgress p, Task.Builder t) {
    io.nightshift.workflows.task.budget.TaskBudgetStatus b = p.budget();
    if (b == null) {
      return;
    }
    io.nightshift.api.v1.TaskBudgetUsage.Builder u = io.nightshift.api.v1.TaskBudgetUsage.newBuilder()
        .setMaxTokens(b.maxTokens()).setMaxCost(nz(b.maxCost())).setTokensSpent(b.tokensSpent())
        .setCostSpent(nz(b.costSpent())).setTokensReserved(b.tokensReserved()).setCostReserved(nz(b.costReserved()));
    if (b.deadlineMillis() > 0) {
      u.setDeadline(ts(b.deadlineMillis()));
    }
    t.setBudget(u);
  }

  /** The current plan version, its origin, and every version with why it was made. */
  private static void planVersions(TaskProgress p, Task.Builder t) {
    t.setPlanVersion(p.planVersion());
    for (io.nightshift.workflows.task.replan.PlanVersion v : p.planVersions()) {
      t.addPlanVersions(io.nightshift.api.v1.PlanVersion.newBuilder().setVersion(v.version())
          .setOrigin(nz(v.origin())).setReason(nz(v.reason())).setFailedStep(nz(v.failedStep()))
          .addAllSteps(v.steps()).addAllKeptSteps(v.kept()).setCreatedAt(ts(v.createdAtMillis())));
      if (v.version() == p.planVersion()) {
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
