package io.nightshift.workflows.activities;

import io.nightshift.core.accelerator.LeasedUnits;
import io.nightshift.core.accelerator.UnitTelemetry;
import java.util.Optional;

/**
 * What a running step call holds on its pool. The runner renews it on every heartbeat that reaches Temporal, so
 * a holder that stops beating (a wedged thread, a worker Temporal has given up on) loses it after the pool's
 * expiry, and closes it when the call ends however it ends.
 */
public interface HeldUnits extends AutoCloseable {
  /** The leased units; empty for a call that holds none. */
  Optional<LeasedUnits> units();

  /** The holder is alive: push the lease's expiry forward. */
  void renew();

  /**
   * The thread to stop if the lease expires: the one that admitted it, until another takes it over (a keeper of
   * a hold whose work runs elsewhere); null while no thread holds it.
   */
  void heldBy(Thread holder);

  /** Units x seconds held so far (until {@link #close()}, then fixed). */
  double unitSeconds();

  /**
   * What the units showed so far, sampled while they are held (until {@link #close()}, then fixed); empty where no
   * one samples them (the pool's gate alone, a call holding none) or the executor reads no telemetry.
   */
  default Optional<UnitTelemetry> telemetry() {
    return Optional.empty();
  }

  /** Releases the units. Closing twice is harmless. */
  @Override
  void close();

  static HeldUnits none() {
    return NoUnits.INSTANCE;
  }

  /** Holds nothing. */
  enum NoUnits implements HeldUnits {
    INSTANCE;

    @Override
    public Optional<LeasedUnits> units() {
      return Optional.empty();
    }

    @Override
    public void renew() {}

    @Override
    public void heldBy(Thread holder) {}

    @Override
    public double unitSeconds() {
      return 0;
    }

    @Override
    public void close() {}
  }
}
