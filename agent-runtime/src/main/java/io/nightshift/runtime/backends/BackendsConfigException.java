package io.nightshift.runtime.backends;

import io.nightshift.core.error.NightshiftException;

/** The backends file cannot be used; the message names the file, the pool, the key and, where known, the line. */
public final class BackendsConfigException extends NightshiftException {
  public BackendsConfigException(String message) {
    super(message);
  }

  public BackendsConfigException(String message, Throwable cause) {
    super(message, cause);
  }
}
