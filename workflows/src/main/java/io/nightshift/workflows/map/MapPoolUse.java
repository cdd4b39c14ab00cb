package io.nightshift.workflows.map;

import io.nightshift.core.accelerator.TelemetrySum;
import io.nightshift.core.accelerator.UnitTelemetry;
import io.nightshift.workflows.activities.PoolUse;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a map whose chunks spread over pools used, as one step's use: every pool its chunks finished on, the
 * unit-seconds they held in all, their cost at each pool's price, and what the same work would have cost on the
 * fastest of its pools (work = unit-seconds x the pool's speed), for what a cost policy saved; and the telemetry
 * of all its chunks as one.
 */
public final class MapPoolUse {
  private MapPoolUse() {}

  public static PoolUse of(ChunkPlacement where, List<PoolTally> used) {
    if (used.isEmpty() || !where.spreads()) {
      return PoolUse.NONE;
    }
    PoolShare fastest = where.pools().stream().max(Comparator.comparingDouble(PoolShare::speed)).orElseThrow();
    double unitSeconds = 0;
    double cost = 0;
    double fastestCost = 0;
    for (PoolTally t : used) {
      PoolShare pool = share(where, t.poolId());
      unitSeconds += t.unitSeconds();
      cost += t.unitSeconds() / 3600.0 * pool.pricePerUnitHour();
      fastestCost += t.unitSeconds() * pool.speed() / fastest.speed() / 3600.0 * fastest.pricePerUnitHour();
    }
    String pools = used.stream().map(PoolTally::poolId).collect(Collectors.joining(", "));
    String split = used.stream().map(t -> String.format(Locale.ROOT, "%s %d chunks, %.0f unit-s", t.poolId(),
        t.chunks(), t.unitSeconds())).collect(Collectors.joining("; "));
    String why = "spread" + where.deadline().map(d -> " against the deadline").orElse("") + ": " + split;
    return new PoolUse(pools, why, unitSeconds, cost, fastestCost);
  }

  /** What the units of every pool showed while the map's chunks held them, as one summary; empty if none read. */
  public static Optional<UnitTelemetry> telemetry(List<PoolTally> used) {
    Optional<UnitTelemetry> all = Optional.empty();
    for (PoolTally t : used) {
      all = TelemetrySum.of(all, t.telemetry());
    }
    return all;
  }

  /** The pool's share, or one of speed 1 and no price for a pool the placement no longer lists. */
  private static PoolShare share(ChunkPlacement where, String pool) {
    return where.pools().stream().filter(p -> p.poolId().equals(pool)).findFirst()
        .orElse(new PoolShare(pool, 1, 1, 0, 0));
  }
}
