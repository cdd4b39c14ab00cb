package io.nightshift.core.crypto;

import java.util.Set;

/** Data names a key id this process's key file does not hold. */
public final class UnknownKeyException extends RuntimeException {
  private final String keyId;

  public UnknownKeyException(String keyId, Set<String> known) {
    super("sealed with key id '" + keyId + "', which this process's key file does not hold (it has " + known
        + "); every process of a deployment needs the same key file, with every key still in use");
    this.keyId = keyId;
  }

  public String keyId() {
    return keyId;
  }
}
