package io.nightshift.core.accelerator;

import io.nightshift.core.error.NightshiftException;

/**
 * A pool could not do what was asked. {@link #retryable()} tells the engine whether trying again later can help
 * (no free units now, a server still starting) or not (a request the hardware can never satisfy).
 */
public final class AcceleratorException extends NightshiftException {

  /** Stable reason codes; the runtime uses them as Temporal failure types. */
  public enum Reason {
    NO_CAPACITY(true),
    INVALID_REQUEST(false),
    DISCOVERY_FAILED(true),
    PREPARE_FAILED(true),
    LAUNCH_FAILED(true),
    UNHEALTHY(true),
    UNKNOWN_LEASE(false),
    CONFIGURATION(false);

    private final boolean retryable;

    Reason(boolean retryable) {
      this.retryable = retryable;
    }
  }

  private final Reason reason;

  public AcceleratorException(Reason reason, String message) {
    this(reason, message, null);
  }

  public AcceleratorException(Reason reason, String message, Throwable cause) {
    super(reason + ": " + message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }

  public boolean retryable() {
    return reason.retryable;
  }
}
