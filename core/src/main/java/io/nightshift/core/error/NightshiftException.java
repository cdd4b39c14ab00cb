package io.nightshift.core.error;

/** Root of Nightshift's exceptions: catch this to handle anything the runtime itself raised. */
public class NightshiftException extends RuntimeException {
  public NightshiftException(String message) {
    super(message);
  }

  public NightshiftException(String message, Throwable cause) {
    super(message, cause);
  }
}
