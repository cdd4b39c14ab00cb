package io.nightshift.workflows.task;

import io.nightshift.workflows.backends.UnitHold;
import io.nightshift.workflows.backends.UnitHoldActivities;
import io.nightshift.workflows.backends.UnitHoldEnd;
import io.nightshift.workflows.backends.UnitHoldRequest;
import io.temporal.activity.Activity;
import io.temporal.client.ActivityCompletionException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool's unit holds for engine tests: every hold is granted at once (the pool is idle), its keeper heartbeats
 * until the workflow cancels it or the hold is released, and each call is written down for the test to check.
 */
final class FakeUnitHolds implements UnitHoldActivities {
  private final AtomicInteger leases = new AtomicInteger();
  /** "owner: n unit(s)" per hold granted. */
  final List<String> acquired = new CopyOnWriteArrayList<>();
  /** Lease ids whose keeper ran. */
  final List<String> kept = new CopyOnWriteArrayList<>();
  /** Lease ids released. */
  final List<String> released = new CopyOnWriteArrayList<>();

  @Override
  public UnitHold acquire(UnitHoldRequest request) {
    acquired.add(request.owner() + ": " + request.demand().units() + " unit(s)");
    return new UnitHold("lease-" + leases.incrementAndGet(), request.demand().units());
  }

  @Override
  public void keep(UnitHold hold) {
    kept.add(hold.leaseId());
    try {
      while (!released.contains(hold.leaseId())) {
        Activity.getExecutionContext().heartbeat(null);
        Thread.sleep(50);
      }
    } catch (ActivityCompletionException cancelled) {
      throw cancelled; // the workflow ended the hold; it releases the lease itself
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public UnitHoldEnd release(UnitHold hold) {
    released.add(hold.leaseId());
    return UnitHoldEnd.unmeasured();
  }
}
