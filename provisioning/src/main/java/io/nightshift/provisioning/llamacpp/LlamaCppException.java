package io.nightshift.provisioning.llamacpp;

import io.nightshift.provisioning.ProvisioningException;

/** Provisioning or running the local llama.cpp server failed; the message quotes the relevant log lines. */
public final class LlamaCppException extends ProvisioningException {
  public LlamaCppException(String message) {
    super(message);
  }

  public LlamaCppException(String message, Throwable cause) {
    super(message, cause);
  }
}
