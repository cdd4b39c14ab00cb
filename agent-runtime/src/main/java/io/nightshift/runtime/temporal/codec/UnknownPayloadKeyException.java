package io.nightshift.runtime.temporal.codec;

import io.nightshift.core.crypto.UnknownKeyException;
import io.temporal.payload.codec.PayloadCodecException;

/** A payload names a key id this process's key file does not hold: a codec failure, as Temporal expects one. */
public final class UnknownPayloadKeyException extends PayloadCodecException {
  public UnknownPayloadKeyException(UnknownKeyException cause) {
    super("payload " + cause.getMessage(), cause);
  }
}
