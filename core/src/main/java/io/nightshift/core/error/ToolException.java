package io.nightshift.core.error;

/**
 * A tool failed. {@code retryable} decides whether the engine tries again (a busy endpoint, a transient I/O
 * error) or fails the step at once (bad input that will never work).
 */
public final class ToolException extends NightshiftException {
  private final boolean retryable;

  private ToolException(String message, Throwable cause, boolean retryable) {
    super(message, cause);
    this.retryable = retryable;
  }

  public static ToolException retryable(String message, Throwable cause) {
    return new ToolException(message, cause, true);
  }

  public static ToolException permanent(String message) {
    return new ToolException(message, null, false);
  }

  public static ToolException permanent(String message, Throwable cause) {
    return new ToolException(message, cause, false);
  }

  public boolean retryable() {
    return retryable;
  }
}
