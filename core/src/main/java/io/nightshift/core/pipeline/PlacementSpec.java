package io.nightshift.core.pipeline;

import io.nightshift.core.accelerator.placement.PlacementPolicy;
import java.util.Locale;

/**
 * A pipeline's placement policy ({@code placement: {policy: cheapest}}): which pool wins when several can run a
 * step. {@code pinned} with {@code pool} allows one pool only, with no failover.
 */
public record PlacementSpec(String policy, String pool) {
  public static final PlacementSpec DEFAULT = new PlacementSpec("cheapest", null);

  public PlacementPolicy toPolicy() {
    PlacementPolicy.Objective objective = PlacementPolicy.Objective.valueOf(policy.toUpperCase(Locale.ROOT));
    return new PlacementPolicy(objective, pool);
  }
}
