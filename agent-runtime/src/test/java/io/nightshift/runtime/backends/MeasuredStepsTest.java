package io.nightshift.runtime.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nightshift.core.accelerator.AcceleratorBackends;
import io.nightshift.core.accelerator.UnitTelemetry;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.pipeline.PlacementSpec;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.Requirements;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.activities.PlanningActivitiesImpl;
import io.nightshift.workflows.activities.StepActivitiesImpl;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.nightshift.workflows.task.StepRun;
import io.nightshift.workflows.task.TaskInput;
import io.nightshift.workflows.task.TaskState;
import io.nightshift.workflows.task.TaskWorkflow;
import io.nightshift.workflows.task.TaskWorkflowImpl;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step placed on a pool comes back with what its units showed while it held them, sampled by the pool's worker:
 * the task workflow on Temporal's test server places it, the pool worker admits it at the gate of a simulated pool
 * of 4 devices (busy: 100 %, 700 W; idle: 0 %, 70 W), the tool holds 2 of them for 400 ms.
 */
class MeasuredStepsTest {
  @TempDir Path dir;

  @Test
  void shouldRecordTheTelemetryOfExactlyTheLeasedUnitsWithTheFinishedStep() throws Exception {
    try (BackendFleet fleet = BackendFleet.create(List.of(new PoolConfig("simulated", "gpus", Map.of("devices", "4"),
        1.0, List.of(), List.of(), List.of())), AcceleratorBackends.load(), "test");
        FleetInventory inventory = new FleetInventory(fleet, Duration.ofSeconds(10));
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      FileArtifactStore store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
      Worker control = env.newWorker(TaskQueues.CONTROL);
      control.registerWorkflowImplementationTypes(TaskWorkflowImpl.class, MapWorkflowImpl.class);
      control.registerActivitiesImplementations(new PlanningActivitiesImpl(r -> plan()));
      env.start();
      ToolFiles files = ToolFiles.withoutInputs(store, dir.resolve("scratch"));
      WorkerFactory pools = BackendWorker.start(env.getWorkflowClient(), inventory,
          admission -> new StepActivitiesImpl(name -> Optional.of(new Hold()), files, 500, admission), true);
      try {
        TaskWorkflow task = env.getWorkflowClient().newWorkflowStub(TaskWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId("measured").setTaskQueue(TaskQueues.CONTROL).build());
        task.run(TaskInput.builder("measured", "g").pipeline("p", "placed").pools(List.of("gpus")).build());

        assertThat(task.progress().status().state()).isEqualTo(TaskState.SUCCEEDED);
        StepRun run = task.progress().steps().get(0).run().orElseThrow();
        UnitTelemetry u = run.telemetry().orElseThrow();
        assertThat(u.samples()).isPositive();
        assertThat(u.meanUtilizationPercent()).hasValue(100);
        assertThat(u.peakUtilizationPercent()).hasValue(100);
        assertThat(u.meanPowerWatts()).hasValue(2 * 700.0); // the idle pair's 2 x 70 W is not the step's
        // 1,400 W over the hold, which the unit-seconds measure too (2 units x the hold's seconds)
        assertThat(u.energyJoules().getAsDouble()).isCloseTo(700 * run.unitSeconds(), within(700 * 0.05));
        assertThat(u.peakMemoryUsedBytes()).isEmpty();
      } finally {
        pools.shutdownNow();
      }
    }
  }

  private static Plan plan() {
    return new Plan("p", 1, Map.of(), List.of(new PlannedStep("pair", StepKind.TOOL, "hold", Map.of(), List.of(),
        StepPolicy.DEFAULT, null, 0, null, new Requirements("nvidia_gpu", 2, 0, "", 0, 0), null, false)),
        PlacementSpec.DEFAULT, null);
  }

  /** Holds its units for 400 ms. */
  private static final class Hold implements Tool {
    @Override
    public ToolDescriptor descriptor() {
      return new ToolDescriptor("hold", "holds its units a while", List.of());
    }

    @Override
    public ToolOutput execute(ToolContext context, ToolArguments arguments) {
      try {
        Thread.sleep(400);
        return new ToolOutput(context.artifacts().put("held".getBytes(StandardCharsets.UTF_8), "text/plain"),
            "held " + context.units().orElseThrow().devices().size());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ToolException.permanent("interrupted");
      } catch (IOException e) {
        throw ToolException.retryable("store", e);
      }
    }
  }
}
