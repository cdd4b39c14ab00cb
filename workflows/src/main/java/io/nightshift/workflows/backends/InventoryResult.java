package io.nightshift.workflows.backends;

import io.nightshift.core.accelerator.placement.PoolView;
import java.util.List;
import java.util.Optional;

/** The pools an inventory activity reported, in the order the worker has them configured. */
public record InventoryResult(List<PoolSnapshot> pools) {
  public InventoryResult {
    pools = List.copyOf(pools == null ? List.of() : pools);
  }

  /** Placement's input: {@code Placement.place(result.views(), step, policy, sticky)}. */
  public List<PoolView> views() {
    return pools.stream().map(PoolSnapshot::view).toList();
  }

  public Optional<PoolSnapshot> pool(String poolId) {
    return pools.stream().filter(p -> p.poolId().equals(poolId)).findFirst();
  }
}
