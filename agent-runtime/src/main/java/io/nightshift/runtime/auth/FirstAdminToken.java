package io.nightshift.runtime.auth;

import io.nightshift.core.files.OwnerOnly;
import io.nightshift.runtime.config.RuntimeConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first start of an API on a data directory: with no token store yet, nobody could call it, so one admin token
 * for tenant {@value #TENANT} is made and written, owner-only, to {@code <data-dir>/auth/admin-token}, where the
 * CLI on this machine finds it by itself. With a store already there (an operator made tokens with {@code nightshift
 * admin token create}, or this is a restart) nothing is made.
 */
public final class FirstAdminToken {
  public static final String TENANT = "default";
  private static final Logger log = LoggerFactory.getLogger(FirstAdminToken.class);

  private FirstAdminToken() {}

  /** Makes the store and the admin token when there is no store; the token check of the API either way. */
  public static TokenCheck prepare(RuntimeConfig config, Clock clock) throws IOException {
    TokenStore store = new TokenStore(config.tokenStoreFile(), clock);
    if (!store.exists()) {
      Path file = config.adminTokenFile();
      IssuedToken admin = store.create(TENANT, AccessRole.ADMIN, Optional.empty());
      writeOwnerOnly(file, admin.bearer());
      // the path, never the token: logs are kept and shipped where the token must not go
      log.info("first start: made admin token {} (tenant {}) in {}, readable by this user alone; the CLI on this"
          + " machine uses it by itself", admin.token().id(), TENANT, file);
    }
    return new TokenCheck(store, clock);
  }

  private static void writeOwnerOnly(Path file, String token) throws IOException {
    OwnerOnly.createDirectories(file.getParent());
    Files.deleteIfExists(file); // one left from an earlier store names a token that store no longer knows
    byte[] line = (token + "\n").getBytes(StandardCharsets.UTF_8);
    if (OwnerOnly.isPosix(file)) {
      Files.createFile(file, PosixFilePermissions.asFileAttribute(OwnerOnly.FILE));
      Files.write(file, line, StandardOpenOption.TRUNCATE_EXISTING);
      Files.setPosixFilePermissions(file, Set.copyOf(OwnerOnly.FILE)); // the umask may not widen it, but be sure
    } else {
      Files.write(file, line, StandardOpenOption.CREATE_NEW);
    }
  }
}
