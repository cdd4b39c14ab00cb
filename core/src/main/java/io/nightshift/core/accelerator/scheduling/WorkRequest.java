package io.nightshift.core.accelerator.scheduling;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A unit of work waiting for units of one pool.
 *
 * @param id       unique among the pool's waiting and running work (the lease owner: task, step, attempt)
 * @param units    units it needs at once, at least 1
 * @param priority higher starts first; 0 is the default
 * @param estimate how long it is expected to hold its units, when the step declares it: longest first among equal
 *                 priorities, and only work with an estimate may backfill ahead of a blocked larger request
 * @param arrival  order of arrival at the pool, the last tie-breaker
 */
public record WorkRequest(String id, int units, int priority, Optional<Duration> estimate, long arrival) {
  public WorkRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(estimate, "estimate");
    if (units < 1) {
      throw new IllegalArgumentException("units must be >= 1, was " + units);
    }
    if (estimate.filter(e -> e.isNegative() || e.isZero()).isPresent()) {
      throw new IllegalArgumentException("estimate must be positive, was " + estimate.get());
    }
  }
}
