package io.nightshift.runtime.temporal.codec;

import java.util.Set;
import javax.crypto.SecretKey;

/**
 * The AES-256 keys payloads are sealed with: one current key for what is written now, and every key by its id so
 * payloads sealed before a rotation still open.
 */
public interface PayloadKeys {
  /** The id of the key new payloads are sealed with. */
  String currentId();

  /**
   * The key with {@code id}.
   *
   * @throws UnknownPayloadKeyException when no key has that id (sealed with a key this process was not given)
   */
  SecretKey key(String id);

  /** Every id known, for start-up logs and error messages. */
  Set<String> ids();
}
