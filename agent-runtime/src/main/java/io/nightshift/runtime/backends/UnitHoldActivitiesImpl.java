package io.nightshift.runtime.backends;

import io.nightshift.core.accelerator.UnitTelemetry;
import io.nightshift.workflows.activities.ActivityToolRunner;
import io.nightshift.workflows.activities.HeldUnits;
import io.nightshift.workflows.activities.StepBeat;
import io.nightshift.workflows.activities.UnitAdmission;
import io.nightshift.workflows.backends.UnitHold;
import io.nightshift.workflows.backends.UnitHoldActivities;
import io.nightshift.workflows.backends.UnitHoldEnd;
import io.nightshift.workflows.backends.UnitHoldRequest;
import io.temporal.activity.Activity;
import io.temporal.activity.ActivityExecutionContext;
import io.temporal.client.ActivityCompletionException;
import io.temporal.failure.ApplicationFailure;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Holds of one pool's units for work that runs elsewhere (an agent's run): admitted at the pool's gate like a step
 * call (their telemetry sampled the same way), kept alive by the keeper call's heartbeats, released when the
 * workflow ends the hold, which then hears what the units showed. Lives with the pool,
 * in the worker that holds it; a hold this process does not know (it restarted) is gone, and keeping it fails.
 */
public final class UnitHoldActivitiesImpl implements UnitHoldActivities {
  /** Holds ended by their keeper before the workflow's release asked: their telemetry, until it does. */
  private static final int ENDED_KEPT = 10_000;

  private final UnitAdmission gate;
  private final Map<String, HeldUnits> holds = new ConcurrentHashMap<>();
  private final Map<String, Optional<UnitTelemetry>> ended = new LinkedHashMap<>() {
    @Override
    protected boolean removeEldestEntry(Map.Entry<String, Optional<UnitTelemetry>> eldest) {
      return size() > ENDED_KEPT; // a release that never comes (its workflow gone) must not grow this forever
    }
  };
  private final long beatEveryMillis;

  /** @param gate the pool's door for its units, with their telemetry sampled while held */
  public UnitHoldActivitiesImpl(UnitAdmission gate, long beatEveryMillis) {
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
      end(hold.leaseId()); // the workflow ended the hold (or gave up on this call)
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      end(hold.leaseId());
      throw ApplicationFailure.newNonRetryableFailure("the hold on lease " + hold.leaseId() + " was stopped (it"
          + " expired, or the worker is shutting down)", "UnitHoldGone");
    }
  }

  @Override
  public UnitHoldEnd release(UnitHold hold) {
    synchronized (ended) {
      end(hold.leaseId());
      return new UnitHoldEnd(Optional.ofNullable(ended.remove(hold.leaseId())).flatMap(t -> t));
    }
  }

  /** Releases the hold if it is still here, keeping what its units showed for the workflow's release to answer. */
  private void end(String leaseId) {
    synchronized (ended) {
      HeldUnits held = holds.remove(leaseId);
      if (held != null) {
        held.close();
        ended.put(leaseId, held.telemetry());
      }
    }
  }

  /** How often a keeper beats: the runner's heartbeat interval. */
  public static UnitHoldActivitiesImpl of(UnitAdmission gate) {
    return new UnitHoldActivitiesImpl(gate, ActivityToolRunner.HEARTBEAT_EVERY_MILLIS);
  }
}
