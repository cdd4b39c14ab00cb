package io.nightshift.workflows.map;

import io.nightshift.core.accelerator.TelemetrySum;
import io.nightshift.core.accelerator.UnitTelemetry;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a map node's chunks used on one pool: how many finished there, the unit-seconds their leases were held (as
 * the pool measured them) and what the units' telemetry showed meanwhile (empty where the pool reads none, and in
 * results recorded before). A chunk that failed on one pool and ran again on another counts where it finished.
 */
public record PoolTally(String poolId, int chunks, double unitSeconds, Optional<UnitTelemetry> telemetry) {
  public PoolTally {
    telemetry = telemetry == null ? Optional.empty() : telemetry;
  }

  /** Adds {@code more} (a child node's, or an earlier run's) into {@code tallies}, keyed by pool. */
  static void addAll(Map<String, PoolTally> tallies, List<PoolTally> more) {
    for (PoolTally t : more) {
      tallies.merge(t.poolId(), t, (a, b) -> new PoolTally(a.poolId(), a.chunks() + b.chunks(),
          a.unitSeconds() + b.unitSeconds(), TelemetrySum.of(a.telemetry(), b.telemetry())));
    }
  }

  /** One more chunk finished on {@code pool}, holding its units for {@code unitSeconds}. */
  static void add(Map<String, PoolTally> tallies, String pool, double unitSeconds,
      Optional<UnitTelemetry> telemetry) {
    addAll(tallies, List.of(new PoolTally(pool, 1, unitSeconds, telemetry)));
  }
}
