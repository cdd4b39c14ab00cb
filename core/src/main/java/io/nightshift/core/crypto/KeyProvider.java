package io.nightshift.core.crypto;

import java.util.Set;
import javax.crypto.SecretKey;

/**
 * The AES-256 keys that what the runtime keeps (Temporal payloads, artifact files) is sealed with: one current key
 * for what is written now, and every key by its id so that what was sealed before a rotation still opens.
 */
public interface KeyProvider {
  /** The id of the key new data is sealed with. */
  String currentId();

  /**
   * The key with {@code id}.
   *
   * @throws UnknownKeyException when no key has that id (sealed with a key this process was not given)
   */
  SecretKey key(String id);

  /** Every id known, for start-up logs and error messages. */
  Set<String> ids();
}
