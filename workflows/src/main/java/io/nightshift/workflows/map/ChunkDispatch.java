package io.nightshift.workflows.map;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Which pool a spreading map node's next chunk goes to: the pool with the fewest chunks in flight per slot, so each
 * pool gets work in proportion to what it runs at once and, as its chunks finish sooner or later, to its speed.
 * Back-pressure: a pool never has more than {@link #PER_SLOT} chunks in flight per slot (one running, one waiting
 * at its gate so its units never idle between chunks); when every pool is full, nothing starts until one finishes.
 * A pool where a chunk failed for any reason but bad input takes no more of this node's chunks. Under a deadline
 * ({@link ChunkPace}) only the cheapest pools that keep to it take chunks.
 *
 * <p>Plain deterministic Java: workflow code calls it, and the same completions give the same choices on replay.
 * Ties go to the pool listed first, which is the task policy's preference.
 */
final class ChunkDispatch {
  static final int PER_SLOT = 2;

  private final List<PoolShare> pools;
  private final Optional<ChunkPace> pace;
  private final Map<String, Integer> inFlight = new LinkedHashMap<>();
  private final Map<String, String> failed = new LinkedHashMap<>();

  ChunkDispatch(List<PoolShare> pools) {
    this(pools, Optional.empty());
  }

  /** @param pace for chunks due by a deadline: which of the pools, cheapest first, take chunks at all */
  ChunkDispatch(List<PoolShare> pools, Optional<ChunkPace> pace) {
    this.pools = List.copyOf(pools);
    this.pace = pace;
    pools.forEach(p -> inFlight.put(p.poolId(), 0));
  }

  /** The pool for the next chunk, or empty while every usable pool is full (or none is usable). */
  Optional<String> pick() {
    return pick(pools.size());
  }

  /**
   * The pool for the next chunk at {@code nowMillis}, with {@code chunksLeft} of the node not finished: under a
   * deadline only among the pools its pace opens, else as {@link #pick()}.
   */
  Optional<String> pick(long nowMillis, int chunksLeft) {
    return pick(pace.map(p -> standIns(p, p.openPools(nowMillis, chunksLeft))).orElse(pools.size()));
  }

  /** The {@code open} pools a pace opens, each failed one among them stood in for by the next, where it allows. */
  private int standIns(ChunkPace pace, int open) {
    if (!pace.standsInForFailedPools()) {
      return open;
    }
    int usable = open;
    for (int k = 0; k < usable && usable < pools.size(); k++) {
      if (failed.containsKey(pools.get(k).poolId())) {
        usable++;
      }
    }
    return usable;
  }

  /** Whether chunks go only to the pools a deadline's pace opens. */
  boolean paced() {
    return pace.isPresent();
  }

  /** How long a paced node may wait for a chunk to end before it looks at its pace again. */
  Duration paceCheckEvery(long nowMillis) {
    return pace.orElseThrow().checkEvery(nowMillis);
  }

  /** Whether the node, as of the last pick, would not be done by its deadline even on every pool. */
  boolean late() {
    return pace.map(ChunkPace::late).orElse(false);
  }

  private Optional<String> pick(int open) {
    PoolShare best = null;
    for (PoolShare p : pools.subList(0, open)) {
      int n = inFlight.get(p.poolId());
      if (failed.containsKey(p.poolId()) || n >= p.slots() * PER_SLOT) {
        continue;
      }
      // n / slots < best.n / best.slots, compared without division
      if (best == null || (long) n * best.slots() < (long) inFlight.get(best.poolId()) * p.slots()) {
        best = p;
      }
    }
    return Optional.ofNullable(best).map(PoolShare::poolId);
  }

  void started(String pool) {
    inFlight.merge(pool, 1, Integer::sum);
  }

  /** A chunk on the pool ended; {@code succeeded} when it finished there (a failure does not count for pace). */
  void finished(String pool, boolean succeeded) {
    inFlight.merge(pool, -1, Integer::sum);
    if (succeeded) {
      pace.ifPresent(p -> p.finished(pool));
    }
  }

  /** A chunk failed on the pool: no more chunks of this node go there. */
  void failed(String pool, String why) {
    failed.putIfAbsent(pool, why);
  }

  /** Every pool has failed: the chunks left have nowhere to go. */
  boolean exhausted() {
    return failed.size() == pools.size();
  }

  /** What failed where, for the node's error. */
  String failures() {
    List<String> lines = new ArrayList<>();
    failed.forEach((pool, why) -> lines.add(pool + ": " + why));
    return String.join("; ", lines);
  }
}
