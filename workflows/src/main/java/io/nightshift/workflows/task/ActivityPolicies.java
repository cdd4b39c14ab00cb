package io.nightshift.workflows.task;

import io.nightshift.workflows.activities.PlanningActivities;
import io.nightshift.workflows.activities.StepActivities;
import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;

/**
 * Timeouts and retries of the task workflow's activities. Step heartbeats are sent by the activity on the
 * tool's behalf, so a short heartbeat timeout detects a dead worker in seconds rather than at the (long)
 * start-to-close timeout.
 */
final class ActivityPolicies {
  static final Duration STEP_HEARTBEAT_TIMEOUT = Duration.ofSeconds(10);

  private ActivityPolicies() {}

  static ActivityOptions planning() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(2))
        .setRetryOptions(RetryOptions.newBuilder()
            .setMaximumAttempts(5)
            .setDoNotRetry(PlanningActivities.INVALID_PIPELINE)
            .build())
        .build();
  }

  static ActivityOptions steps() {
    return ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofHours(2))
        .setHeartbeatTimeout(STEP_HEARTBEAT_TIMEOUT)
        .setCancellationType(ActivityCancellationType.TRY_CANCEL)
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setBackoffCoefficient(2.0)
            .setMaximumInterval(Duration.ofMinutes(1))
            .setMaximumAttempts(5)
            .setDoNotRetry(StepActivities.TOOL_INPUT_ERROR, StepActivities.UNKNOWN_TOOL)
            .build())
        .build();
  }
}
