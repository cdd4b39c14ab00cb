package io.nightshift.models.endpoint;

import java.time.Duration;
import java.util.Objects;

/**
 * When an endpoint's circuit opens: once at least {@code minimumCalls} of the last {@code windowSize} calls were
 * recorded and {@code failureRatePercent} of them failed for reasons that are the endpoint's fault (5xx, timeouts,
 * refused connections, 429). It stays open for {@code openDuration}, then lets a few trial calls through.
 */
public record CircuitBreakerSettings(
    float failureRatePercent, int windowSize, int minimumCalls, Duration openDuration) {
  public static final CircuitBreakerSettings DEFAULTS =
      new CircuitBreakerSettings(50f, 20, 5, Duration.ofSeconds(30));

  public CircuitBreakerSettings {
    if (failureRatePercent <= 0 || failureRatePercent > 100) {
      throw new IllegalArgumentException(
          "circuitBreaker.failureRatePercent must be in (0, 100] but was " + failureRatePercent);
    }
    if (windowSize <= 0) {
      throw new IllegalArgumentException("circuitBreaker.windowSize must be greater than 0 but was " + windowSize);
    }
    if (minimumCalls <= 0) {
      throw new IllegalArgumentException(
          "circuitBreaker.minimumCalls must be greater than 0 but was " + minimumCalls);
    }
    Objects.requireNonNull(openDuration, "circuitBreaker.openDuration must not be null");
    if (openDuration.isZero() || openDuration.isNegative()) {
      throw new IllegalArgumentException("circuitBreaker.openDuration must be positive but was " + openDuration);
    }
  }
}
