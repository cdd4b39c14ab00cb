package io.nightshift.core.pipeline;

import java.util.List;

/**
 * How the engine runs a step: retries, timeouts, and whether its failure fails the task. Zero means "the
 * engine's default" for every number, so an empty policy is valid and small on the wire.
 *
 * @param maxAttempts           attempts in all (1 = no retry)
 * @param initialIntervalMillis first retry delay
 * @param backoff               multiplier of the delay per retry
 * @param maxIntervalMillis     longest retry delay
 * @param nonRetryable          failure types that are never retried (besides the engine's own)
 * @param timeoutMillis         start-to-close timeout of one attempt
 * @param heartbeatTimeoutMillis a step that reports no progress for this long is presumed dead and retried
 * @param continueOnError       a step that fails for good does not fail the task (its dependents are skipped)
 */
public record StepPolicy(int maxAttempts, long initialIntervalMillis, double backoff, long maxIntervalMillis,
    List<String> nonRetryable, long timeoutMillis, long heartbeatTimeoutMillis, boolean continueOnError) {
  public static final StepPolicy DEFAULT = new StepPolicy(0, 0, 0, 0, List.of(), 0, 0, false);

  public StepPolicy {
    nonRetryable = List.copyOf(nonRetryable == null ? List.of() : nonRetryable);
  }
}
