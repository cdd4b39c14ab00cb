package io.nightshift.workflows.task.timeline;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every step's {@link StepClock}, by step name, in workflow state. Temporal retries a tool step's call without
 * telling the workflow until the call ends, and then only with the attempt that ended it: so the call keeps its own
 * attempts and reports them with its end (its result, or its failure's details), and those stand in the clock with
 * the times the call's workers read. Where a call reported none (a worker older than that, a step that is no tool
 * call), attempt 1 carries the call's start, the last attempt the call's end, and those in between are known by
 * number alone ({@code RETRIED}).
 */
public final class StepClocks {
  /** Attempts kept per step (the latest), so a step retried a hundred times stays small. */
  public static final int ATTEMPTS_KEPT = 10;

  private final Map<String, StepClock> clocks = new HashMap<>();

  public StepClocks(Map<String, StepClock> carried) {
    clocks.putAll(carried);
  }

  /** The workflow started the step: attempt 1 runs from {@code now}. */
  public void started(String step, long now) {
    clocks.put(step, new StepClock(now, 0, List.of(new AttemptRecord(1, now, 0, AttemptRecord.RUNNING, null)),
        Optional.empty()));
  }

  /** The step's call ended well on attempt {@code attempt} (1 = first try). */
  public void succeeded(String step, int attempt, long now) {
    succeeded(step, attempt, List.of(), now);
  }

  /**
   * As {@link #succeeded(String, int, long)}, with the attempts the call reported: oldest first, the one that
   * succeeded last; empty where it reported none.
   */
  public void succeeded(String step, int attempt, List<AttemptRecord> reported, long now) {
    end(step, attempt, AttemptRecord.SUCCEEDED, null, reported, now, true);
  }

  /** The step failed for good on attempt {@code attempt}, or on the latest the workflow knows of when 0. */
  public void failed(String step, int attempt, String error, long now) {
    failed(step, attempt, error, List.of(), now);
  }

  /**
   * As {@link #failed(String, int, String, long)}, with the attempts the call reported: oldest first, the one that
   * failed last (still running where it timed out); empty where it reported none.
   */
  public void failed(String step, int attempt, String error, List<AttemptRecord> reported, long now) {
    end(step, attempt, AttemptRecord.FAILED, Timeline.cut(error), reported, now, false);
  }

  /** The step was cancelled with the task while it ran: its running attempt ends. */
  public boolean cancelled(String step, long now) {
    StepClock clock = clocks.get(step);
    if (clock == null || clock.endedAtMillis() > 0) {
      return false;
    }
    List<AttemptRecord> attempts = new ArrayList<>(clock.attempts());
    AttemptRecord last = attempts.remove(attempts.size() - 1);
    attempts.add(new AttemptRecord(last.number(), last.startedAtMillis(), now, AttemptRecord.CANCELLED, null));
    clocks.put(step, new StepClock(clock.startedAtMillis(), now, attempts, clock.items()));
    return true;
  }

  /** A map step's items, as the task learns them. */
  public void items(String step, ItemCount items) {
    StepClock clock = clocks.get(step);
    if (clock != null) {
      clocks.put(step, new StepClock(clock.startedAtMillis(), clock.endedAtMillis(), clock.attempts(),
          Optional.of(items)));
    }
  }

  /** Forgets a step a revised plan does not keep: it starts afresh if it runs again. */
  public void forget(String step) {
    clocks.remove(step);
  }

  public Optional<StepClock> of(String step) {
    return Optional.ofNullable(clocks.get(step));
  }

  /** A copy, for the continue-as-new carry. */
  public Map<String, StepClock> all() {
    return Map.copyOf(clocks);
  }

  private void end(String step, int attempt, String outcome, String error, List<AttemptRecord> reported, long now,
      boolean succeeded) {
    StepClock clock = clocks.get(step);
    if (clock == null) {
      return; // a step the workflow never started in this book (recorded before step times)
    }
    if (!reported.isEmpty()) {
      clocks.put(step, new StepClock(clock.startedAtMillis(), now, reported(clock, reported, outcome, error, now),
          clock.items().map(i -> i.ended(succeeded))));
      return;
    }
    List<AttemptRecord> attempts = new ArrayList<>(clock.attempts());
    AttemptRecord first = attempts.remove(attempts.size() - 1); // the running one the call started with
    int last = Math.max(attempt, first.number());
    if (last == first.number()) {
      attempts.add(new AttemptRecord(last, first.startedAtMillis(), now, outcome, error));
    } else {
      attempts.add(new AttemptRecord(first.number(), first.startedAtMillis(), 0, AttemptRecord.RETRIED, null));
      for (int n = Math.max(first.number() + 1, last - ATTEMPTS_KEPT + 1); n < last; n++) {
        attempts.add(new AttemptRecord(n, 0, 0, AttemptRecord.RETRIED, null));
      }
      attempts.add(new AttemptRecord(last, 0, now, outcome, error));
    }
    List<AttemptRecord> kept = attempts.subList(Math.max(0, attempts.size() - ATTEMPTS_KEPT), attempts.size());
    clocks.put(step, new StepClock(clock.startedAtMillis(), now, kept,
        clock.items().map(i -> i.ended(succeeded))));
  }

  /**
   * The call's own attempts as the clock keeps them: those before the last were retried, the last ended the call
   * ({@code now} where it did not say when: a timed-out one). A first attempt that never beat its start started
   * when the workflow started the step.
   */
  private static List<AttemptRecord> reported(StepClock clock, List<AttemptRecord> reported, String outcome,
      String error, long now) {
    List<AttemptRecord> attempts = new ArrayList<>();
    for (int i = 0; i < reported.size(); i++) {
      AttemptRecord a = reported.get(i);
      long started = a.startedAtMillis() == 0 && a.number() == 1 ? clock.startedAtMillis() : a.startedAtMillis();
      boolean last = i == reported.size() - 1;
      attempts.add(last
          ? new AttemptRecord(a.number(), started, a.endedAtMillis() > 0 ? a.endedAtMillis() : now, outcome,
              error != null ? error : "")
          : new AttemptRecord(a.number(), started, a.endedAtMillis(), AttemptRecord.RETRIED, a.error()));
    }
    return List.copyOf(attempts.subList(Math.max(0, attempts.size() - ATTEMPTS_KEPT), attempts.size()));
  }
}
