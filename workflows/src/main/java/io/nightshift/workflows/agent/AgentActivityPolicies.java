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

  static ActivityOptions model(Optional<String> queue) {
    return withQueue(ActivityOptions.newBuilder()
        // a CPU model server answering a long prompt can take minutes; the endpoint's own timeout is shorter
        .setStartToCloseTimeout(Duration.ofMinutes(10))
        // the worker heartbeats while the call runs (every 2 s), so a call on a worker that died is retried
        // elsewhere within this, not after the 10 minutes above; a change of options does not affect replay
        .setHeartbeatTimeout(Duration.ofSeconds(10))
        .setCancellationType(ActivityCancellationType.TRY_CANCEL)
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(2))
            .setBackoffCoefficient(2.0)
            .setMaximumInterval(Duration.ofMinutes(2))
            .setMaximumAttempts(8)
            .build()), queue);
  }

  /**
   * A compaction is one summary call plus artifact writes: a model call's timeout, fewer attempts (a summary that
   * keeps failing should fail the step rather than hold it for a quarter of an hour).
   */
  static ActivityOptions compaction(Optional<String> queue) {
    return withQueue(ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(10))
        // the worker heartbeats while the compaction runs (every 2 s), so a compaction on a worker that died is
        // retried elsewhere within this, not after the 10 minutes above; a change of options does not affect replay
        .setHeartbeatTimeout(Duration.ofSeconds(10))
        .setCancellationType(ActivityCancellationType.TRY_CANCEL)
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(2))
            .setBackoffCoefficient(2.0)
            .setMaximumInterval(Duration.ofMinutes(1))
            .setMaximumAttempts(5)
            .build()), queue);
  }

  static ActivityOptions tools(Optional<String> queue) {
    return withQueue(ActivityOptions.newBuilder()
        .setStartToCloseTimeout(Duration.ofMinutes(30))
        // the worker heartbeats for the tool (every 2 s), so a tool call on a dead worker is retried elsewhere
        // within this, not after the 30 minutes above; a change of options does not affect replay
        .setHeartbeatTimeout(Duration.ofSeconds(10))
        .setCancellationType(ActivityCancellationType.TRY_CANCEL)
        .setRetryOptions(RetryOptions.newBuilder()
            .setInitialInterval(Duration.ofSeconds(1))
            .setBackoffCoefficient(2.0)
            .setMaximumInterval(Duration.ofMinutes(1))
            .setMaximumAttempts(5)
            .build()), queue);
  }

  private static ActivityOptions withQueue(ActivityOptions.Builder builder, Optional<String> queue) {
    queue.filter(q -> !q.isBlank()).ifPresent(builder::setTaskQueue);
    return builder.build();
  }
}
