package io.nightshift.api.ui.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one-time codes of the UI's login links, as Jupyter prints one at start: each is good for one login, within
 * {@link #LIFETIME} of being made. A code is a secret in a URL that lands in a terminal's scroll-back and the log,
 * so both limits matter: a code read from there later is spent or expired. At most {@link #MAX_OPEN} wait at once;
 * making another drops the oldest.
 */
public final class LoginCodes {
  public static final Duration LIFETIME = Duration.ofMinutes(10);
  static final int MAX_OPEN = 16;

  private final Clock clock;
  /** Digest of each open code, oldest first, and when it expires. */
  private final Map<String, Instant> open = new LinkedHashMap<>();

  public LoginCodes(Clock clock) {
    this.clock = clock;
  }

  /** A new code, good once within {@link #LIFETIME}. */
  public synchronized String mint() {
    String code = SecretDigest.newSecret();
    if (open.size() >= MAX_OPEN) {
      Iterator<String> oldest = open.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    open.put(SecretDigest.of(code), clock.instant().plus(LIFETIME));
    return code;
  }

  /**
   * Spends {@code presented}: true the first time it is a code this made and not yet expired, false ever after.
   * Every open code is compared, in constant time, so no answer comes sooner for a guess that is nearly right.
   */
  public synchronized boolean redeem(String presented) {
    Instant now = clock.instant();
    open.values().removeIf(expiry -> !now.isBefore(expiry));
    String match = null;
    for (String stored : open.keySet()) {
      if (SecretDigest.matches(presented, stored)) {
        match = stored;
      }
    }
    return match != null && open.remove(match) != null;
  }
}
