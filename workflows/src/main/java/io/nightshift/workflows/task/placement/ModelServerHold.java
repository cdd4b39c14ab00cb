package io.nightshift.workflows.task.placement;

import io.nightshift.workflows.backends.BackendActivityOptions;
import io.nightshift.workflows.backends.ModelServerActivities;
import io.nightshift.workflows.backends.ServeRelease;
import io.nightshift.workflows.backends.ServeRequest;
import io.nightshift.workflows.backends.ServedModel;
import io.temporal.workflow.Workflow;

/**
 * An agent step's hold on a model server its pool started on a lease: acquired before each run of the agent and
 * released after it (also when the step is cancelled), so the server is not held while the step waits for a
 * person; the pool keeps it warm in between. Counts the unit-seconds held, which the step is charged at the pool's
 * price. Workflow code: the acquire and release are activities on the pool's queue.
 */
public final class ModelServerHold {
  private final StepPlacer.AgentPlacement placed;
  private final String owner;
  private final ModelServerActivities servers;
  private ServedModel held;
  private long heldSince;
  private double unitSeconds;

  public ModelServerHold(StepPlacer.AgentPlacement placed, String owner) {
    this.placed = placed;
    this.owner = owner;
    this.servers = Workflow.newActivityStub(ModelServerActivities.class,
        BackendActivityOptions.modelServer(placed.pool()));
  }

  public ServedModel acquire() {
    held = servers.acquire(new ServeRequest(placed.pool(), placed.model(), owner));
    heldSince = Workflow.currentTimeMillis();
    return held;
  }

  public void release() {
    if (held == null) {
      return;
    }
    ServedModel s = held;
    held = null;
    unitSeconds += (Workflow.currentTimeMillis() - heldSince) / 1000.0 * s.units();
    Workflow.newDetachedCancellationScope(
        () -> servers.release(new ServeRelease(placed.pool(), s.endpointId(), owner))).run();
  }

  public double unitSeconds() {
    return unitSeconds;
  }

  public double cost() {
    return unitSeconds / 3600.0 * placed.pricePerUnitHour();
  }
}
