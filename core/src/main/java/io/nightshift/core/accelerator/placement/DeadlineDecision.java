package io.nightshift.core.accelerator.placement;

import java.time.Instant;
import java.util.Objects;

/**
 * Where a step goes under a cost policy with a deadline, and whether the deadline still holds.
 *
 * @param pool     the chosen pool
 * @param meets    the step, and the work after it, finish by the deadline there (by their estimates)
 * @param finish   when they would finish there, by the estimates
 * @param reason   one line for people: the choice, or why the deadline cannot be met
 */
public record DeadlineDecision(String pool, boolean meets, Instant finish, String reason) {
  public DeadlineDecision {
    Objects.requireNonNull(pool, "pool");
    Objects.requireNonNull(finish, "finish");
    Objects.requireNonNull(reason, "reason");
  }
}
