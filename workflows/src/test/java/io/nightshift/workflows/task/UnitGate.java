package io.nightshift.workflows.task;

import io.nightshift.core.accelerator.LeasedUnits;
import io.nightshift.workflows.activities.HeldUnits;
import io.nightshift.workflows.activities.UnitAdmission;
import io.nightshift.workflows.activities.UnitDemand;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * A pool's gate for engine tests: a few units, no devices. A call waits until its units are free, saying why about
 * every 100 ms as the runtime's gate does on every heartbeat, and holds them until it closes its hold.
 */
final class UnitGate implements UnitAdmission {
  private final String pool;
  private final Semaphore free;
  /** Every line a waiting call was told, with its owner: the proof that a call queued here. */
  final List<String> waits = new CopyOnWriteArrayList<>();

  UnitGate(String pool, int units) {
    this.pool = pool;
    this.free = new Semaphore(units, true);
  }

  /** Takes units for work outside the engine (another tenant of the pool) until the hold is closed. */
  HeldUnits occupy(int units) {
    free.acquireUninterruptibly(units);
    return new Hold(units);
  }

  @Override
  public HeldUnits admit(String owner, UnitDemand demand, Consumer<String> waiting) throws InterruptedException {
    while (!free.tryAcquire(demand.units(), 100, TimeUnit.MILLISECONDS)) {
      String why = "waiting for " + demand.units() + " unit(s) on pool " + pool + ", " + free.availablePermits()
          + " free";
      waits.add(owner + ": " + why);
      waiting.accept(why);
    }
    return new Hold(demand.units());
  }

  /** Units held since it was made, given back once. */
  private final class Hold implements HeldUnits {
    private final int units;
    private final long since = System.nanoTime();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile double unitSeconds = -1;

    Hold(int units) {
      this.units = units;
    }

    @Override
    public Optional<LeasedUnits> units() {
      return Optional.empty(); // the test pool has no devices to name
    }

    @Override
    public void renew() {}

    @Override
    public void heldBy(Thread holder) {}

    @Override
    public double unitSeconds() {
      return unitSeconds >= 0 ? unitSeconds : (System.nanoTime() - since) / 1e9 * units;
    }

    @Override
    public void close() {
      if (closed.compareAndSet(false, true)) {
        unitSeconds = (System.nanoTime() - since) / 1e9 * units;
        free.release(units);
      }
    }
  }
}
