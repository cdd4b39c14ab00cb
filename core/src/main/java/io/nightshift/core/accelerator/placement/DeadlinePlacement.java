package io.nightshift.core.accelerator.placement;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/**
 * Cost placement against a deadline: the cheapest pool (by price per unit of work) on which the step, and the
 * longest chain of work after it, still finish by the deadline, by the estimates steps declare. When no pool can
 * make it, the pool that finishes first, and the decision says the deadline cannot be met and by how much.
 *
 * <p>A pool's finish time is now + its wait + the step's estimate at the pool's speed + the work after it. The wait
 * is nothing where the step fits now, else one run of the step (it queues behind work of its size): the pool's
 * queue is not known to placement in more detail. Pure and deterministic, for workflow code.
 */
public final class DeadlinePlacement {
  private DeadlinePlacement() {}

  /**
   * @param eligible pools that could run the step ({@link Placement#eligible}), not empty
   * @param estimate the step's run time on a reference unit (speed 1.0)
   * @param after    the longest chain of estimated work that can only start once the step is done
   */
  public static DeadlineDecision choose(List<PoolView> eligible, StepRequirements step, Duration estimate,
      Duration after, Instant now, Instant deadline) {
    if (eligible.isEmpty()) {
      throw new IllegalArgumentException("no eligible pool to choose from");
    }
    Comparator<PoolView> byCost = Comparator.comparingDouble((PoolView p) -> p.pricePerUnitHour() / p.speed())
        .thenComparing(p -> finish(p, step, estimate, after, now)).thenComparing(PoolView::poolId);
    List<PoolView> inTime = eligible.stream()
        .filter(p -> !finish(p, step, estimate, after, now).isAfter(deadline)).sorted(byCost).toList();
    if (!inTime.isEmpty()) {
      PoolView best = inTime.get(0);
      Instant finish = finish(best, step, estimate, after, now);
      return new DeadlineDecision(best.poolId(), true, finish, "cheapest that finishes by " + deadline + ": "
          + best.poolId() + " by " + finish + " (" + minutes(Duration.between(finish, deadline)) + " to spare)");
    }
    PoolView first = eligible.stream().min(Comparator.comparing((PoolView p) -> finish(p, step, estimate, after, now))
        .thenComparing(PoolView::poolId)).orElseThrow();
    Instant finish = finish(first, step, estimate, after, now);
    return new DeadlineDecision(first.poolId(), false, finish, "deadline " + deadline + " cannot be met: the"
        + " earliest finish is " + finish + " on " + first.poolId() + ", " + minutes(Duration.between(deadline, finish))
        + " late");
  }

  static Instant finish(PoolView pool, StepRequirements step, Duration estimate, Duration after, Instant now) {
    Duration run = Duration.ofMillis(Math.round(estimate.toMillis() / pool.speed()));
    Duration wait = pool.freeUnits() >= step.units() ? Duration.ZERO : run;
    return now.plus(wait).plus(run).plus(after);
  }

  private static String minutes(Duration d) {
    return d.toMinutes() + " min";
  }
}
