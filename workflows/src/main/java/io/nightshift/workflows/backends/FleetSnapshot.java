package io.nightshift.workflows.backends;

import io.nightshift.core.accelerator.placement.PoolView;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Inventories of several pools, asked on each pool's own queue.
 *
 * @param pools       every pool that answered, in the order asked
 * @param unreachable pool id to why it did not answer (no worker polls its queue, the call failed); placement
 *                    never sees these pools, so work fails over to the others
 */
public record FleetSnapshot(List<PoolSnapshot> pools, Map<String, String> unreachable) {
  public FleetSnapshot {
    pools = List.copyOf(pools == null ? List.of() : pools);
    unreachable = Map.copyOf(unreachable == null ? Map.of() : unreachable);
  }

  /** Placement's input: {@code Placement.place(fleet.views(), step, policy, sticky)}. */
  public List<PoolView> views() {
    return pools.stream().map(PoolSnapshot::view).toList();
  }

  public Optional<PoolSnapshot> pool(String poolId) {
    return pools.stream().filter(p -> p.poolId().equals(poolId)).findFirst();
  }
}
