package io.nightshift.client;

import java.time.Duration;

/**
 * How a {@link NightshiftClient} retries a call the API answered UNAVAILABLE (the API restarting, a connection
 * dropped, Temporal behind it not answering): only calls that may safely run twice (reads, watches, artifact reads),
 * with exponential back-off between tries. A watch uses the same policy to reconnect, counting from its last event.
 *
 * @param maxAttempts    tries in all, the first included (1 = never retry); at most 100
 * @param initialBackoff the wait before the second try; doubled before each next one
 * @param maxBackoff     the longest wait between two tries
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff) {
  /** Five tries, 200 ms, 400 ms, 800 ms and 1.6 s apart: an API restarting on the same machine is back in that. */
  public static final RetryPolicy DEFAULT = new RetryPolicy(5, Duration.ofMillis(200), Duration.ofSeconds(5));
  /** One try: every UNAVAILABLE reaches the caller at once. */
  public static final RetryPolicy NONE = new RetryPolicy(1, Duration.ZERO, Duration.ZERO);

  public RetryPolicy {
    if (maxAttempts < 1 || maxAttempts > 100) {
      throw new IllegalArgumentException("maxAttempts must be between 1 and 100, was " + maxAttempts);
    }
    if (initialBackoff == null || initialBackoff.isNegative()) {
      throw new IllegalArgumentException("initialBackoff must be 0 or more, was " + initialBackoff);
    }
    if (maxBackoff == null || maxBackoff.compareTo(initialBackoff) < 0) {
      throw new IllegalArgumentException("maxBackoff must be at least initialBackoff (" + initialBackoff + "), was "
          + maxBackoff);
    }
  }

  /** The wait after the {@code failedTries}-th failed try (1-based). */
  Duration backoffAfter(int failedTries) {
    long millis = initialBackoff.toMillis();
    for (int i = 1; i < failedTries && millis < maxBackoff.toMillis(); i++) {
      millis *= 2;
    }
    return Duration.ofMillis(Math.min(millis, maxBackoff.toMillis()));
  }
}
