package io.nightshift.workflows.backends;

import io.temporal.activity.ActivityInterface;
import io.temporal.activity.ActivityMethod;

/**
 * A hold on units of a pool for work that runs elsewhere while it holds them: an agent step whose model calls go to
 * the pool's running servers holds its share of the pool for each run of the agent, so agents never use more of a
 * pool than it has. Served on each pool's own queue, by the worker that holds the pool.
 */
@ActivityInterface
public interface UnitHoldActivities {
  /** Waits at the pool's gate for the units (heartbeating why) and leases them. */
  @ActivityMethod(name = "AcquireUnits")
  UnitHold acquire(UnitHoldRequest request);

  /**
   * Keeps the lease alive: renews it on every heartbeat until the workflow cancels this call, then releases it. A
   * lease whose keeper stops (its worker died) expires on the pool.
   */
  @ActivityMethod(name = "KeepUnits")
  void keep(UnitHold hold);

  /**
   * Releases the lease; harmless when it is already released or expired. Answers what the units showed while held
   * (in histories recorded before, the answer is empty: null).
   */
  @ActivityMethod(name = "ReleaseUnits")
  UnitHoldEnd release(UnitHold hold);
}
