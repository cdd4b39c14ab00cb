package io.nightshift.runtime.auth;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks presented tokens against the token store, as the running API does for every call. The store is read again
 * whenever its file changed (a stat per check: modification time, size and file identity, which an atomic replace
 * always changes), so {@code nightshift admin token revoke} takes effect on the next call, without a restart.
 *
 * <p>Fails closed: a store that cannot be read (removed, damaged) accepts no token until it can be again, and says
 * why in the log once per change.
 */
public final class TokenCheck {
  private static final Logger log = LoggerFactory.getLogger(TokenCheck.class);

  private final TokenStore store;
  private final Clock clock;
  private volatile Snapshot snapshot = Snapshot.EMPTY;

  /** The store as last read, and the file's state it was read from. */
  private record Snapshot(Object version, Map<String, ApiToken> byId) {
    static final Snapshot EMPTY = new Snapshot(null, Map.of());
  }

  public TokenCheck(TokenStore store, Clock clock) {
    this.store = store;
    this.clock = clock;
  }

  /** The principal a presented token stands for; empty when it is malformed, unknown, wrong, revoked or expired. */
  public Optional<Principal> check(String presented) {
    Optional<BearerTokens.Presented> parsed = BearerTokens.parse(presented);
    if (parsed.isEmpty()) {
      return Optional.empty();
    }
    ApiToken token = current().byId().get(parsed.get().id());
    if (token == null || !BearerTokens.matches(parsed.get().secret(), token.secretHash())
        || !token.acceptedAt(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(Principal.of(token));
  }

  private Snapshot current() {
    Object version = fileVersion();
    Snapshot seen = snapshot;
    if (Objects.equals(version, seen.version())) {
      return seen;
    }
    synchronized (this) {
      if (!Objects.equals(version, snapshot.version())) {
        snapshot = read(version);
      }
      return snapshot;
    }
  }

  private Snapshot read(Object version) {
    if (version == null) {
      log.error("token store {} is gone: every call is refused until it is back", store.file());
      return Snapshot.EMPTY;
    }
    try {
      List<ApiToken> tokens = store.list();
      return new Snapshot(version, tokens.stream().collect(Collectors.toUnmodifiableMap(ApiToken::id,
          Function.identity(), (a, b) -> a)));
    } catch (IOException e) {
      log.error("{}: every call is refused until it can be read", e.getMessage());
      return new Snapshot(version, Map.of());
    }
  }

  /** What identifies the file's current contents without reading them; null when there is no file. */
  private Object fileVersion() {
    try {
      BasicFileAttributes a = Files.readAttributes(store.file(), BasicFileAttributes.class);
      return List.of(a.lastModifiedTime(), a.size(), String.valueOf(a.fileKey()));
    } catch (NoSuchFileException e) {
      return null;
    } catch (IOException e) {
      return List.of(e.toString()); // cannot stat: read again, which reports why
    }
  }
}
