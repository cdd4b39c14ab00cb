package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.Task;
import io.nightshift.core.accelerator.AcceleratorBackends;
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
import io.nightshift.runtime.backends.BackendFleet;
import io.nightshift.runtime.backends.BackendWorker;
import io.nightshift.runtime.backends.FleetInventory;
import io.nightshift.runtime.backends.PoolConfig;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.activities.PlanningActivitiesImpl;
import io.nightshift.workflows.activities.StepActivitiesImpl;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.nightshift.workflows.task.TaskInput;
import io.nightshift.workflows.task.TaskWorkflow;
import io.nightshift.workflows.task.TaskWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
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
  private final CountDownLatch release = new CountDownLatch(1);

  @Test
  void shouldShowWhichPoolAStepWaitsAtAndHowManyAreAhead() throws Exception {
    try (BackendFleet fleet = BackendFleet.create(List.of(new PoolConfig("simulated", "gpus",
        Map.of("devices", "8"), 1.0, List.of(), List.of(), List.of())), AcceleratorBackends.load(), "test");
        FleetInventory inventory = new FleetInventory(fleet, Duration.ofSeconds(5));
        TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      FileArtifactStore store = new FileArtifactStore(dir.resolve("artifacts"));
      ToolFiles files = ToolFiles.withoutInputs(store, dir.resolve("scratch"));
      env.newWorker(TaskQueues.CONTROL).registerWorkflowImplementationTypes(TaskWorkflowImpl.class,
          MapWorkflowImpl.class);
      env.newWorker(TaskQueues.CONTROL).registerActivitiesImplementations(new PlanningActivitiesImpl(r -> plan()));
      env.start();
      WorkerFactory pools = BackendWorker.start(env.getWorkflowClient(), inventory,
          gate -> new StepActivitiesImpl(name -> Optional.of(new Blocking()), files, 200, gate), true);
      try {
        TaskWorkflow task = env.getWorkflowClient().newWorkflowStub(TaskWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId("waits").setTaskQueue(TaskQueues.CONTROL).build());
        WorkflowClient.start(task::run, TaskInput.builder("waits", "g").pipeline("p", "placed")
            .pools(List.of("gpus")).build());
        TaskReader reader = new TaskReader(env.getWorkflowClient());

        Step waiting = awaitWaitingStep(reader);

        assertThat(waiting.getWaiting()).isEqualTo("waiting for 8 nvidia_gpu on pool gpus, 0 ahead (8 of 8 held)");
        release.countDown();
        env.getWorkflowClient().newUntypedWorkflowStub("waits").getResult(30, TimeUnit.SECONDS, Object.class);
        assertThat(reader.get("waits").getStepsList()).allSatisfy(s -> assertThat(s.getWaiting()).isEmpty());
      } finally {
        release.countDown();
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

  /** Holds its units until the test lets it go. */
  private final class Blocking implements Tool {
    @Override
    public ToolDescriptor descriptor() {
      return new ToolDescriptor("block", "holds its units until released", List.of());
    }

    @Override
    public ToolOutput execute(ToolContext context, ToolArguments arguments) {
      try {
        release.await(30, TimeUnit.SECONDS);
        return new ToolOutput(context.artifacts().put("done".getBytes(StandardCharsets.UTF_8), "text/plain"),
            "done");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ToolException.permanent("interrupted");
      } catch (IOException e) {
        throw ToolException.retryable("store", e);
      }
    }
  }
}
