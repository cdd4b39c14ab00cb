package io.nightshift.core.accelerator.placement;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Chooses a pool for a step. Pure and deterministic (no clock, no randomness, ties broken by pool id), so a
 * workflow can call it directly and replay to the same choice.
 *
 * <p>Order of decisions: pools that cannot run the step at all are rejected with a reason (wrong kind, model not
 * served, too little memory, DOWN, circuit open, not enough free units). Among the rest, a sticky pool that is
 * still eligible wins, because follow-up calls of one agent reuse its KV cache there. Otherwise the policy's
 * objective ranks them. Failover is the same rule: a pool whose circuit opens simply stops being eligible.
 */
public final class Placement {
  private Placement() {}

  public static PlacementDecision place(
      List<PoolView> pools, StepRequirements step, PlacementPolicy policy, Optional<String> stickyPool) {
    return place(pools, step, policy, stickyPool, false);
  }

  /**
   * @param mayQueue the step may wait at its pool for units (a pool's gate queues it): a pool too busy to start it
   *                 now stays eligible, after every pool where it fits now. Without it, a busy pool is rejected.
   */
  public static PlacementDecision place(List<PoolView> pools, StepRequirements step, PlacementPolicy policy,
      Optional<String> stickyPool, boolean mayQueue) {
    List<String> rejected = new ArrayList<>();
    List<PoolView> eligible = new ArrayList<>();
    for (PoolView pool : pools.stream().sorted(Comparator.comparing(PoolView::poolId)).toList()) {
      if (policy.objective() == PlacementPolicy.Objective.PINNED && !pool.poolId().equals(policy.pinnedPool())) {
        continue;
      }
      Optional<String> why = rejection(pool, step, mayQueue);
      if (why.isPresent()) {
        rejected.add(pool.poolId() + ": " + why.get());
      } else {
        eligible.add(pool);
      }
    }
    if (eligible.isEmpty()) {
      String scope = policy.objective() == PlacementPolicy.Objective.PINNED
          ? "pinned pool '" + policy.pinnedPool() + "'" + (rejected.isEmpty() ? " does not exist" : "")
          : pools.isEmpty() ? "no pools are configured" : "no pool";
      return new PlacementDecision(Optional.empty(),
          scope + " can run " + describe(step) + (rejected.isEmpty() ? "" : ": " + String.join("; ", rejected)),
          rejected);
    }
    if (stickyPool.isPresent()) {
      for (PoolView pool : eligible) {
        if (pool.poolId().equals(stickyPool.get())) {
          return new PlacementDecision(Optional.of(pool.poolId()), "sticky: previous pool still healthy", rejected);
        }
      }
    }
    PoolView best = eligible.stream().min(Comparator.comparing((PoolView p) -> !fitsNow(p, step))
        .thenComparing(ranking(policy.objective()))).orElseThrow();
    String reason = policy.objective().name().toLowerCase().replace('_', ' ')
        + (rejected.isEmpty() ? "" : " (failover past " + rejected.size() + " pool(s))")
        + (fitsNow(best, step) ? "" : "; queued: no eligible pool has " + step.units() + " unit(s) free now");
    return new PlacementDecision(Optional.of(best.poolId()), reason, rejected);
  }

  /**
   * Every pool that could run the step, waiting for units where it must, best first by the policy (a pinned
   * policy keeps only its pool): where a map spreads its chunks. Empty when none can.
   */
  public static List<PoolView> eligible(List<PoolView> pools, StepRequirements step, PlacementPolicy policy) {
    return pools.stream()
        .filter(p -> policy.objective() != PlacementPolicy.Objective.PINNED || p.poolId().equals(policy.pinnedPool()))
        .filter(p -> rejection(p, step, true).isEmpty())
        .sorted(ranking(policy.objective())).toList();
  }

  private static boolean fitsNow(PoolView pool, StepRequirements step) {
    return pool.freeUnits() >= step.units();
  }

  /** Why a pool cannot take this step (now, unless it may queue there), or empty when it can. */
  private static Optional<String> rejection(PoolView pool, StepRequirements step, boolean mayQueue) {
    if (step.kind().isPresent() && step.kind().get() != pool.kind()) {
      return Optional.of("kind " + pool.kind() + ", step needs " + step.kind().get());
    }
    if (!step.model().isEmpty() && !pool.models().isEmpty() && !pool.models().contains(step.model())) {
      return Optional.of("does not serve model " + step.model());
    }
    if (!pool.healthy()) {
      return Optional.of("unhealthy");
    }
    if (pool.circuitOpen()) {
      return Optional.of("circuit open");
    }
    if (pool.totalUnits() < step.units()) {
      return Optional.of("has " + pool.totalUnits() + " units in all, step needs " + step.units());
    }
    if (!mayQueue && pool.freeUnits() < step.units()) {
      return Optional.of("no capacity: " + pool.freeUnits() + " free, step needs " + step.units());
    }
    if (step.memoryBytesPerUnit() > pool.memoryBytesPerUnit()) {
      return Optional.of("units have " + pool.memoryBytesPerUnit() + " bytes, step needs " + step.memoryBytesPerUnit());
    }
    return Optional.empty();
  }

  private static Comparator<PoolView> ranking(PlacementPolicy.Objective objective) {
    Comparator<PoolView> primary = switch (objective) {
      case CHEAPEST -> Comparator.comparingDouble(p -> p.pricePerUnitHour() / p.speed());
      case FASTEST -> Comparator.comparingDouble(p -> -p.speed());
      case LOWEST_ENERGY -> Comparator.comparingDouble(p -> p.wattsPerUnit() / p.speed());
      case PINNED -> Comparator.comparingInt(p -> 0);
    };
    // More free units next, so equal pools fill evenly; then pool id, so the choice never depends on list order.
    return primary.thenComparing(Comparator.comparingInt(PoolView::freeUnits).reversed())
        .thenComparing(PoolView::poolId);
  }

  private static String describe(StepRequirements step) {
    return step.units() + " unit(s) of " + step.kind().map(Enum::name).orElse("any kind")
        + (step.model().isEmpty() ? "" : " for model " + step.model());
  }
}
