package io.nightshift.models.failure;

import io.nightshift.core.error.NightshiftException;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A model call that failed, classified. {@link #retryable()} tells the engine whether to back off and try again
 * (honouring {@link #retryAfter()} when the server gave one) or to fail the step at once.
 */
public final class ModelCallException extends NightshiftException {
  private final String endpointId;
  private final FailureKind kind;
  private final Integer statusCode;
  private final Duration retryAfter;

  public ModelCallException(
      String endpointId, FailureKind kind, Integer statusCode, Duration retryAfter, String message, Throwable cause) {
    super("model endpoint '" + endpointId + "': " + kind + (statusCode == null ? "" : " (HTTP " + statusCode + ")")
        + ": " + message, cause);
    this.endpointId = endpointId;
    this.kind = kind;
    this.statusCode = statusCode;
    this.retryAfter = retryAfter;
  }

  public String endpointId() {
    return endpointId;
  }

  public FailureKind kind() {
    return kind;
  }

  public boolean retryable() {
    return kind.retryable();
  }

  /** A stable failure type for Temporal's {@code ApplicationFailure}, e.g. {@code ModelCall.RATE_LIMITED}. */
  public String type() {
    return "ModelCall." + kind.name();
  }

  public OptionalInt statusCode() {
    return statusCode == null ? OptionalInt.empty() : OptionalInt.of(statusCode);
  }

  /** The server's Retry-After, or for an open circuit the time until it lets a trial call through. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
