package io.nightshift.provisioning;

import io.nightshift.core.error.NightshiftException;

/** Installing or checking something the runtime provisions failed; the message quotes the log lines that say why. */
public class ProvisioningException extends NightshiftException {
  public ProvisioningException(String message) {
    super(message);
  }

  public ProvisioningException(String message, Throwable cause) {
    super(message, cause);
  }
}
