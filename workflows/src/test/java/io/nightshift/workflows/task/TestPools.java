package io.nightshift.workflows.task;

import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.placement.PoolView;
import io.nightshift.workflows.backends.BackendQueues;
import io.nightshift.workflows.backends.InventoryActivities;
import io.nightshift.workflows.backends.InventoryResult;
import io.nightshift.workflows.backends.PoolEndpoint;
import io.nightshift.workflows.backends.PoolSnapshot;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Accelerator pools for engine tests: a worker on the pool's own queue that answers inventory with a fixed,
 * healthy snapshot. Register the pool's other activities (steps, unit holds, model servers) on the worker returned.
 */
final class TestPools {
  private TestPools() {}

  /** A CPU pool of {@code total} units, {@code free} of them free, at {@code price} per unit-hour. */
  static PoolView cpu(String id, int free, int total, double price) {
    return new PoolView(id, AcceleratorKind.CPU, free, total, 1L << 30, price, 10, 1.0, Set.of(), true, false);
  }

  static Worker start(TestWorkflowEnvironment env, PoolView view) {
    return start(env, view, List.of(), List.of());
  }

  /**
   * @param endpoints the model servers running on the pool
   * @param servable  the models it can start a server of on a lease
   */
  static Worker start(TestWorkflowEnvironment env, PoolView view, List<PoolEndpoint> endpoints,
      List<String> servable) {
    Worker worker = env.newWorker(BackendQueues.forPool(view.poolId()));
    worker.registerActivitiesImplementations((InventoryActivities) request -> new InventoryResult(List.of(
        new PoolSnapshot(view, HealthStatus.State.UP, "test pool", true, Instant.EPOCH, endpoints, servable))));
    return worker;
  }
}
