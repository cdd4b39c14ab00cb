package io.nightshift.api;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.tool.Tool;
import io.nightshift.runtime.backends.BackendWorker;
import io.nightshift.runtime.backends.FleetInventory;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.activities.PlanningActivitiesImpl;
import io.nightshift.workflows.activities.StepActivitiesImpl;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.nightshift.workflows.task.TaskWorkflowImpl;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The workers of tests whose tool steps run on pools, on Temporal's test server: the control queue (task and map
 * workflows, the given plan) and each pool's queue (its inventory, and step calls admitted as the runtime's worker
 * admits them, every one running the given tool).
 */
public final class ToolStepsOnPools {
  /** How often a running step beats: often, so a view that reads beats sees the first one soon. */
  private static final long BEAT_EVERY_MILLIS = 200;

  private ToolStepsOnPools() {}

  /**
   * Registers the workers and starts the environment.
   *
   * @param plan asked at each planning, so a test may change what it plans between tasks
   * @return the pools' workers, for the caller to shut down
   */
  public static WorkerFactory start(TestWorkflowEnvironment env, Supplier<Plan> plan, FleetInventory inventory,
      Tool tool, Path dir) throws IOException {
    Worker control = env.newWorker(TaskQueues.CONTROL);
    control.registerWorkflowImplementationTypes(TaskWorkflowImpl.class, MapWorkflowImpl.class);
    control.registerActivitiesImplementations(new PlanningActivitiesImpl(r -> plan.get()));
    env.start();
    ToolFiles files = ToolFiles.withoutInputs(new FileArtifactStore(dir.resolve("artifacts")), dir.resolve("scratch"));
    return BackendWorker.start(env.getWorkflowClient(), inventory,
        admission -> new StepActivitiesImpl(name -> Optional.of(tool), files, BEAT_EVERY_MILLIS, admission), true);
  }
}
