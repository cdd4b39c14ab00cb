package io.nightshift.workflows.task;

import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.placement.PoolView;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.activities.PlanningActivitiesImpl;
import io.nightshift.workflows.agent.AgentWorkflowImpl;
import io.nightshift.workflows.backends.BackendQueues;
import io.nightshift.workflows.backends.InventoryActivities;
import io.nightshift.workflows.backends.InventoryResult;
import io.nightshift.workflows.backends.PoolEndpoint;
import io.nightshift.workflows.backends.PoolSnapshot;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * The workers of an engine test that sets up its own pools: the control workers, whose planner always answers one
 * plan, and accelerator pools, each a worker on its own queue that answers inventory with a fixed, healthy
 * snapshot. Register a pool's other activities (steps, unit holds, model servers) on the worker returned.
 */
final class TestWorkers {
  private TestWorkers() {}

  /** The task, map and agent workflows, a planner that answers {@code plan}, and {@code activities}. */
  static Worker control(TestWorkflowEnvironment env, Plan plan, Object... activities) {
    Worker worker = env.newWorker(TaskQueues.CONTROL);
    worker.registerWorkflowImplementationTypes(TaskWorkflowImpl.class, MapWorkflowImpl.class,
        AgentWorkflowImpl.class);
    worker.registerActivitiesImplementations(new PlanningActivitiesImpl(request -> plan));
    worker.registerActivitiesImplementations(activities);
    return worker;
  }

  /** A stub of task {@code id} (its workflow id) on the control queue. */
  static TaskWorkflow task(TestWorkflowEnvironment env, String id) {
    return env.getWorkflowClient().newWorkflowStub(TaskWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.CONTROL).build());
  }

  /** A CPU pool of {@code total} units, {@code free} of them free, at {@code price} per unit-hour. */
  static PoolView cpu(String id, int free, int total, double price) {
    return new PoolView(id, AcceleratorKind.CPU, free, total, 1L << 30, price, 10, 1.0, Set.of(), true, false);
  }

  static Worker pool(TestWorkflowEnvironment env, PoolView view) {
    return pool(env, view, List.of(), List.of());
  }

  /**
   * @param endpoints the model servers running on the pool
   * @param servable  the models it can start a server of on a lease
   */
  static Worker pool(TestWorkflowEnvironment env, PoolView view, List<PoolEndpoint> endpoints,
      List<String> servable) {
    Worker worker = env.newWorker(BackendQueues.forPool(view.poolId()));
    worker.registerActivitiesImplementations((InventoryActivities) request -> new InventoryResult(List.of(
        new PoolSnapshot(view, HealthStatus.State.UP, "test pool", true, Instant.EPOCH, endpoints, servable, 0))));
    return worker;
  }
}
