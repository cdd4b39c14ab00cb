package io.nightshift.runtime.backends;

import io.nightshift.workflows.activities.ActivityToolRunner;
import io.nightshift.workflows.activities.HeldUnits;
import io.nightshift.workflows.activities.StepBeat;
import io.nightshift.workflows.backends.UnitHold;
import io.nightshift.workflows.backends.UnitHoldActivities;
import io.nightshift.workflows.backends.UnitHoldRequest;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds of one pool's units for work that runs elsewhere (an agent's run): admitted at the pool's gate like a step
 * call, kept alive by the keeper call's heartbeats, released when the workflow ends the hold. Lives with the pool,
 * in the worker that holds it; a hold this process does not know (it restarted) is gone, and keeping it fails.
 */
public final class UnitHoldActivitiesImpl implements UnitHoldActivities {
  private final PoolGate gate;
  private final Map<String, HeldUnits> holds = new ConcurrentHashMap<>();
  private final long beatEveryMillis;

  public UnitHoldActivitiesImpl(PoolGate gate, long beatEveryMillis) {
    this.gate = gate;
    this.beatEveryMillis = beatEveryMillis;
  }

  @Override
  public UnitHold acquire(UnitHoldRequest request) {
    ActivityExecutionContext activity = Activity.getExecutionContext();
    HeldUnits held;
    try {
      held = gate.admit(request.owner(), request.demand(),
          why -> activity.heartbeat(StepBeat.waiting("", why, request.step())));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApplicationFailure.newFailure("interrupted while waiting for units for " + request.owner(),
          "UnitWaitInterrupted");
    }
    held.heldBy(null); // this thread goes back to the worker; the keeper takes the hold over
    String leaseId = held.units().orElseThrow().lease().id();
    holds.put(leaseId, held);
    return new UnitHold(leaseId, held.units().get().devices().size());
  }

  @Override
  public void keep(UnitHold hold) {
    HeldUnits held = holds.get(hold.leaseId());
    if (held == null) {
      throw ApplicationFailure.newNonRetryableFailure("lease " + hold.leaseId() + " is not held here (its worker"
          + " restarted, or it expired)", "UnitHoldGone");
    }
    held.heldBy(Thread.currentThread());
    ActivityExecutionContext activity = Activity.getExecutionContext();
    try {
      while (true) {
        activity.heartbeat(null);
        held.renew();
        Thread.sleep(beatEveryMillis);
      }
    } catch (ActivityCompletionException e) {
      release(hold); // the workflow ended the hold (or gave up on this call)
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      release(hold);
      throw ApplicationFailure.newNonRetryableFailure("the hold on lease " + hold.leaseId() + " was stopped (it"
          + " expired, or the worker is shutting down)", "UnitHoldGone");
    }
  }

  @Override
  public void release(UnitHold hold) {
    HeldUnits held = holds.remove(hold.leaseId());
    if (held != null) {
      held.close();
    }
  }

  /** How often a keeper beats: the runner's heartbeat interval. */
  public static UnitHoldActivitiesImpl of(PoolGate gate) {
    return new UnitHoldActivitiesImpl(gate, ActivityToolRunner.HEARTBEAT_EVERY_MILLIS);
  }
}
