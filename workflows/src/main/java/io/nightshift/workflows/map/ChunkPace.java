package io.nightshift.workflows.map;

import java.time.Duration;

/** Which of a map node's pools, best first, take its chunks as time goes on, for chunks due by a deadline. */
interface ChunkPace {
  /** How many pools, from the first, take chunks now, with {@code chunksLeft} of the node not yet finished. */
  int openPools(long nowMillis, int chunksLeft);

  /** A chunk finished on the pool. */
  void finished(String pool);

  /** Whether, at the last decision, even every pool together would not finish the node's chunks in time. */
  boolean late();

  /** How long the node may wait for a chunk to end before it must look at its pools again. */
  Duration checkEvery(long nowMillis);

  /**
   * Whether a pool that failed counts as not open, so the next pool stands in for it. Nodes that pace themselves
   * alone ({@link DeadlinePace}, maps recorded before plans) did not: their chunks waited for the pace to open more
   * pools, and replay keeps that.
   */
  default boolean standsInForFailedPools() {
    return false;
  }
}
