package io.nightshift.models.llamacpp;

import io.nightshift.core.error.NightshiftException;

/** Provisioning or running the local llama.cpp server failed; the message quotes the relevant log lines. */
public final class LlamaCppException extends NightshiftException {
  public LlamaCppException(String message) {
    super(message);
  }

  public LlamaCppException(String message, Throwable cause) {
    super(message, cause);
  }
}
