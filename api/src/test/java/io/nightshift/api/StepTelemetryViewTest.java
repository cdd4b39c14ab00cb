package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.StepTelemetry;
import io.nightshift.api.v1.Task;
import io.nightshift.core.accelerator.UnitTelemetry;
import io.nightshift.core.pipeline.PlacementSpec;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.Requirements;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.runtime.backends.PoolConfig;
import io.nightshift.workflows.activities.StepBeat;
import io.nightshift.workflows.dag.StepState;
import io.nightshift.workflows.task.ApprovalLog;
import io.nightshift.workflows.task.PlanHistory;
import io.nightshift.workflows.task.StepOutcome;
import io.nightshift.workflows.task.StepRun;
import io.nightshift.workflows.task.StepStatus;
import io.nightshift.workflows.task.TaskProgress;
import io.nightshift.workflows.task.TaskState;
import io.nightshift.workflows.task.TaskStatus;
import io.nightshift.workflows.task.TaskTimes;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A placed step's unit telemetry in the task view: live from its heartbeat while it runs, final from its record
 * once it finished, figures the executor did not read unset. The first test runs it: a simulated pool of 4 devices (busy: 100 %, 700 W; idle: 0 %, 70 W), the step holding 2 of
 * them; Temporal's test server, the runtime's fleet and pool worker, the API's task reader (GetTask's).
 */
class StepTelemetryViewTest {
  @TempDir Path dir;
  private final HeldUntilReleased tool = new HeldUntilReleased();

  @Test
  void shouldShowARunningStepsTelemetryLiveAndAFinishedStepsFinal() throws Exception {
    try (ToolStepsOnPools on = ToolStepsOnPools.start(List.of(new PoolConfig("simulated", "gpus",
        Map.of("devices", "4"), 1.0, List.of(), List.of(), List.of())), StepTelemetryViewTest::plan, tool, dir)) {
      on.startTask("live");

      StepTelemetry live = on.awaitStep("live", Step::hasTelemetry, "its units' telemetry").getTelemetry();

      assertThat(live.getLive()).isTrue();
      assertThat(live.getSamples()).isPositive();
      assertThat(live.getMeanUtilizationPercent()).isEqualTo(100); // the idle pair at 0 % is not the step's
      assertThat(live.getMeanPowerWatts()).isEqualTo(2 * 700.0);
      assertThat(live.hasPeakMemoryUsedBytes()).as("the simulator reads no memory").isFalse();
      tool.release();
      on.awaitEnd("live");
      Step finished = on.reader().get("live", TenantScope.everyTenant()).getSteps(0);
      StepTelemetry last = finished.getTelemetry();
      assertThat(last.getLive()).isFalse();
      assertThat(last.getSamples()).isGreaterThanOrEqualTo(live.getSamples());
      assertThat(last.getPeakUtilizationPercent()).isEqualTo(100);
      assertThat(last.getMeanPowerWatts()).isEqualTo(2 * 700.0);
      // 5 % of the step's own energy: the units' samples and the lease's clock are read apart, and on a loaded
      // machine their ends differ by tenths of a second (a fixed 35 J, 0.05 unit-seconds, failed under load)
      assertThat(last.getEnergyJoules()).isCloseTo(700 * finished.getUnitSeconds(), withinPercentage(5));
      assertThat(last.hasPeakMemoryUsedBytes()).isFalse();
    } finally {
      tool.release();
    }
  }

  @Test
  void shouldLeaveUnreadFiguresUnsetAndKeepAFinishedStepsOwnRecordOverABeat() {
    UnitTelemetry neuron = new UnitTelemetry(3, OptionalDouble.of(40), OptionalDouble.of(90), OptionalLong.empty(),
        OptionalDouble.empty(), OptionalDouble.empty());
    UnitTelemetry beat = new UnitTelemetry(1, OptionalDouble.of(100), OptionalDouble.of(100),
        OptionalLong.of(8L << 30), OptionalDouble.of(700), OptionalDouble.of(70));
    TaskProgress progress = new TaskProgress(new TaskStatus("t", "g", "p", TaskState.RUNNING, null, null),
        new TaskTimes(1, 2, 0), List.of(
            step("done", StepState.SUCCEEDED, Optional.of(new StepRun("trn", "cheapest", 4, 0, 0, 0,
                Optional.of(neuron)))),
            step("running", StepState.RUNNING, Optional.empty()), step("dock", StepState.RUNNING, Optional.empty())),
        new ApprovalLog(Map.of(), List.of()), new PlanHistory(1, List.of()), Optional.empty(), Optional.empty());

    Task view = StepBeats.apply(TaskViews.fromProgress(progress), Map.of(
        "done", StepBeat.running("", "done", Optional.of(beat)),
        "running", StepBeat.running("", "running", Optional.of(beat)),
        "dock[3]", StepBeat.running("", "dock[3]", Optional.of(beat)))).build();

    StepTelemetry done = view.getSteps(0).getTelemetry();
    assertThat(done.getLive()).isFalse();
    assertThat(done.getSamples()).isEqualTo(3);
    assertThat(done.getMeanUtilizationPercent()).isEqualTo(40);
    assertThat(done.hasPeakMemoryUsedBytes() || done.hasMeanPowerWatts() || done.hasEnergyJoules()).isFalse();
    StepTelemetry running = view.getSteps(1).getTelemetry();
    assertThat(running.getLive()).isTrue();
    assertThat(running.getPeakMemoryUsedBytes()).isEqualTo(8L << 30);
    assertThat(running.getEnergyJoules()).isEqualTo(70);
    assertThat(view.getSteps(2).hasTelemetry()).as("a map step: its chunks' beats name the chunks").isFalse();
  }

  private static StepStatus step(String name, StepState state, Optional<StepRun> run) {
    return new StepStatus(name, "tool", "block", List.of(), state, 1, new StepOutcome(null, null, null), run);
  }

  private static Plan plan() {
    return new Plan("p", 1, Map.of(), List.of(new PlannedStep("pair", StepKind.TOOL, "block", Map.of(), List.of(),
        StepPolicy.DEFAULT, null, 0, null, new Requirements("nvidia_gpu", 2, 0, "", 0, 0), null, false)),
        PlacementSpec.DEFAULT, null);
  }
}
