package io.nightshift.workflows.map;

import io.nightshift.workflows.activities.UnitDemand;
import java.util.List;
import java.util.Optional;

/**
 * Where a map's chunk calls run. In JSON these fields stand beside the map's other fields, as recorded before
 * maps spread over pools.
 *
 * @param taskQueue the one queue every chunk runs on: the control workers' when empty (null in JSON), else a
 *                  pool's; maps recorded before spreading
 * @param demand    the units each chunk call holds on its pool while it runs; none off-pool
 * @param pools     the pools chunks spread over, best first by the task's policy; empty when they all go to
 *                  {@code taskQueue}
 * @param deadline  for a cost policy with a deadline and chunks with an estimate: when they must be done, so the
 *                  dearer pools take chunks only as needed; empty otherwise (and in maps recorded before)
 */
public record ChunkPlacement(Optional<String> taskQueue, UnitDemand demand, List<PoolShare> pools,
    Optional<ChunkDeadline> deadline) {
  public ChunkPlacement {
    taskQueue = taskQueue == null ? Optional.empty() : taskQueue;
    deadline = deadline == null ? Optional.empty() : deadline;
    demand = demand == null ? UnitDemand.none() : demand;
    pools = List.copyOf(pools == null ? List.of() : pools);
  }

  /** Chunks on the control workers: no pool, no units. */
  public static ChunkPlacement controlWorkers() {
    return new ChunkPlacement(Optional.empty(), UnitDemand.none(), List.of(), Optional.empty());
  }

  /** Chunks spread over these pools, each holding {@code demand} while it runs. */
  public static ChunkPlacement spread(List<PoolShare> pools, UnitDemand demand) {
    return new ChunkPlacement(Optional.empty(), demand, pools, Optional.empty());
  }

  /** Chunks on the one queue of a pool placement chose, as maps ran before they spread. */
  public static ChunkPlacement onQueue(String taskQueue, UnitDemand demand) {
    return new ChunkPlacement(Optional.of(taskQueue), demand, List.of(), Optional.empty());
  }

  /** The same spread, whose chunks must be done by {@code by}. */
  public ChunkPlacement by(ChunkDeadline by) {
    return new ChunkPlacement(taskQueue, demand, pools, Optional.of(by));
  }

  /**
   * Seconds every pool running chunks in all its slots takes for {@code chunks} of the demand's estimate; 0 for
   * chunks that declare none.
   */
  public double secondsOnEveryPool(int chunks) {
    long estimate = demand.estimateSeconds();
    if (estimate == 0 || pools.isEmpty()) {
      return 0;
    }
    return chunks / pools.stream().mapToDouble(p -> p.chunksPerSecond(estimate)).sum();
  }

  public boolean spreads() {
    return !pools.isEmpty();
  }
}
