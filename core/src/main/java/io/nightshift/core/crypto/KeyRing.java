package io.nightshift.core.crypto;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;

/** Keys held in memory: the current one and the older ones still needed to open what they sealed. */
public record KeyRing(String currentId, Map<String, SecretKey> keys) implements KeyProvider {
  public KeyRing {
    keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys));
    if (!keys.containsKey(currentId)) {
      throw new IllegalArgumentException("current key id '" + currentId + "' is not among " + keys.keySet());
    }
  }

  @Override
  public SecretKey key(String id) {
    SecretKey key = keys.get(id);
    if (key == null) {
      throw new UnknownKeyException(id, keys.keySet());
    }
    return key;
  }

  @Override
  public Set<String> ids() {
    return keys.keySet();
  }
}
