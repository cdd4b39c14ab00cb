package io.nightshift.workflows.task.timeline;

import java.util.List;
import java.util.Optional;

/**
 * A step's times as the task's workflow observed them: its latest run's start and end, its attempts (at most
 * {@link StepClocks#ATTEMPTS_KEPT}, the latest) and, for a map step, its items.
 *
 * @param startedAtMillis workflow time the workflow started the step
 * @param endedAtMillis   workflow time it learnt the step ended; 0 while it runs
 * @param attempts        oldest first
 * @param items           a map step's items once split; empty for other kinds
 */
public record StepClock(long startedAtMillis, long endedAtMillis, List<AttemptRecord> attempts,
    Optional<ItemCount> items) {
  public StepClock {
    attempts = List.copyOf(attempts == null ? List.of() : attempts);
    items = items == null ? Optional.empty() : items;
  }
}
