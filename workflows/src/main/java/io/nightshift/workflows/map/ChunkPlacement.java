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
 */
public record ChunkPlacement(Optional<String> taskQueue, UnitDemand demand, List<PoolShare> pools) {
  public ChunkPlacement {
    taskQueue = taskQueue == null ? Optional.empty() : taskQueue;
    demand = demand == null ? UnitDemand.none() : demand;
    pools = List.copyOf(pools == null ? List.of() : pools);
  }

  /** Chunks on the control workers: no pool, no units. */
  public static ChunkPlacement controlWorkers() {
    return new ChunkPlacement(Optional.empty(), UnitDemand.none(), List.of());
  }

  /** Chunks spread over these pools, each holding {@code demand} while it runs. */
  public static ChunkPlacement spread(List<PoolShare> pools, UnitDemand demand) {
    return new ChunkPlacement(Optional.empty(), demand, pools);
  }

  public boolean spreads() {
    return !pools.isEmpty();
  }
}
