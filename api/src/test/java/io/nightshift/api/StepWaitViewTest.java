package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.Task;
import io.nightshift.core.accelerator.AcceleratorBackends;
import io.nightshift.core.pipeline.PlacementSpec;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.Requirements;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.runtime.backends.BackendFleet;
import io.nightshift.runtime.backends.FleetInventory;
import io.nightshift.runtime.backends.PoolConfig;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.task.TaskInput;
import io.nightshift.workflows.task.TaskWorkflow;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A step that waits at its pool for units the other step holds shows why in the task view, from the heartbeat its
 * call sends while it waits; once it runs, the line is gone. Temporal's test server, the runtime's fleet, gate and
 * pool worker, the API's task reader.
 */
class StepWaitViewTest {
  @TempDir Path dir;
  private final HeldUntilReleased tool = new HeldUntilReleased();

  @Test
  void shouldShowWhichPoolAStepWaitsAtAndHowManyAreAhead() throws Exception {
    try (BackendFleet fleet = BackendFleet.create(List.of(new PoolConfig("simulated", "gpus",
        Map.of("devices", "8"), 1.0, List.of(), List.of(), List.of())), AcceleratorBackends.load(), "test");
        FleetInventory inventory = new FleetInventory(fleet, Duration.ofSeconds(5));
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      WorkerFactory pools = ToolStepsOnPools.start(env, StepWaitViewTest::plan, inventory, tool, dir);
      try {
        TaskWorkflow task = env.getWorkflowClient().newWorkflowStub(TaskWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId("waits").setTaskQueue(TaskQueues.CONTROL).build());
        WorkflowClient.start(task::run, TaskInput.builder("waits", "g").pipeline("p", "placed")
            .pools(List.of("gpus")).build());
        TaskReader reader = new TaskReader(env.getWorkflowClient());

        Step waiting = awaitWaitingStep(reader);

        assertThat(waiting.getWaiting()).isEqualTo("waiting for 8 nvidia_gpu on pool gpus, 0 ahead (8 of 8 held)");
        tool.release();
        env.getWorkflowClient().newUntypedWorkflowStub("waits").getResult(30, TimeUnit.SECONDS, Object.class);
        assertThat(reader.get("waits").getStepsList()).allSatisfy(s -> assertThat(s.getWaiting()).isEmpty());
      } finally {
        tool.release();
        pools.shutdownNow();
      }
    }
  }

  private static Step awaitWaitingStep(TaskReader reader) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      Task view = reader.get("waits");
      Optional<Step> waiting = view.getStepsList().stream().filter(s -> !s.getWaiting().isEmpty()).findFirst();
      if (waiting.isPresent()) {
        return waiting.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no step of the task view said it waits");
  }

  private static Plan plan() {
    return new Plan("p", 1, Map.of(), List.of(step("first"), step("second")), PlacementSpec.DEFAULT, null);
  }

  private static PlannedStep step(String name) {
    return new PlannedStep(name, StepKind.TOOL, "block", Map.of(), List.of(), StepPolicy.DEFAULT, null, 0, null,
        new Requirements("nvidia_gpu", 8, 0, "", 0, 0), null, false);
  }
}
