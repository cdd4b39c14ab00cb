package io.nightshift.workflows.activities;

import io.temporal.activity.ActivityInfo;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The attempts of one step call, kept by the call itself. Temporal retries a call without telling the workflow, so
 * each attempt learns the ones before it from the heartbeat details Temporal hands it ({@link StepBeat#attempts}),
 * adds its own start and beats the list at once, and beats its end just before it fails (the Java SDK sends the
 * last details with the failure, so they reach the next attempt even when the beat itself was throttled). An
 * attempt that died without a word (its worker lost, a heartbeat or start-to-close timeout) is ended at the time
 * Temporal scheduled the next attempt, less the back-off the call's retry policy puts between them.
 *
 * <p>Bounded: the latest {@link #KEPT} attempts travel; their numbers tell how many came before.
 */
public final class CallAttempts {
  /** Attempts kept, the latest (as the task's record of a step keeps them). */
  public static final int KEPT = 10;
  /** The error of an attempt that left no word of how it ended. */
  static final String NO_WORD = "the attempt ended without a word: its worker was lost or it timed out";

  private final List<AttemptSpan> before;
  private volatile AttemptSpan current;

  private CallAttempts(List<AttemptSpan> before, AttemptSpan current) {
    this.before = List.copyOf(before);
    this.current = current;
  }

  /** For calls that are no step's (an agent's tool call): they keep no attempts. */
  public static CallAttempts none() {
    return new CallAttempts(List.of(), null);
  }

  /** The attempt now starting at {@code nowMillis}, after those {@code last} (the previous attempt's beat) lists. */
  public static CallAttempts begin(ActivityInfo info, Optional<StepBeat> last, long nowMillis) {
    return begin(info.getAttempt(), info.getCurrentAttemptScheduledTimestamp(), info.getRetryOptions(), last,
        nowMillis);
  }

  /**
   * @param attempt     this attempt's number, as Temporal counts them
   * @param scheduledAt when Temporal scheduled this attempt, epoch millis; 0 where it did not say
   * @param retry       the call's retry policy as Temporal runs it; null where it did not say
   */
  static CallAttempts begin(int attempt, long scheduledAt, RetryOptions retry, Optional<StepBeat> last,
      long nowMillis) {
    List<AttemptSpan> before = new ArrayList<>();
    for (AttemptSpan a : last.map(StepBeat::attempts).orElse(List.of())) {
      if (a.number() < attempt) {
        before.add(a);
      }
    }
    if (attempt > 1) {
      long previousEnd = previousEnd(scheduledAt, retry, attempt);
      int highest = before.isEmpty() ? Math.max(0, attempt - 1 - KEPT) : before.get(before.size() - 1).number();
      for (int n = highest + 1; n < attempt; n++) { // attempts that beat nothing (older workers', lost beats)
        before.add(new AttemptSpan(n, 0, 0, ""));
      }
      AttemptSpan previous = before.remove(before.size() - 1);
      before.add(previous.running() ? previous.endedAt(Math.max(previousEnd, previous.startedAtMillis()), NO_WORD)
          : previous);
    }
    return new CallAttempts(latest(before, KEPT - 1), new AttemptSpan(attempt, nowMillis, 0, ""));
  }

  /** The attempts so far, oldest first; the last is this one (running, or ended). Empty for {@link #none()}. */
  public List<AttemptSpan> list() {
    AttemptSpan now = current;
    if (now == null) {
      return List.of();
    }
    List<AttemptSpan> all = new ArrayList<>(before);
    all.add(now);
    return List.copyOf(all);
  }

  /** This attempt ended at {@code nowMillis}: {@code why} it failed, or empty where it succeeded. */
  public List<AttemptSpan> ended(String why, long nowMillis) {
    AttemptSpan now = current;
    if (now != null && now.running()) {
      current = now.endedAt(nowMillis, why);
    }
    return list();
  }

  /**
   * When the attempt before {@code attempt} ended: Temporal scheduled this one at its end plus the back-off of the
   * call's retry policy (initial interval times the coefficient to the power of the retries so far, at most the
   * maximum interval; Temporal's defaults where the policy leaves them unset). 0 where Temporal did not say.
   */
  private static long previousEnd(long scheduled, RetryOptions retry, int attempt) {
    if (scheduled <= 0) {
      return 0;
    }
    Duration initial = retry == null || retry.getInitialInterval() == null ? Duration.ofSeconds(1)
        : retry.getInitialInterval();
    double coefficient = retry == null || retry.getBackoffCoefficient() < 1 ? 2.0 : retry.getBackoffCoefficient();
    Duration max = retry == null || retry.getMaximumInterval() == null ? initial.multipliedBy(100)
        : retry.getMaximumInterval();
    double backoff = Math.min(initial.toMillis() * Math.pow(coefficient, attempt - 2), max.toMillis());
    return Math.max(0, scheduled - (long) backoff);
  }

  private static List<AttemptSpan> latest(List<AttemptSpan> spans, int kept) {
    return spans.subList(Math.max(0, spans.size() - kept), spans.size());
  }
}
