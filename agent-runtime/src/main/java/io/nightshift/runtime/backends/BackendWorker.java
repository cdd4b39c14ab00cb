package io.nightshift.runtime.backends;

import io.nightshift.workflows.activities.StepActivitiesImpl;
import io.nightshift.workflows.activities.UnitAdmission;
import io.nightshift.workflows.logging.ActivityLogContext;
import io.temporal.client.WorkflowClient;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import io.temporal.worker.WorkerFactoryOptions;
import io.temporal.worker.WorkerOptions;
import java.time.Duration;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Polls one Temporal task queue per pool this process holds ({@code backend-<poolId>}) and serves the inventory
 * activity there, so workflows reach exactly the machine that has a pool. Work that must run on a pool's hardware
 * (model calls, tools on leased units) is registered on the same queues.
 */
public final class BackendWorker {
  private static final Logger log = LoggerFactory.getLogger(BackendWorker.class);

  /** Step calls one pool worker takes at once, running or waiting at their pool's gate. */
  static final int MAX_CALLS = 2_000;

  private BackendWorker() {}

  /**
   * @param steps     tool steps placed on these pools run here, on the pool's own queue: given how the pool's step
   *                  calls get its units (its gate, with their telemetry sampled), the step activities whose calls
   *                  hold that pool's units while they run
   * @param stickyOff true on the in-memory server, which never times out a dead worker's sticky queue
   * @param more  further activities served on every pool queue (model servers on leases, and the model and tool
   *              calls of agents that use them, which must run where the server's endpoint is registered)
   */
  public static WorkerFactory start(WorkflowClient client, FleetInventory inventory,
      Function<UnitAdmission, StepActivitiesImpl> steps, boolean stickyOff, Object... more) {
    return start(client, WorkerFactoryOptions.getDefaultInstance(), inventory, steps, stickyOff, more);
  }

  /** @param factoryOptions the workers' interceptors (the runtime's step timings); the log context's are added */
  public static WorkerFactory start(WorkflowClient client, WorkerFactoryOptions factoryOptions,
      FleetInventory inventory, Function<UnitAdmission, StepActivitiesImpl> steps, boolean stickyOff,
      Object... more) {
    WorkerFactory factory = WorkerFactory.newInstance(client, ActivityLogContext.around(factoryOptions));
    // a call waiting at a pool's gate holds an activity slot (a parked thread); Temporal's default of 200 would leave
    // the rest of a large fan-out in Temporal's queue, where its pick-up timeout would move it to another pool
    WorkerOptions.Builder options = WorkerOptions.newBuilder().setMaxConcurrentActivityExecutionSize(MAX_CALLS);
    if (stickyOff) {
      options.setStickyQueueScheduleToStartTimeout(Duration.ZERO);
    }
    InventoryActivitiesImpl activities = new InventoryActivitiesImpl(inventory);
    for (BackendFleet.Pool pool : inventory.fleet().pools()) {
      Worker worker = factory.newWorker(pool.taskQueue(), options.build());
      worker.registerActivitiesImplementations(activities, steps.apply(pool.stepAdmission()),
          UnitHoldActivitiesImpl.of(pool.stepAdmission()));
      if (more.length > 0) {
        worker.registerActivitiesImplementations(more);
      }
      log.info("worker polling {} for pool {} ({})", pool.taskQueue(), pool.id(), pool.config().type());
    }
    factory.start();
    return factory;
  }
}
