package io.nightshift.api;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.planners.declarative.DeclarativePlanner;
import io.nightshift.runtime.pipelines.PipelineCatalog;
import io.nightshift.tools.registry.ToolRegistry;
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
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Tasks whose steps each wait for the test to open a gate, on Temporal's test server with the real task workflow
 * and step activities: a test makes a task change exactly when it wants (a chain of {@code gate} steps, each
 * succeeding when let through).
 */
final class StepsOnGates implements AutoCloseable {
  private final Semaphore permits = new Semaphore(0);
  private final TestWorkflowEnvironment env;

  /** @param steps the chain's length: every task planned here runs steps s1 .. s{steps}, each needing the one before */
  StepsOnGates(Path dir, int steps) throws IOException {
    env = TestWorkflowEnvironment.newInstance();
    Worker control = env.newWorker(TaskQueues.CONTROL);
    control.registerWorkflowImplementationTypes(TaskWorkflowImpl.class, MapWorkflowImpl.class);
    control.registerActivitiesImplementations(new PlanningActivitiesImpl(r -> chain(steps)));
    ToolFiles files = ToolFiles.withoutInputs(FileArtifactStore.unencrypted(dir.resolve("artifacts")),
        dir.resolve("scratch"));
    control.registerActivitiesImplementations(new StepActivitiesImpl(name -> Optional.of(new Gate()), files, 200));
    env.start();
  }

  WorkflowClient client() {
    return env.getWorkflowClient();
  }

  /** The API's submitter over this Temporal, for serving the API (tasks here start through {@link #start}). */
  TaskSubmitter submitter(Path dir) {
    return new TaskSubmitter(client(), new DeclarativePlanner(ToolRegistry.fromClassPath()),
        PipelineCatalog.load(dir.resolve("pipelines")), 8, false, List.of(), Optional.empty());
  }

  /** Starts a task and returns at once; its first step waits at its gate. */
  void start(String id) {
    TaskWorkflow task = client().newWorkflowStub(TaskWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.CONTROL).build());
    WorkflowClient.start(task::run, TaskInput.builder(id, "gated").pipeline("gates", "gates").build());
  }

  /** Lets the next waiting step (or the next to come) through. */
  void open() {
    permits.release();
  }

  void awaitEnd(String id) throws Exception {
    client().newUntypedWorkflowStub(id).getResult(30, TimeUnit.SECONDS, Object.class);
  }

  private static Plan chain(int steps) {
    List<PlannedStep> chain = new ArrayList<>();
    for (int i = 1; i <= steps; i++) {
      chain.add(PlannedStep.tool("s" + i, "gate", Map.of(), i == 1 ? List.of() : List.of("s" + (i - 1))));
    }
    return Plan.of("gates", 1, Map.of(), chain);
  }

  /** Waits (30 s at most) for the test to open the gate, then succeeds. */
  private final class Gate implements Tool {
    @Override
    public ToolDescriptor descriptor() {
      return new ToolDescriptor("gate", "waits until the test opens it", List.of());
    }

    @Override
    public ToolOutput execute(ToolContext context, ToolArguments arguments) {
      try {
        if (!permits.tryAcquire(30, TimeUnit.SECONDS)) {
          throw ToolException.permanent("the test never opened the gate");
        }
        return new ToolOutput(context.artifacts().put("passed".getBytes(StandardCharsets.UTF_8), "text/plain"),
            "passed");
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw ToolException.permanent("interrupted");
      } catch (IOException e) {
        throw ToolException.retryable("store", e);
      }
    }
  }

  @Override
  public void close() {
    env.close();
  }
}
