package io.nightshift.runtime.auth;

import io.nightshift.core.files.OwnerOnly;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The API's tokens, in one owner-only file in the data directory ({@code <data-dir>/auth/tokens}). Only hashes of
 * the secrets are kept. Each change rewrites the whole file beside it and moves it into place, under a lock, so
 * the running API (which re-reads the file when it changes, see {@link TokenCheck}) sees either the old or the new
 * store, never half of one, and two admins changing it at once do not lose each other's change.
 */
public final class TokenStore {
  private static final Pattern TENANT = Pattern.compile("[a-z0-9][a-z0-9._-]{0,62}");

  private final Path file;
  private final Clock clock;

  public TokenStore(Path file, Clock clock) {
    this.file = file.toAbsolutePath().normalize();
    this.clock = clock;
  }

  public Path file() {
    return file;
  }

  public boolean exists() {
    return Files.exists(file);
  }

  /** Every token, revoked and expired ones included; none when the store does not exist yet. */
  public List<ApiToken> list() throws IOException {
    try {
      return TokenFile.read(Files.readAllBytes(file));
    } catch (NoSuchFileException e) {
      return List.of();
    } catch (IOException e) {
      throw new IOException("token store " + file + " cannot be read: " + e.getMessage(), e);
    }
  }

  /**
   * Makes a token for {@code tenant} with {@code role}, valid for {@code lifetime} (empty: until revoked), and
   * creates the store if it is not there yet.
   */
  public IssuedToken create(String tenant, AccessRole role, Optional<Duration> lifetime) throws IOException {
    if (!TENANT.matcher(tenant).matches()) {
      throw new IllegalArgumentException("tenant must be 1 to 63 of a-z, 0-9, '.', '_', '-', starting with a letter"
          + " or digit; was '" + tenant + "'");
    }
    lifetime.filter(d -> d.isNegative() || d.isZero()).ifPresent(d -> {
      throw new IllegalArgumentException("expiry must be in the future, was " + d);
    });
    Instant now = clock.instant();
    String secret = BearerTokens.newSecret();
    try (Locked locked = lock()) {
      List<ApiToken> tokens = new ArrayList<>(list());
      String id = BearerTokens.newId();
      while (find(tokens, id).isPresent()) {
        id = BearerTokens.newId();
      }
      ApiToken token = new ApiToken(id, tenant, role, now, lifetime.map(now::plus).orElse(null), false,
          BearerTokens.hash(secret));
      tokens.add(token);
      replace(tokens);
      return new IssuedToken(token, BearerTokens.format(id, secret));
    }
  }

  /**
   * Revokes the token {@code id}: it is refused from then on, by a running API too, and stays listed as revoked.
   *
   * @return the token as it is now; empty when there is no such token
   */
  public Optional<ApiToken> revoke(String id) throws IOException {
    try (Locked locked = lock()) {
      List<ApiToken> tokens = new ArrayList<>(list());
      Optional<ApiToken> found = find(tokens, id);
      if (found.isEmpty() || found.get().revoked()) {
        return found;
      }
      ApiToken revoked = found.get().asRevoked();
      tokens.set(tokens.indexOf(found.get()), revoked);
      replace(tokens);
      return Optional.of(revoked);
    }
  }

  private static Optional<ApiToken> find(List<ApiToken> tokens, String id) {
    return tokens.stream().filter(t -> t.id().equals(id)).findFirst();
  }

  /** Serialises changes between processes (the CLI and, at first start, the runtime). */
  private Locked lock() throws IOException {
    OwnerOnly.createDirectories(file.getParent());
    Path lockFile = file.resolveSibling(file.getFileName() + ".lock");
    FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    try {
      channel.lock();
      return new Locked(channel);
    } catch (IOException | RuntimeException e) {
      channel.close();
      throw e;
    }
  }

  private void replace(List<ApiToken> tokens) throws IOException {
    Path dir = file.getParent();
    Path tmp = OwnerOnly.isPosix(dir)
        ? Files.createTempFile(dir, ".tokens", ".new", PosixFilePermissions.asFileAttribute(OwnerOnly.FILE))
        : Files.createTempFile(dir, ".tokens", ".new");
    try {
      Files.write(tmp, TokenFile.write(tokens));
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** The store's lock, held until closed: its channel closes with it. */
  private record Locked(FileChannel channel) implements AutoCloseable {
    @Override
    public void close() throws IOException {
      channel.close(); // releases the lock
    }
  }
}
