package io.nightshift.workflows.map;


/**
 * A pool a map's chunks may run on, and how many chunk calls it runs at once.
 *
 * @param poolId           the pool
 * @param slots            chunk calls it runs at once: its units over the units one chunk holds, at least 1
 * @param speed            its work per unit-hour relative to a reference unit, for how fast it gets through chunks
 *                         against a deadline; 1 in maps recorded before speeds travelled with the pools
 * @param pricePerUnitHour its price, for what the map's chunks cost there; 0 in maps recorded before
 * @param pickupTimeoutMillis how long a chunk call waits for a worker of the pool to take it before the chunk goes
 *                         elsewhere, as the pool reported it; 0 for the default (and in maps recorded before)
 */
public record PoolShare(String poolId, int slots, double speed, double pricePerUnitHour, long pickupTimeoutMillis) {
  public PoolShare {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be >= 1, was " + slots);
    }
    speed = speed > 0 && !Double.isInfinite(speed) ? speed : 1.0;
    pricePerUnitHour = pricePerUnitHour > 0 && !Double.isInfinite(pricePerUnitHour) ? pricePerUnitHour : 0;
    pickupTimeoutMillis = Math.max(0, pickupTimeoutMillis);
  }

  /** Chunks per second the pool gets through when all its slots run chunks of {@code estimateSeconds}. */
  double chunksPerSecond(long estimateSeconds) {
    return slots * speed / estimateSeconds;
  }
}
