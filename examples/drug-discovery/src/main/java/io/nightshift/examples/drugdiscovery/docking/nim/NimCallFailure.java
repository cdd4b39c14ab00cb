package io.nightshift.examples.drugdiscovery.docking.nim;

import java.time.Duration;
import java.util.Optional;

/**
 * A call to the NIM failed for every molecule alike: {@link #retryable()} when waiting may help (the service is
 * busy, starting, or unreachable: 408, 429, 5xx, timeouts, refused connections) and permanent when it will not (a
 * wrong URL or path, missing credentials, an answer that is not the documented format).
 */
public final class NimCallFailure extends Exception {
  private final boolean retryable;
  private final Duration retryAfter;

  private NimCallFailure(String message, Throwable cause, boolean retryable, Duration retryAfter) {
    super(message, cause);
    this.retryable = retryable;
    this.retryAfter = retryAfter;
  }

  static NimCallFailure retryable(String message, Throwable cause, Duration retryAfter) {
    return new NimCallFailure(message, cause, true, retryAfter);
  }

  static NimCallFailure permanent(String message, Throwable cause) {
    return new NimCallFailure(message, cause, false, null);
  }

  public boolean retryable() {
    return retryable;
  }

  /** The wait the service asked for ({@code Retry-After}) on its last answer, if it asked for one. */
  public Optional<Duration> retryAfter() {
    return Optional.ofNullable(retryAfter);
  }
}
