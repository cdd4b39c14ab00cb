package io.nightshift.api.codec;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Browser sign-ins to the codec server. Temporal's Web UI sends an {@code Authorization} header only with the access
 * token of its own OIDC login, over HTTPS; what it can send without one is the codec server's cookies (its setting
 * "include cross-origin credentials"). So an operator signs in once with an admin token ({@link CodecSignIn}) and
 * gets a cookie naming a session here. The cookie holds a random session id, never the token; the session holds the
 * token as presented, checked again on every call, so a revoked or expired token stops its sessions at once. Sessions
 * live in memory only: a restart signs everybody out.
 */
final class CodecSessions {
  static final String COOKIE = "nightshift_codec";
  static final Duration LIFETIME = Duration.ofHours(8);
  /** Sign-ins kept at once; the one ending soonest makes room. A handful of operators need far fewer. */
  static final int MAX_SESSIONS = 64;
  private static final SecureRandom RANDOM = new SecureRandom();

  private record Session(String token, Instant ends) {}

  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final Clock clock;

  CodecSessions(Clock clock) {
    this.clock = clock;
  }

  /** A new session for {@code token} (already checked); its id, for the cookie. */
  synchronized String open(String token) {
    Instant now = clock.instant();
    sessions.values().removeIf(s -> !now.isBefore(s.ends()));
    while (sessions.size() >= MAX_SESSIONS) {
      sessions.entrySet().stream().min(Comparator.comparing(e -> e.getValue().ends()))
          .ifPresent(e -> sessions.remove(e.getKey()));
    }
    byte[] id = new byte[32];
    RANDOM.nextBytes(id);
    String session = Base64.getUrlEncoder().withoutPadding().encodeToString(id);
    sessions.put(session, new Session(token, now.plus(LIFETIME)));
    return session;
  }

  /** The token behind the session a {@code Cookie} header names; empty without one, or when it has ended. */
  Optional<String> token(String cookieHeader) {
    if (cookieHeader == null) {
      return Optional.empty();
    }
    for (String cookie : cookieHeader.split(";")) {
      String c = cookie.strip();
      if (c.startsWith(COOKIE + "=")) {
        Session s = sessions.get(c.substring(COOKIE.length() + 1));
        if (s != null && clock.instant().isBefore(s.ends())) {
          return Optional.of(s.token());
        }
      }
    }
    return Optional.empty();
  }

  /**
   * The {@code Set-Cookie} value for a session: script cannot read it, other sites' pages do not send it, and where
   * it was set over HTTPS a browser never sends it over plain HTTP.
   */
  static String setCookie(String session, boolean https) {
    return COOKIE + "=" + session + "; Path=/; HttpOnly; SameSite=Strict; Max-Age=" + LIFETIME.toSeconds()
        + (https ? "; Secure" : "");
  }
}
