package io.nightshift.workflows.backends;

import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TimeoutFailure;
import io.temporal.workflow.Async;
import io.temporal.workflow.Promise;
import io.temporal.workflow.Workflow;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Workflow-side: asks every pool for its inventory on the pool's own queue, all at once, and waits for all.
 * Deterministic (results in the order asked), so it may run in workflow code and replays to the same snapshot.
 */
public final class PoolInventories {
  private PoolInventories() {}

  /** Call from workflow code only. A pool that does not answer is left out and named in {@code unreachable}. */
  public static FleetSnapshot collect(List<String> poolIds) {
    return collect(poolIds, BackendActivityOptions.INVENTORY_SCHEDULE_TO_START);
  }

  /** @param scheduleToStart how long a pool's workers may take to pick the call up before it counts unreachable */
  public static FleetSnapshot collect(List<String> poolIds, Duration scheduleToStart) {
    return collect(poolIds, id -> scheduleToStart);
  }

  /**
   * @param scheduleToStart how long each pool's workers (by pool id) may take to pick the call up before it counts
   *                        unreachable
   */
  public static FleetSnapshot collect(List<String> poolIds, Function<String, Duration> scheduleToStart) {
    List<String> ids = List.copyOf(new LinkedHashSet<>(poolIds));
    List<Promise<InventoryResult>> calls = new ArrayList<>();
    for (String id : ids) {
      InventoryActivities pool = Workflow.newActivityStub(InventoryActivities.class,
          BackendActivityOptions.inventory(id, scheduleToStart.apply(id)));
      calls.add(Async.function(pool::inventory, InventoryRequest.of(id)));
    }
    List<PoolSnapshot> pools = new ArrayList<>();
    Map<String, String> unreachable = new LinkedHashMap<>();
    for (int i = 0; i < ids.size(); i++) {
      try {
        pools.addAll(calls.get(i).get().pools());
      } catch (ActivityFailure e) {
        unreachable.put(ids.get(i), why(ids.get(i), e));
      }
    }
    return new FleetSnapshot(pools, unreachable);
  }

  private static String why(String id, ActivityFailure e) {
    Throwable cause = e.getCause();
    if (cause instanceof TimeoutFailure t) {
      return "no answer on " + BackendQueues.forPool(id) + " (" + t.getTimeoutType() + " timeout; is a worker with"
          + " this pool running?)";
    }
    if (cause instanceof ApplicationFailure a) {
      return a.getType() + ": " + a.getOriginalMessage();
    }
    return cause == null ? e.getMessage() : cause.getMessage();
  }
}
