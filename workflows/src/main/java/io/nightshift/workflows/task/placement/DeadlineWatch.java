package io.nightshift.workflows.task.placement;

import io.nightshift.core.accelerator.placement.DeadlineDecision;
import io.nightshift.core.accelerator.placement.DeadlinePlacement;
import io.nightshift.core.accelerator.placement.PoolView;
import io.nightshift.core.accelerator.placement.StepRequirements;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.workflows.map.ChunkDeadline;
import io.nightshift.workflows.map.ChunkPlacement;
import io.nightshift.workflows.map.PoolSchedule;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A plan's deadline ({@code placement: {policy: cheapest, deadline: ...}}): where each placed step goes so the
 * task finishes by then at the least cost ({@link DeadlinePlacement}), counting the longest chain of estimated
 * work after the step, and whether the deadline is still reachable as of the last decision. Steps without an
 * estimate are placed by the plain policy: nothing is known of how long they take.
 */
public final class DeadlineWatch {
  private final Optional<Instant> deadline;
  private final Map<String, Duration> after;
  /** The plan's map steps paced against the deadline (an estimate per chunk): they share the pools. */
  private final int pacedMaps;
  private Optional<DeadlineReport> latest;
  /** When the first map was split in this run, and the seconds on every pool of the maps split since. */
  private Optional<Instant> mapsFrom = Optional.empty();
  private double mapSeconds;
  /** The plan for the pools of the paced maps split in this run, all of them together. */
  private final DeadlineFill fill = new DeadlineFill();

  private DeadlineWatch(Optional<Instant> deadline, Map<String, Duration> after, int pacedMaps,
      Optional<DeadlineReport> latest) {
    this.deadline = deadline;
    this.after = after;
    this.pacedMaps = Math.max(1, pacedMaps);
    this.latest = latest;
  }

  /**
   * @param carried the report the task's previous run ended with (it continued as new), so that the deadline's
   *                status stays what the last placement found instead of resetting to "no step placed yet"; kept
   *                only while it is about this plan's deadline
   */
  public static DeadlineWatch of(Plan plan, Optional<DeadlineReport> carried) {
    Optional<Instant> deadline = plan.placement().deadline();
    int pacedMaps = (int) plan.steps().stream().filter(s -> s.kind() == StepKind.MAP && !estimate(s).isZero())
        .count();
    return new DeadlineWatch(deadline, after(plan.steps()), pacedMaps, carried.filter(r ->
        deadline.map(Instant::toEpochMilli).equals(Optional.of(r.deadlineEpochMillis()))));
  }

  /**
   * For each step, the longest chain of estimated work among the steps that need it, directly or not. Plans list
   * their steps in dependency order, so one pass from the end sees every step's dependents first.
   */
  static Map<String, Duration> after(List<PlannedStep> steps) {
    Map<String, Duration> after = new HashMap<>();
    for (int i = steps.size() - 1; i >= 0; i--) {
      PlannedStep s = steps.get(i);
      Duration own = after.getOrDefault(s.name(), Duration.ZERO).plus(estimate(s));
      for (String need : s.needs()) {
        after.merge(need, own, (a, b) -> a.compareTo(b) >= 0 ? a : b);
      }
      after.putIfAbsent(s.name(), Duration.ZERO);
    }
    return after;
  }

  private static Duration estimate(PlannedStep s) {
    return s.requires() == null ? Duration.ZERO : Duration.ofSeconds(s.requires().estimateSeconds());
  }

  /** The decision for a step, where there is a deadline and the step declares an estimate. */
  Optional<DeadlineDecision> decide(PlannedStep step, StepRequirements needs, List<PoolView> eligible, Instant now) {
    if (deadline.isEmpty() || estimate(step).isZero() || eligible.isEmpty()) {
      return Optional.empty();
    }
    DeadlineDecision d = DeadlinePlacement.choose(eligible, needs, estimate(step),
        after.getOrDefault(step.name(), Duration.ZERO), now, deadline.get());
    latest = Optional.of(new DeadlineReport(deadline.get().toEpochMilli(), d.meets(), step.name() + ": " + d.reason()));
    return Optional.of(d);
  }

  /**
   * When a map step's chunks must be done, where there is a deadline and the step declares an estimate per chunk:
   * its chunks then go to the cheapest pools that keep to it.
   */
  Optional<ChunkDeadline> forChunks(PlannedStep step) {
    if (deadline.isEmpty() || estimate(step).isZero()) {
      return Optional.empty();
    }
    return Optional.of(new ChunkDeadline(deadline.get().toEpochMilli(),
        after.getOrDefault(step.name(), Duration.ZERO).toMillis(), 1.0 / pacedMaps));
  }

  /**
   * Records whether the maps split so far, this one's {@code chunks} included, can be done in time with every pool
   * they spread over running them from the first split on, by their estimates. Maps of one task share the pools,
   * whether they run side by side or one after another, so their times on the whole fleet add up.
   */
  void mapSplit(PlannedStep step, ChunkPlacement where, int chunks, Instant now) {
    if (where.deadline().isEmpty()) {
      return;
    }
    mapsFrom = mapsFrom.isPresent() ? mapsFrom : Optional.of(now);
    mapSeconds += where.secondsOnEveryPool(chunks);
    Instant finish = mapsFrom.get().plusMillis(Math.round(mapSeconds * 1000))
        .plus(after.getOrDefault(step.name(), Duration.ZERO));
    boolean meets = !finish.isAfter(deadline.get());
    String detail = step.name() + ": its " + chunks + " chunks and those of the maps before it, on every pool, would"
        + " finish by " + finish + (meets ? "; the cheapest pools that keep to " + deadline.get() + " take them"
        : ", after the deadline " + deadline.get() + ": it cannot be met; every pool takes them");
    latest = Optional.of(new DeadlineReport(deadline.get().toEpochMilli(), meets, detail));
  }

  /**
   * The plan for every paced map split so far in this run, {@code where}'s {@code chunks} now included: which of
   * their pools take chunks until when, so the task finishes by its deadline at the least cost.
   */
  PoolSchedule planMaps(ChunkPlacement where, int chunks, Instant now) {
    PoolSchedule plan = fill.add(where, chunks, now.toEpochMilli(), where.deadline().orElseThrow().mapDoneByMillis());
    latest = latest.map(r -> new DeadlineReport(r.deadlineEpochMillis(), r.reachable(), r.detail() + "; the plan for"
        + " the task's maps: " + plan.describe()));
    return plan;
  }

  /** Records a map that finished after the time its chunks had to be done by. */
  void mapDone(PlannedStep step, ChunkPlacement where, Instant now) {
    where.deadline().filter(d -> now.toEpochMilli() > d.atMillis() - d.afterMillis()).ifPresent(d ->
        latest = Optional.of(new DeadlineReport(d.atMillis(), false, step.name() + ": its chunks were done at " + now
            + ", too late for the deadline " + deadline.get() + (d.afterMillis() == 0 ? ""
            : " with " + Duration.ofMillis(d.afterMillis()) + " of work after them"))));
  }

  /** The report of the last step placed against the deadline; empty before the first (what a next run carries). */
  public Optional<DeadlineReport> latest() {
    return latest;
  }

  /** Whether the deadline still holds, as of the last step placed against it; empty for a plan without one. */
  public Optional<DeadlineReport> report() {
    return deadline.map(d -> latest.orElse(new DeadlineReport(d.toEpochMilli(), true,
        "no step with an estimate placed yet")));
  }
}
