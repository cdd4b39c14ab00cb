package io.nightshift.core.accelerator.placement;

import java.util.Objects;

/**
 * A task's choice of what to optimise when several pools could run a step.
 *
 * @param objective  what to minimise
 * @param pinnedPool for {@link Objective#PINNED}: the only pool allowed (no failover, by the user's choice)
 */
public record PlacementPolicy(Objective objective, String pinnedPool) {
  public enum Objective {
    /** Lowest estimated cost: price per unit-hour over speed. */
    CHEAPEST,
    /** Shortest estimated duration: highest speed per unit. */
    FASTEST,
    /** Lowest estimated energy: watts per unit over speed. */
    LOWEST_ENERGY,
    /** Only {@link #pinnedPool()}. */
    PINNED
  }

  public PlacementPolicy {
    Objects.requireNonNull(objective, "objective");
    pinnedPool = pinnedPool == null ? "" : pinnedPool;
    if (objective == Objective.PINNED && pinnedPool.isBlank()) {
      throw new IllegalArgumentException("pinnedPool must be set when objective is PINNED");
    }
  }

  public static PlacementPolicy cheapest() {
    return new PlacementPolicy(Objective.CHEAPEST, "");
  }

  public static PlacementPolicy fastest() {
    return new PlacementPolicy(Objective.FASTEST, "");
  }

  public static PlacementPolicy lowestEnergy() {
    return new PlacementPolicy(Objective.LOWEST_ENERGY, "");
  }

  public static PlacementPolicy pinned(String pool) {
    return new PlacementPolicy(Objective.PINNED, pool);
  }
}
