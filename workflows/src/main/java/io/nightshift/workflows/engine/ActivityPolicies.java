package io.nightshift.workflows.engine;

import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.workflows.activities.PlanningActivities;
import io.nightshift.workflows.activities.StepActivities;
import io.nightshift.workflows.backends.BackendQueues;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Timeouts and retries of the engine's activities, from each step's policy where it has one. Step heartbeats are
 * sent by the activity on the tool's behalf, so a short heartbeat timeout detects a dead worker in seconds rather
 * than at the (long) start-to-close timeout.
 */
public final class ActivityPolicies {
  static final Duration STEP_HEARTBEAT_TIMEOUT = Duration.ofSeconds(10);
  static final Duration STEP_TIMEOUT = Duration.ofHours(2);
  /** Attempts of a step call whose policy names none. */
  public static final int STEP_MAX_ATTEMPTS = 5;

  private ActivityPolicies() {}

  /**
   * Planning and replanning. Long enough for a model planner on a CPU (each answer can take tens of seconds on a
   * busy machine, and an invalid one is repaired several times) so a slow but progressing plan is not cut off.
   */
  public static ActivityOptions planning() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(10))
        .setRetryOptions(RetryOptions.newBuilder()
            .setMaximumAttempts(5)
            .setDoNotRetry(PlanningActivities.INVALID_PIPELINE)
            .build())
        .build();
  }

  /** Bookkeeping activities of the engine itself (splitting, merging): short, retried, no heartbeat. */
  public static ActivityOptions engine() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(10))
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(10).setDoNotRetry("MapInputError").build())
        .build();
  }

  /**
   * How long a step call placed on a pool may wait there for its units, on top of its own time limit. A pool's
   * queue can hold work for days when a campaign fills it; the call's own limit is kept by the pool's worker from
   * the moment the units are granted ({@link #runLimitMillis}).
   */
  static final Duration POOL_WAIT_CEILING = Duration.ofDays(7);
  /**
   * How long a call placed on a pool may sit in Temporal's queue before a worker of the pool takes it, where the
   * pool's configuration sets no other ({@code pools[].pickup_timeout_seconds}). Pool workers take every call at
   * once (they wait at the pool's own gate, not in Temporal), so only a pool whose worker is gone leaves a call here
   * this long; the call then fails and the step moves to another pool.
   */
  public static final Duration POOL_PICKUP_TIMEOUT = Duration.ofSeconds(30);

  /** A pool's pickup timeout as its inventory reported it: 0 (recorded before pools reported one) is the default. */
  public static Duration pickupTimeout(long millis) {
    return millis > 0 ? Duration.ofMillis(millis) : POOL_PICKUP_TIMEOUT;
  }

  /** The time limit of one attempt of a step, counted from when it runs. */
  public static long runLimitMillis(StepPolicy p) {
    return p.timeoutMillis() > 0 ? p.timeoutMillis() : STEP_TIMEOUT.toMillis();
  }

  /**
   * A step call on a pool's queue: as {@link #steps}, but its start-to-close covers the wait at the pool as well
   * (the pool's worker keeps the run limit), and it fails over when no worker of the pool picks it up within
   * {@code pickup} (the pool's {@link #pickupTimeout}).
   */
  public static ActivityOptions placedSteps(StepPolicy p, String taskQueue, Duration pickup) {
    return ActivityOptions.newBuilder(steps(p)).setTaskQueue(taskQueue)
        .setStartToCloseTimeout(POOL_WAIT_CEILING.plusMillis(runLimitMillis(p)))
        .setScheduleToStartTimeout(pickup).build();
  }

  /**
   * Waiting at a pool's gate for units an agent holds while it runs: as long as a placed step may wait, and failing
   * as a placed step does when no worker of the pool picks the call up within {@code pickup}.
   */
  public static ActivityOptions unitHoldWait(String pool, Duration pickup) {
    return ActivityOptions.newBuilder().setTaskQueue(BackendQueues.forPool(pool))
        .setStartToCloseTimeout(POOL_WAIT_CEILING).setHeartbeatTimeout(STEP_HEARTBEAT_TIMEOUT)
        .setScheduleToStartTimeout(pickup)
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(STEP_MAX_ATTEMPTS).build()).build();
  }

  /**
   * Keeping a hold alive while the agent runs: one attempt (if its worker dies, the lease dies with it), for as
   * long as an agent may run, cancelled when it ends.
   */
  public static ActivityOptions unitHoldKeep(String pool) {
    return ActivityOptions.newBuilder().setTaskQueue(BackendQueues.forPool(pool))
        .setStartToCloseTimeout(POOL_WAIT_CEILING).setHeartbeatTimeout(STEP_HEARTBEAT_TIMEOUT)
        .setCancellationType(ActivityCancellationType.TRY_CANCEL)
        .setRetryOptions(RetryOptions.newBuilder().setMaximumAttempts(1).build()).build();
  }

  /** Releasing a hold: short, retried a few times; an expired lease is released already. */
  public static ActivityOptions unitHoldRelease(String pool) {
    return ActivityOptions.newBuilder().setTaskQueue(BackendQueues.forPool(pool))
        .setStartToCloseTimeout(Duration.ofSeconds(30)).setScheduleToCloseTimeout(Duration.ofMinutes(2)).build();
  }

  public static ActivityOptions steps(StepPolicy p) {
    List<String> doNotRetry = new ArrayList<>(List.of(StepActivities.TOOL_INPUT_ERROR, StepActivities.UNKNOWN_TOOL));
    doNotRetry.addAll(p.nonRetryable());
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMillis(runLimitMillis(p)))
        .setHeartbeatTimeout(p.heartbeatTimeoutMillis() > 0 ? Duration.ofMillis(p.heartbeatTimeoutMillis())
            : STEP_HEARTBEAT_TIMEOUT)
        .setCancellationType(ActivityCancellationType.TRY_CANCEL)
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(p.initialIntervalMillis() > 0 ? Duration.ofMillis(p.initialIntervalMillis())
                : Duration.ofSeconds(1))
            .setBackoffCoefficient(p.backoff() >= 1 ? p.backoff() : 2.0)
            .setMaximumInterval(p.maxIntervalMillis() > 0 ? Duration.ofMillis(p.maxIntervalMillis())
                : Duration.ofMinutes(1))
            .setMaximumAttempts(p.maxAttempts() > 0 ? p.maxAttempts() : STEP_MAX_ATTEMPTS)
            .setDoNotRetry(doNotRetry.toArray(String[]::new))
            .build())
        .build();
  }
}
