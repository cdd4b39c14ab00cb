package io.nightshift.workflows.map;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Which pools take a deadline-paced task's chunks, and until when: the task's plan for all its maps together
 * ({@code DeadlineFill}), so that the cheapest pools run until the deadline and a dearer one only as long as the
 * task's work needs it. Every map of the task follows the same plan; the task sends a new one to its running maps
 * when another map splits.
 *
 * @param closesAtMillis for each pool that stops taking chunks, when (epoch millis, workflow time); 0 for a pool
 *                       that takes none. A pool not named here takes chunks all along, and so does the first pool
 *                       of a map's list, whatever the plan says, so that a map always has somewhere to go.
 */
public record PoolSchedule(Map<String, Long> closesAtMillis) {
  public PoolSchedule {
    // sorted, so that the plan reads and serialises the same in every JVM (Map.copyOf's order varies between runs)
    closesAtMillis = Collections.unmodifiableMap(new TreeMap<>(closesAtMillis == null ? Map.of() : closesAtMillis));
  }

  /** A plan in which every pool takes chunks all along. */
  public static PoolSchedule allOpen() {
    return new PoolSchedule(Map.of());
  }

  /** How many of {@code pools} (best first), from the first, take chunks at {@code nowMillis}: at least one. */
  int openPools(List<PoolShare> pools, long nowMillis) {
    int open = 1;
    while (open < pools.size() && isOpen(pools.get(open).poolId(), nowMillis)) {
      open++;
    }
    return open;
  }

  /** When, after {@code nowMillis}, one of {@code pools} next closes; empty when none will. */
  Optional<Long> nextChange(List<PoolShare> pools, long nowMillis) {
    return pools.stream().map(p -> closesAtMillis.get(p.poolId())).filter(t -> t != null && t > nowMillis)
        .min(Long::compare);
  }

  /** The plan in words, for the task view: which pools stop taking chunks, and when. */
  public String describe() {
    if (closesAtMillis.isEmpty()) {
      return "every pool takes chunks all along";
    }
    return closesAtMillis.entrySet().stream().map(e -> e.getKey() + (e.getValue() == 0 ? " takes none"
        : " takes chunks until " + Instant.ofEpochMilli(e.getValue()))).collect(Collectors.joining(", "));
  }

  private boolean isOpen(String pool, long nowMillis) {
    Long closes = closesAtMillis.get(pool);
    return closes == null || closes > nowMillis;
  }
}
