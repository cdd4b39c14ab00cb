package io.nightshift.workflows.map;

import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;

/**
 * A node's pools under the task's plan ({@link PoolSchedule}): the pools the plan keeps open now, and more only
 * when the node would be late even with the whole of each open pool's part to itself ({@link DeadlinePace} at the
 * node's part of its map, as if no other map shared the pools).
 *
 * <p>Why the plan and not each node's own pace: a pool's gate runs the longest chunks first, so the maps of a task
 * are served one after another, not side by side. A map served last sees its cheap pool deliver nothing for a long
 * time and would open the dear ones, though the cheap pool will be free for it later; the task, which knows all its
 * maps' work, knows how long the dear pools are needed in all. The node's own check stays as a safety net for the
 * end, when one map is left with more than the plan expected: then its view of the pool is the true one.
 */
final class ScheduledPace implements ChunkPace {
  private final List<PoolShare> pools;
  private final Supplier<PoolSchedule> schedule;
  private final DeadlinePace alone;

  /**
   * @param pools    best first by the task's policy
   * @param schedule the task's latest plan (it may change while the node runs)
   * @param alone    the node's own pace, at its part of its map
   */
  ScheduledPace(List<PoolShare> pools, Supplier<PoolSchedule> schedule, DeadlinePace alone) {
    this.pools = List.copyOf(pools);
    this.schedule = schedule;
    this.alone = alone;
  }

  @Override
  public int openPools(long nowMillis, int chunksLeft) {
    return Math.max(schedule.get().openPools(pools, nowMillis), alone.openPools(nowMillis, chunksLeft));
  }

  /** A plan that keeps only a failed cheap pool open would leave the chunks nowhere to go. */
  @Override
  public boolean standsInForFailedPools() {
    return true;
  }

  @Override
  public void finished(String pool) {
    alone.finished(pool);
  }

  @Override
  public boolean late() {
    return alone.late();
  }

  /** The node's own check, or sooner when a pool closes under the plan before then. */
  @Override
  public Duration checkEvery(long nowMillis) {
    Duration own = alone.checkEvery(nowMillis);
    return schedule.get().nextChange(pools, nowMillis)
        .map(at -> Duration.ofMillis(Math.max(1_000, at - nowMillis)))
        .filter(untilChange -> untilChange.compareTo(own) < 0).orElse(own);
  }
}
