package io.nightshift.workflows.backends;

import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * How workflows call activities on a pool's queue. The schedule-to-start timeout matters: when no worker polls a
 * pool's queue (its machine is gone) the call fails within it instead of waiting forever, and the workflow treats
 * the pool as unavailable.
 */
public final class BackendActivityOptions {
  public static final Duration INVENTORY_SCHEDULE_TO_START = Duration.ofSeconds(30);
  static final Duration INVENTORY_START_TO_CLOSE = Duration.ofMinutes(1);

  private BackendActivityOptions() {}

  /** Inventory of {@code poolId}, on that pool's queue. */
  public static ActivityOptions inventory(String poolId) {
    return inventory(poolId, INVENTORY_SCHEDULE_TO_START);
  }

  /**
   * Acquiring or releasing a model server on {@code poolId}'s queue. A start waits for the server's health check,
   * minutes for a large model (tens on Trainium when it compiles); a pool without free units is retried.
   */
  public static ActivityOptions modelServer(String poolId) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(BackendQueues.forPool(poolId))
        .setScheduleToStartTimeout(INVENTORY_SCHEDULE_TO_START)
        .setStartToCloseTimeout(Duration.ofMinutes(45))
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(2))
            .setMaximumInterval(Duration.ofMinutes(1))
            .setMaximumAttempts(10)
            .setDoNotRetry(ModelServerActivities.NOT_SERVED)
            .build())
        .build();
  }

  /** @param scheduleToStart how long to wait for a worker of the pool to pick the call up */
  public static ActivityOptions inventory(String poolId, Duration scheduleToStart) {
    return ActivityOptions.newBuilder()
        .setTaskQueue(BackendQueues.forPool(poolId))
        .setScheduleToStartTimeout(scheduleToStart)
        .setStartToCloseTimeout(INVENTORY_START_TO_CLOSE)
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setMaximumAttempts(3)
            .setDoNotRetry(InventoryActivities.UNKNOWN_POOL)
            .build())
        .build();
  }
}
