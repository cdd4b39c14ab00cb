package io.nightshift.runtime.backends;

import io.nightshift.core.accelerator.Device;
import io.nightshift.core.accelerator.LeasedUnits;
import io.nightshift.core.accelerator.TelemetryFold;
import io.nightshift.core.accelerator.UnitTelemetry;
import io.nightshift.workflows.activities.HeldUnits;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A step call's lease with its units' telemetry sampled while it is held: by its pool's {@link PoolTelemetry} at
 * the start and every sampling interval, and once more as the call ends, before the units go back (after that they
 * would be someone else's). Only the leased devices' readings count. Everything else is the gate's lease.
 */
final class SampledHold implements HeldUnits {
  private static final Logger log = LoggerFactory.getLogger(SampledHold.class);

  private final HeldUnits held;
  private final PoolTelemetry pool;
  private final TelemetryFold fold;
  private final Instant from;
  private final AtomicBoolean closing = new AtomicBoolean();
  // guarded by this, with the fold
  private Instant offered;
  private Instant until;

  /** @param held a lease of at least one unit, as the pool's gate granted it */
  SampledHold(HeldUnits held, PoolTelemetry pool) {
    this.held = held;
    this.pool = pool;
    this.fold = new TelemetryFold(held.units().orElseThrow().devices().stream().map(Device::id).toList());
    this.from = pool.clock().instant();
  }

  /** Whether it wants a sample: none yet, or the last one offered is an interval old. */
  synchronized boolean due(Instant now, Duration every) {
    return until == null && (offered == null || !offered.plus(every).isAfter(now));
  }

  /** Folds a read of the pool in, if it began while the units were this call's. */
  synchronized void offer(PoolTelemetry.Reading r) {
    if (until == null && !r.at().isBefore(from)) {
      offered = r.at();
      fold.add(r.at(), r.telemetry());
    }
  }

  @Override
  public synchronized Optional<UnitTelemetry> telemetry() {
    return fold.summary(from, until != null ? until : pool.clock().instant());
  }

  @Override
  public Optional<LeasedUnits> units() {
    return held.units();
  }

  @Override
  public void renew() {
    held.renew();
  }

  @Override
  public void heldBy(Thread holder) {
    held.heldBy(holder);
  }

  @Override
  public double unitSeconds() {
    return held.unitSeconds();
  }

  /** The last sample (unless the pool was read under a gap ago, before this call), then the units go back. */
  @Override
  public void close() {
    if (closing.compareAndSet(false, true)) {
      pool.untrack(this);
      try {
        pool.read(from).ifPresent(this::offer);
      } catch (RuntimeException e) {
        log.debug("last telemetry read for lease {} failed: {}", held.units().orElseThrow().lease().id(),
            e.toString());
      }
      synchronized (this) {
        until = pool.clock().instant();
      }
    }
    held.close();
  }
}
