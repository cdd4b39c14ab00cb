package io.nightshift.workflows.map;

/**
 * A pool a map's chunks may run on, and how many chunk calls it runs at once.
 *
 * @param poolId the pool
 * @param slots  chunk calls it runs at once: its units over the units one chunk holds, at least 1
 */
public record PoolShare(String poolId, int slots) {
  public PoolShare {
    if (slots < 1) {
      throw new IllegalArgumentException("slots must be >= 1, was " + slots);
    }
  }
}
