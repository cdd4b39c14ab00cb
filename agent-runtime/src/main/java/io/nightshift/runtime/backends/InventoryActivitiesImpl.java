package io.nightshift.runtime.backends;

import io.nightshift.core.accelerator.BackendSnapshot;
import io.nightshift.core.accelerator.placement.PoolView;
import io.nightshift.workflows.backends.InventoryActivities;
import io.nightshift.workflows.backends.InventoryRequest;
import io.nightshift.workflows.backends.InventoryResult;
import io.nightshift.workflows.backends.PoolSnapshot;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Answers inventory calls on a worker's pool queues from its own pools, observed now. Speed and served models come
 * from the backends file; whether a pool's circuit is open comes from whoever tracks its endpoints' failures.
 */
public final class InventoryActivitiesImpl implements InventoryActivities {
  private final FleetInventory inventory;
  private final Predicate<String> circuitOpen;

  /** @param circuitOpen says, by pool id, whether the pool's circuit breaker is open now */
  public InventoryActivitiesImpl(FleetInventory inventory, Predicate<String> circuitOpen) {
    this.inventory = inventory;
    this.circuitOpen = circuitOpen;
  }

  @Override
  public InventoryResult inventory(InventoryRequest request) {
    BackendFleet fleet = inventory.fleet();
    List<BackendFleet.Pool> pools = new ArrayList<>();
    if (request.poolIds().isEmpty()) {
      pools.addAll(fleet.pools());
    } else {
      Set<String> seen = new LinkedHashSet<>();
      for (String id : request.poolIds()) {
        if (!seen.add(id)) {
          continue;
        }
        pools.add(fleet.pool(id).orElseThrow(() -> ApplicationFailure.newNonRetryableFailure(
            "pool '" + id + "' is not served by this worker (it serves " + fleet.ids() + "); call the inventory on"
                + " task queue backend-" + id + ", which only workers with that pool poll", UNKNOWN_POOL)));
      }
    }
    return new InventoryResult(inventory.observe(pools).stream().map(this::snapshot).toList());
  }

  private PoolSnapshot snapshot(PoolObservation o) {
    BackendSnapshot s = o.snapshot();
    PoolView view = PoolView.of(s, o.config().speed(), Set.copyOf(o.config().models()), circuitOpen.test(o.id()));
    return new PoolSnapshot(view, s.health().state(), s.health().detail(), s.simulated(), s.at());
  }
}
