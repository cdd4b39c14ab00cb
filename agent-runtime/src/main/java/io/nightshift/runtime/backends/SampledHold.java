package io.nightshift.runtime.backends;

import io.nightshift.core.accelerator.Device;
import io.nightshift.core.accelerator.LeasedUnits;
import io.nightshift.core.accelerator.TelemetryFold;
import io.nightshift.core.accelerator.UnitTelemetry;
import io.nightshift.workflows.activities.HeldUnits;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A step call's lease with its units' telemetry sampled while it is held: once at the start, every sampling
 * interval, and once more as the call ends, before the units go back (after that they would be someone else's).
 * Only the leased devices' readings count. Everything else is the gate's lease, unchanged.
 */
final class SampledHold implements HeldUnits {
  private static final Logger log = LoggerFactory.getLogger(SampledHold.class);

  private final HeldUnits held;
  private final PoolTelemetry pool;
  private final TelemetryFold fold;
  private final Instant from;
  private final Future<?> sampling;
  private final AtomicBoolean closing = new AtomicBoolean();
  private Instant until; // guarded by this, with the fold

  /** @param held a lease of at least one unit, as the pool's gate granted it */
  SampledHold(HeldUnits held, PoolTelemetry pool) {
    this.held = held;
    this.pool = pool;
    this.fold = new TelemetryFold(held.units().orElseThrow().devices().stream().map(Device::id).toList());
    this.from = pool.clock().instant();
    this.sampling = pool.sampleEvery(this::sample);
  }

  private void sample() {
    try {
      PoolTelemetry.Reading r = pool.read(from);
      synchronized (this) {
        if (until == null) { // a sample that finished after the hold ended would describe someone else's units
          fold.add(r.at(), r.telemetry());
        }
      }
    } catch (RuntimeException e) {
      // a failed read costs one sample, never the step; the backend reports lasting trouble in its health
      log.debug("reading telemetry for {} failed: {}", held.units().map(u -> u.lease().id()).orElse("?"), e.toString());
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

  @Override
  public void close() {
    if (closing.compareAndSet(false, true)) {
      sampling.cancel(false);
      sample();
      synchronized (this) {
        until = pool.clock().instant();
      }
    }
    held.close();
  }
}
