package io.nightshift.workflows.agent;

import io.temporal.activity.ActivityCancellationType;
import io.temporal.activity.ActivityOptions;
import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.Optional;

/**
 * Timeouts and retries of an agent's activities. Model calls back off long enough to ride out a rate limit or a
 * restarting server (a 429's Retry-After overrides the interval, see the model activity); permanent failures
 * come back non-retryable from the activity itself, so no type list is needed here.
 */
final class AgentActivityPolicies {
  private AgentActivityPolicies() {}

  /** A CPU model server answering a long prompt can take minutes; the endpoint's own timeout is shorter. */
  static ActivityOptions model(Optional<String> queue) {
    return heartbeating(Duration.ofMinutes(10), Duration.ofSeconds(2), Duration.ofMinutes(2), 8, queue);
  }

  /**
   * A compaction is one summary call plus artifact writes: a model call's timeout, fewer attempts (a summary that
   * keeps failing should fail the step rather than hold it for a quarter of an hour).
   */
  static ActivityOptions compaction(Optional<String> queue) {
    return heartbeating(Duration.ofMinutes(10), Duration.ofSeconds(2), Duration.ofMinutes(1), 5, queue);
  }

  static ActivityOptions tools(Optional<String> queue) {
    return heartbeating(Duration.ofMinutes(30), Duration.ofSeconds(1), Duration.ofMinutes(1), 5, queue);
  }

  /**
   * Every agent activity heartbeats while it works (every 2 s), so one on a worker that died is retried elsewhere
   * within the 10 s heartbeat timeout, not after its start-to-close timeout; a change of options does not affect
   * replay.
   */
  private static ActivityOptions heartbeating(Duration startToClose, Duration firstRetry, Duration longestRetry,
      int attempts, Optional<String> queue) {
    return withQueue(ActivityOptions.newBuilder()
        .setStartToCloseTimeout(startToClose)
        .setHeartbeatTimeout(Duration.ofSeconds(10))
        .setCancellationType(ActivityCancellationType.TRY_CANCEL)
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(firstRetry)
            .setBackoffCoefficient(2.0)
            .setMaximumInterval(longestRetry)
            .setMaximumAttempts(attempts)
            .build()), queue);
  }

  private static ActivityOptions withQueue(ActivityOptions.Builder builder, Optional<String> queue) {
    queue.filter(q -> !q.isBlank()).ifPresent(builder::setTaskQueue);
    return builder.build();
  }
}
