package io.nightshift.core.pipeline;

import io.nightshift.core.accelerator.placement.PlacementPolicy;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A pipeline's placement policy ({@code placement: {policy: cheapest}}): which pool wins when several can run a
 * step. {@code pinned} with {@code pool} allows one pool only, with no failover. {@code cheapest} with a
 * {@code deadline} finishes by then at the least cost: each step goes to the cheapest pool on which it, and the
 * work after it, still finish in time by the estimates steps declare.
 *
 * @param deadlineEpochMillis the deadline, 0 for none (plans recorded before deadlines have none)
 */
public record PlacementSpec(String policy, String pool, long deadlineEpochMillis) {
  public static final PlacementSpec DEFAULT = new PlacementSpec("cheapest", null, 0);

  public PlacementSpec {
    if (deadlineEpochMillis < 0) {
      throw new IllegalArgumentException("deadlineEpochMillis must be >= 0, was " + deadlineEpochMillis);
    }
  }

  /** A policy without a deadline. */
  public static PlacementSpec of(String policy, String pool) {
    return new PlacementSpec(policy, pool, 0);
  }

  public Optional<Instant> deadline() {
    return deadlineEpochMillis == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(deadlineEpochMillis));
  }

  public PlacementPolicy toPolicy() {
    PlacementPolicy.Objective objective = PlacementPolicy.Objective.valueOf(policy.toUpperCase(Locale.ROOT));
    return new PlacementPolicy(objective, pool);
  }
}
