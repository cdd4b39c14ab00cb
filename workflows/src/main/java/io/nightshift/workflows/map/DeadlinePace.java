package io.nightshift.workflows.map;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How many of a map node's pools, cheapest first, take its chunks so that it is done by its deadline at the least
 * cost: the fewest cheapest pools whose pace gets through the chunks left in the time left (plus one run of a chunk
 * on the slowest of them, for the last one), and all of them when
 * even that is too slow (then the node is late, and says so). So a dearer pool works only while the cheaper ones
 * would not make it, and stops taking chunks once they can finish alone.
 *
 * <p>A pool's pace is what it delivered since it opened to this node: other work at its gate (other maps, other
 * tasks) shares it, and the pool's capacity alone would promise too much. It is never taken below the node's share
 * of the pool's capacity (slots x speed / estimate x share): the task's maps share the pools, and one whose chunks
 * wait behind another's longer ones gets its turn. Until a pool has run for one chunk's time past its first
 * finishes, that share stands in. Plain deterministic Java: workflow code passes its own clock and completions.
 */
final class DeadlinePace implements ChunkPace {
  private final List<PoolShare> pools;
  private final long estimateSeconds;
  private final long doneByMillis;
  private final double share;
  private final Map<String, Long> openSince = new HashMap<>();
  private final Map<String, Integer> finishedSinceOpen = new HashMap<>();
  private boolean late;

  /**
   * @param pools           best first by the task's policy: cheapest first under a cost policy
   * @param estimateSeconds one chunk's run time on a reference unit, > 0
   * @param doneByMillis    when the node's chunks must all be done (epoch millis, workflow time)
   * @param share           the part of each pool the node can count on at least ({@link ChunkDeadline#share})
   */
  DeadlinePace(List<PoolShare> pools, long estimateSeconds, long doneByMillis, double share) {
    if (estimateSeconds <= 0) {
      throw new IllegalArgumentException("estimateSeconds must be > 0, was " + estimateSeconds);
    }
    this.pools = List.copyOf(pools);
    this.estimateSeconds = estimateSeconds;
    this.doneByMillis = doneByMillis;
    this.share = share;
  }

  @Override
  public int openPools(long nowMillis, int chunksLeft) {
    double secondsLeft = (doneByMillis - nowMillis) / 1000.0;
    int open = pools.size();
    double needed = 0;
    double rate = 0;
    double lastRun = 0;
    for (int k = 0; k < pools.size(); k++) {
      rate += pace(pools.get(k), nowMillis);
      // the chunks left flow through at the pools' pace, and the last of them still takes a whole run
      lastRun = Math.max(lastRun, estimateSeconds / pools.get(k).speed());
      needed = chunksLeft / rate + lastRun;
      if (needed <= secondsLeft) {
        open = k + 1;
        break;
      }
    }
    late = chunksLeft > 0 && needed > secondsLeft;
    for (int k = 0; k < pools.size(); k++) {
      String pool = pools.get(k).poolId();
      if (k < open && !openSince.containsKey(pool)) {
        openSince.put(pool, nowMillis);
        finishedSinceOpen.put(pool, 0);
      } else if (k >= open) {
        openSince.remove(pool);
        finishedSinceOpen.remove(pool);
      }
    }
    return open;
  }

  /**
   * How often to look at the pace again while no chunk ends: a chunk's run on the cheapest pool, within [5 s, 5 min],
   * so a pool that stalls (its gate busy with other work) is noticed within a run or so, at a timer per check.
   */
  @Override
  public Duration checkEvery(long nowMillis) {
    long seconds = Math.round(estimateSeconds / pools.get(0).speed());
    return Duration.ofSeconds(Math.max(5, Math.min(300, seconds)));
  }

  @Override
  public void finished(String pool) {
    finishedSinceOpen.computeIfPresent(pool, (p, n) -> n + 1);
  }

  @Override
  public boolean late() {
    return late;
  }

  /**
   * Chunks per second the pool gets through for this node: what it delivered since it opened, but never less than
   * the node's share of its capacity, since a pool busy with other maps' longer chunks (its gate starts the longest
   * first) frees up for this one's later; and never more than its whole capacity.
   */
  private double pace(PoolShare pool, long nowMillis) {
    double capacity = pool.chunksPerSecond(estimateSeconds);
    double floor = capacity * share;
    Long since = openSince.get(pool.poolId());
    double chunkSeconds = estimateSeconds / pool.speed();
    // the first chunks finish one run after the pool opened: count from then, and only once a run has passed
    double observedFor = since == null ? 0 : (nowMillis - since) / 1000.0 - chunkSeconds;
    if (observedFor < chunkSeconds) {
      return floor;
    }
    return Math.max(Math.min(capacity, finishedSinceOpen.get(pool.poolId()) / observedFor), floor);
  }
}
