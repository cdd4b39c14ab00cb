package io.nightshift.core.accelerator.placement;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a step goes, or why nowhere.
 *
 * @param pool     chosen pool id, empty when nothing fits
 * @param reason   why this pool (objective, sticky, failover) or why none
 * @param rejected one line per pool not chosen for a hard reason ("nvidia-a: circuit open"), for the task view
 */
public record PlacementDecision(Optional<String> pool, String reason, List<String> rejected) {
  public PlacementDecision {
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(reason, "reason");
    rejected = List.copyOf(rejected);
  }

  public boolean placed() {
    return pool.isPresent();
  }
}
