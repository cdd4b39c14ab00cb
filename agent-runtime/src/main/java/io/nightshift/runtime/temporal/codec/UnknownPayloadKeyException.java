package io.nightshift.runtime.temporal.codec;

import io.temporal.payload.codec.PayloadCodecException;
import java.util.Set;

/** A payload names a key id this process's key file does not hold. */
public final class UnknownPayloadKeyException extends PayloadCodecException {
  public UnknownPayloadKeyException(String id, Set<String> known) {
    super("payload sealed with key id '" + id + "', which this process's payload key file does not hold (it has "
        + known + "); every process of a deployment needs the same key file, with every key still in use");
  }
}
