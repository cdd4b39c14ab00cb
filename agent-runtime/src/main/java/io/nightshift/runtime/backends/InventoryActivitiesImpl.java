package io.nightshift.runtime.backends;

import io.nightshift.core.accelerator.BackendSnapshot;
import io.nightshift.core.accelerator.placement.PoolView;
import io.nightshift.workflows.backends.InventoryActivities;
import io.nightshift.workflows.backends.InventoryRequest;
import io.nightshift.workflows.backends.InventoryResult;
import io.nightshift.workflows.backends.PoolEndpoint;
import io.nightshift.workflows.backends.PoolSnapshot;
import io.temporal.failure.ApplicationFailure;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Answers inventory calls on a worker's pool queues from its own pools, observed now. Speed and served models come
 * from the backends file; whether a pool's circuit is open from the circuit breakers of the model endpoints that
 * call its servers ({@link PoolObservation#circuitOpenReason()}), which this process's model calls keep.
 */
public final class InventoryActivitiesImpl implements InventoryActivities {
  private final FleetInventory inventory;

  public InventoryActivitiesImpl(FleetInventory inventory) {
    this.inventory = inventory;
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
    return new InventoryResult(inventory.observe(pools).stream().map(InventoryActivitiesImpl::snapshot).toList());
  }

  static PoolSnapshot snapshot(PoolObservation o) {
    BackendSnapshot s = o.snapshot();
    Optional<String> open = o.circuitOpenReason();
    PoolView view = PoolView.of(s, o.config().speed(), Set.copyOf(o.config().models()), open.isPresent());
    // the open circuit's reason goes first: it is why placement skips the pool, which is what people ask
    String detail = open.map(r -> s.health().detail().isBlank() ? r : r + "; " + s.health().detail())
        .orElse(s.health().detail());
    List<PoolEndpoint> endpoints = new ArrayList<>();
    for (PoolObservation.Endpoint e : o.endpoints()) {
      e.guards().forEach(g -> endpoints.add(new PoolEndpoint(g.endpointId(), e.handle().model(), g.circuitOpen(),
          !e.handle().leaseId().isEmpty())));
    }
    return new PoolSnapshot(view, s.health().state(), detail, s.simulated(), s.at(), endpoints,
        o.config().serve().stream().map(ServeConfig::model).toList(), o.config().pickupTimeout().toMillis());
  }
}
