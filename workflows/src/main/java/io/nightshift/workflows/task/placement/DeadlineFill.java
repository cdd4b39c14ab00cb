package io.nightshift.workflows.task.placement;

import io.nightshift.workflows.map.ChunkPlacement;
import io.nightshift.workflows.map.PoolSchedule;
import io.nightshift.workflows.map.PoolShare;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The plan for a task's deadline-paced maps together: the work of every map split so far, by the chunks'
 * estimates, fills the pools cheapest first up to the deadline. The cheapest pools run until then; the first pool
 * that must help runs only as long as the work left needs it, and the dearer ones not at all. When even every pool
 * would not make it, all run all along (and the task reports the deadline out of reach).
 *
 * <p>Work is in reference unit-seconds (a chunk's estimate on a reference unit times the units it holds); a pool
 * gets through its units times its speed of them per second. What the pools delivered since the first split is
 * counted by the plan in force, not measured: the plan is made anew at each split, which in a task whose maps start
 * together is all at the start. Plain deterministic Java: workflow code passes its own clock.
 */
final class DeadlineFill {
  /** Reference unit-seconds per second of each pool the maps may use, best first by the task's policy. */
  private final Map<String, Double> capacity = new LinkedHashMap<>();
  private double work;
  private double delivered;
  /** The longest chunk run on its best pool: the last chunk may start no later than that before the deadline. */
  private long tailMillis;
  private long since;
  private PoolSchedule plan = PoolSchedule.allOpen();

  /**
   * A paced map split into {@code chunks}: its work joins the task's and the plan is made anew.
   *
   * @param doneByMillis when the map's chunks must be done
   */
  PoolSchedule add(ChunkPlacement where, int chunks, long nowMillis, long doneByMillis) {
    deliverUntil(nowMillis);
    int units = Math.max(1, where.demand().units());
    long estimate = where.demand().estimateSeconds();
    for (PoolShare p : where.pools()) {
      capacity.merge(p.poolId(), (double) p.slots() * units * p.speed(), Math::max);
    }
    work += (double) chunks * estimate * units;
    tailMillis = Math.max(tailMillis, Math.round(estimate * 1000 / where.pools().get(0).speed()));
    plan = fill(Math.max(0, work - delivered), (doneByMillis - tailMillis - nowMillis) / 1000.0, nowMillis);
    return plan;
  }

  /** The plan in force. */
  PoolSchedule plan() {
    return plan;
  }

  private PoolSchedule fill(double left, double seconds, long nowMillis) {
    List<String> pools = List.copyOf(capacity.keySet());
    Map<String, Long> closes = new HashMap<>();
    double filled = 0;
    for (int k = 0; k < pools.size(); k++) {
      double alongAll = capacity.get(pools.get(k)) * Math.max(0, seconds);
      if (filled + alongAll >= left) {
        if (k > 0) {
          double needed = (left - filled) / capacity.get(pools.get(k));
          closes.put(pools.get(k), nowMillis + Math.round(needed * 1000));
        }
        for (String after : pools.subList(k + 1, pools.size())) {
          closes.put(after, 0L);
        }
        return new PoolSchedule(closes);
      }
      filled += alongAll;
    }
    return PoolSchedule.allOpen();
  }

  /** Counts what the pools delivered, by the plan in force, since the last count. */
  private void deliverUntil(long nowMillis) {
    if (work > 0) {
      boolean first = true;
      for (Map.Entry<String, Double> pool : capacity.entrySet()) {
        long closes = first ? Long.MAX_VALUE : plan.closesAtMillis().getOrDefault(pool.getKey(), Long.MAX_VALUE);
        delivered += pool.getValue() * Math.max(0, Math.min(nowMillis, closes) - since) / 1000.0;
        first = false;
      }
    }
    since = nowMillis;
  }
}
