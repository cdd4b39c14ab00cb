package io.nightshift.api.ui.session;

import io.grpc.Channel;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The UI's sessions, in memory only: a restart logs everyone out, which is what a runtime that prints a new login
 * link at start should do. A session ends on logout, after {@link #IDLE} without a request, or {@link #ABSOLUTE}
 * after login whatever its use, so a cookie left in a browser does not act for days. The store keeps each id's
 * digest, never the id ({@link SecretDigest}), and holds at most {@link #MAX_SESSIONS}: beyond that the oldest
 * session ends, so a stream of logins cannot grow it without bound.
 */
public final class SessionStore {
  public static final Duration IDLE = Duration.ofHours(12);
  public static final Duration ABSOLUTE = Duration.ofDays(7);
  static final int MAX_SESSIONS = 1024;

  private final Clock clock;
  /** By the digest of the session id, oldest login first. */
  private final Map<String, Entry> sessions = new LinkedHashMap<>();

  private static final class Entry {
    final UiSession session;
    final Instant loggedIn;
    Instant lastSeen;

    Entry(UiSession session, Instant loggedIn) {
      this.session = session;
      this.loggedIn = loggedIn;
      this.lastSeen = loggedIn;
    }
  }

  /** What a login gives the browser (the id, for its cookie) and the session it stands for. */
  public record Opened(String id, UiSession session) {}

  public SessionStore(Clock clock) {
    this.clock = clock;
  }

  /** A new session for {@code user}, whose calls take {@code api}. */
  public synchronized Opened open(UiUser user, Channel api) {
    Instant now = clock.instant();
    sessions.values().removeIf(e -> expired(e, now));
    if (sessions.size() >= MAX_SESSIONS) {
      Iterator<String> oldest = sessions.keySet().iterator();
      oldest.next();
      oldest.remove();
    }
    String id = SecretDigest.newSecret();
    String key = SecretDigest.of(id);
    UiSession session = new UiSession(key, user, api);
    sessions.put(key, new Entry(session, now));
    return new Opened(id, session);
  }

  /** The live session {@code presentedId} names, which counts as its use; empty for an unknown or expired one. */
  public synchronized Optional<UiSession> find(String presentedId) {
    String key = SecretDigest.of(presentedId);
    Entry entry = sessions.get(key);
    if (entry == null) {
      return Optional.empty();
    }
    Instant now = clock.instant();
    if (expired(entry, now)) {
      sessions.remove(key);
      return Optional.empty();
    }
    entry.lastSeen = now;
    return Optional.of(entry.session);
  }

  /** Ends the session (logout, or the API no longer accepts its credential); nothing when it has ended already. */
  public synchronized void end(UiSession session) {
    sessions.remove(session.key());
  }

  private static boolean expired(Entry e, Instant now) {
    return !now.isBefore(e.lastSeen.plus(IDLE)) || !now.isBefore(e.loggedIn.plus(ABSOLUTE));
  }
}
