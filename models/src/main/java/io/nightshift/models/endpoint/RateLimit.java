package io.nightshift.models.endpoint;

import java.time.Duration;
import java.util.Objects;

/**
 * At most {@code permits} calls per {@code period}; a caller waits up to {@code maxWait} for a permit before the call
 * is refused as retryable. Hosted gateways in front of a local server often impose such a quota.
 */
public record RateLimit(int permits, Duration period, Duration maxWait) {
  /** No practical limit: a local server is bounded by its slots (the bulkhead), not by a quota. */
  public static final RateLimit UNLIMITED = new RateLimit(1_000_000, Duration.ofSeconds(1), Duration.ZERO);

  public RateLimit {
    if (permits <= 0) {
      throw new IllegalArgumentException("rateLimit.permits must be greater than 0 but was " + permits);
    }
    Objects.requireNonNull(period, "rateLimit.period must not be null");
    Objects.requireNonNull(maxWait, "rateLimit.maxWait must not be null");
    if (period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("rateLimit.period must be positive but was " + period);
    }
    if (maxWait.isNegative()) {
      throw new IllegalArgumentException("rateLimit.maxWait must not be negative but was " + maxWait);
    }
  }

  public static RateLimit of(int permits, Duration period) {
    return new RateLimit(permits, period, Duration.ZERO);
  }
}
