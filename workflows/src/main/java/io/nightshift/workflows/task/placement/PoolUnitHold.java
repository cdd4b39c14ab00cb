package io.nightshift.workflows.task.placement;

import io.nightshift.core.accelerator.TelemetrySum;
import io.nightshift.core.accelerator.UnitTelemetry;
import io.nightshift.workflows.activities.UnitDemand;
import io.nightshift.workflows.backends.UnitHold;
import io.nightshift.workflows.backends.UnitHoldActivities;
import io.nightshift.workflows.backends.UnitHoldEnd;
import io.nightshift.workflows.backends.UnitHoldRequest;
import io.nightshift.workflows.engine.ActivityPolicies;
import io.temporal.workflow.Async;
import io.temporal.workflow.CancellationScope;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.Optional;

/**
 * An agent step's hold on its share of a pool whose running servers serve it: acquired at the pool's gate before
 * each run of the agent (so agents queue for the pool like tool steps), kept alive by a heartbeating call while the
 * agent runs, and released after it, also when the step fails or is cancelled. Counts the unit-seconds held, which
 * the step is charged at the pool's price. Workflow code: every call is an activity on the pool's queue.
 */
public final class PoolUnitHold {
  private final String owner;
  private final String step;
  private final UnitDemand demand;
  private final double pricePerUnitHour;
  private final UnitHoldActivities waiting;
  private final UnitHoldActivities keeper;
  private final UnitHoldActivities releaser;
  private UnitHold held;
  private CancellationScope keeping;
  private long heldSince;
  private double unitSeconds;
  private Optional<UnitTelemetry> telemetry = Optional.empty();

  /** @param pickup how long a call on the pool's queue waits for a worker of the pool, as the pool reported */
  public PoolUnitHold(String pool, Duration pickup, String owner, String step, UnitDemand demand,
      double pricePerUnitHour) {
    this.owner = owner;
    this.step = step;
    this.demand = demand;
    this.pricePerUnitHour = pricePerUnitHour;
    this.waiting = Workflow.newActivityStub(UnitHoldActivities.class, ActivityPolicies.unitHoldWait(pool, pickup));
    this.keeper = Workflow.newActivityStub(UnitHoldActivities.class, ActivityPolicies.unitHoldKeep(pool));
    this.releaser = Workflow.newActivityStub(UnitHoldActivities.class, ActivityPolicies.unitHoldRelease(pool));
  }

  public void acquire() {
    held = waiting.acquire(new UnitHoldRequest(owner, step, demand));
    heldSince = Workflow.currentTimeMillis();
    UnitHold h = held;
    keeping = Workflow.newCancellationScope(() -> Async.procedure(keeper::keep, h));
    keeping.run();
  }

  public void release() {
    if (held == null) {
      return;
    }
    UnitHold h = held;
    held = null;
    unitSeconds += (Workflow.currentTimeMillis() - heldSince) / 1000.0 * h.units();
    keeping.cancel();
    UnitHoldEnd[] end = {null};
    Workflow.newDetachedCancellationScope(() -> end[0] = releaser.release(h)).run();
    if (end[0] != null) { // null in histories recorded before releases answered
      telemetry = TelemetrySum.of(telemetry, end[0].telemetry());
    }
  }

  /** What the held units showed over every run of the agent, as one summary; empty where nothing was read. */
  public Optional<UnitTelemetry> telemetry() {
    return telemetry;
  }

  public double unitSeconds() {
    return unitSeconds;
  }

  public double cost() {
    return unitSeconds / 3600.0 * pricePerUnitHour;
  }
}
