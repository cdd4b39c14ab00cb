package io.nightshift.api;

import io.nightshift.api.v1.Step;
import io.nightshift.core.accelerator.AcceleratorBackends;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.tool.Tool;
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
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Tests whose tool steps run on pools, on Temporal's test server: the runtime's fleet of the given pools, the
 * control queue (task and map workflows, the given plan) and each pool's queue (its inventory, and step calls
 * admitted as the runtime's worker admits them, every one running the given tool), and the API's task reader.
 */
final class ToolStepsOnPools implements AutoCloseable {
  /** How often a running step beats: often, so a view that reads beats sees the first one soon. */
  private static final long BEAT_EVERY_MILLIS = 200;

  private final BackendFleet fleet;
  private final FleetInventory inventory;
  private final TestWorkflowEnvironment env;
  private final WorkerFactory pools;

  private ToolStepsOnPools(BackendFleet fleet, FleetInventory inventory, TestWorkflowEnvironment env,
      WorkerFactory pools) {
    this.fleet = fleet;
    this.inventory = inventory;
    this.env = env;
    this.pools = pools;
  }

  /** @param plan asked at each planning, so a test may change what it plans between tasks */
  static ToolStepsOnPools start(List<PoolConfig> configs, Supplier<Plan> plan, Tool tool, Path dir)
      throws IOException {
    BackendFleet fleet = BackendFleet.create(configs, AcceleratorBackends.load(), "test");
    FleetInventory inventory = new FleetInventory(fleet, Duration.ofSeconds(5));
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    Worker control = env.newWorker(TaskQueues.CONTROL);
    control.registerWorkflowImplementationTypes(TaskWorkflowImpl.class, MapWorkflowImpl.class);
    control.registerActivitiesImplementations(new PlanningActivitiesImpl(r -> plan.get()));
    env.start();
    ToolFiles files =
        ToolFiles.withoutInputs(FileArtifactStore.unencrypted(dir.resolve("artifacts")), dir.resolve("scratch"));
    WorkerFactory pools = BackendWorker.start(env.getWorkflowClient(), inventory,
        admission -> new StepActivitiesImpl(name -> Optional.of(tool), files, BEAT_EVERY_MILLIS, admission), true);
    return new ToolStepsOnPools(fleet, inventory, env, pools);
  }

  TestWorkflowEnvironment env() {
    return env;
  }

  /** The task's workflow, on every pool of the fleet, its id the task's. */
  TaskWorkflow task(String id) {
    return env.getWorkflowClient().newWorkflowStub(TaskWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.CONTROL).build());
  }

  TaskInput input(String id) {
    return TaskInput.builder(id, "g").pipeline("p", "placed").pools(fleet.ids()).build();
  }

  /** Starts the task and returns at once. */
  void startTask(String id) {
    WorkflowClient.start(task(id)::run, input(id));
  }

  /** Waits for the task to end. */
  void awaitEnd(String id) throws Exception {
    env.getWorkflowClient().newUntypedWorkflowStub(id).getResult(30, TimeUnit.SECONDS, Object.class);
  }

  TaskReader reader() {
    return new TaskReader(env.getWorkflowClient());
  }

  /** The first step of the task's view (as GetTask reads it) that {@code shows} what the test waits for. */
  Step awaitStep(String id, Predicate<Step> shows, String what) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
    while (System.nanoTime() < deadline) {
      Optional<Step> step = reader().get(id, TenantScope.everyTenant())
          .getStepsList().stream().filter(shows).findFirst();
      if (step.isPresent()) {
        return step.get();
      }
      Thread.sleep(100);
    }
    throw new AssertionError("no step of task " + id + " showed " + what + " within 20 s");
  }

  @Override
  public void close() {
    pools.shutdownNow();
    env.close();
    inventory.close();
    fleet.close();
  }
}
