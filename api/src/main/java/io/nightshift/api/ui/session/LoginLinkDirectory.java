package io.nightshift.api.ui.session;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.regex.Pattern;

/**
 * Login links made while the runtime runs ({@code nightshift admin ui-link}), handed over through an owner-only
 * directory in the data directory ({@code auth/ui-links}): whoever may write there can read the admin token beside
 * it, so may log in as admin anyway. The running UI writes its address there ({@code address}); a new link is a file
 * named by its code's SHA-256 ({@code <digest>.code}, holding its expiry). The UI spends a code by deleting its file:
 * the file system lets one delete succeed, so a code works once even under two logins at the same instant.
 */
public final class LoginLinkDirectory {
  private static final String ADDRESS = "address";
  private static final String CODE_SUFFIX = ".code";
  private static final Pattern HTTP_BASE = Pattern.compile("http://[A-Za-z0-9.:\\[\\]-]+:\\d{1,5}");

  private final Path dir;
  private final Clock clock;

  public LoginLinkDirectory(Path dir, Clock clock) {
    this.dir = dir;
    this.clock = clock;
  }

  public Path dir() {
    return dir;
  }

  /** Where the running UI is, for the links made later ({@code http://host:port}); made owner-only. */
  public void announce(String baseUrl) throws IOException {
    createOwnerOnly();
    write(dir.resolve(ADDRESS), baseUrl);
  }

  /** The UI stopped: links made now would lead nowhere. */
  public void withdraw() throws IOException {
    Files.deleteIfExists(dir.resolve(ADDRESS));
  }

  /**
   * A new one-time link to the running UI, good for {@link LoginCodes#LIFETIME}; codes that expired unused are
   * removed on the way.
   *
   * @throws IOException when no UI runs on this data directory (no address), saying so
   */
  public String newLink() throws IOException {
    String base;
    try {
      base = Files.readString(dir.resolve(ADDRESS), StandardCharsets.UTF_8).strip();
    } catch (NoSuchFileException e) {
      throw new IOException("no workflow UI runs on this data directory (" + dir.resolve(ADDRESS) + " is missing):"
          + " start the runtime with a UI (--ui-port), which prints a link itself");
    }
    if (!HTTP_BASE.matcher(base).matches()) {
      throw new IOException(dir.resolve(ADDRESS) + " does not hold a UI address (http://host:port): '" + base + "'");
    }
    removeExpired();
    String code = SecretDigest.newSecret();
    write(dir.resolve(SecretDigest.of(code) + CODE_SUFFIX), clock.instant().plus(LoginCodes.LIFETIME).toString());
    return base + "/login#code=" + code;
  }

  /** Spends {@code presented}: true when a link with it was made here, was not used, and has not expired. */
  boolean redeem(String presented) {
    Path file = dir.resolve(SecretDigest.of(presented) + CODE_SUFFIX);
    try {
      String expiry = Files.readString(file, StandardCharsets.UTF_8).strip();
      Files.delete(file); // only one of two logins racing with the same code gets past this
      return clock.instant().isBefore(Instant.parse(expiry));
    } catch (IOException | DateTimeParseException e) {
      return false; // none, spent by another login, or not one we wrote
    }
  }

  private void removeExpired() throws IOException {
    Instant now = clock.instant();
    try (DirectoryStream<Path> codes = Files.newDirectoryStream(dir, "*" + CODE_SUFFIX)) {
      for (Path code : codes) {
        try {
          if (!now.isBefore(Instant.parse(Files.readString(code, StandardCharsets.UTF_8).strip()))) {
            Files.deleteIfExists(code);
          }
        } catch (IOException | DateTimeParseException e) {
          Files.deleteIfExists(code);
        }
      }
    }
  }

  private void createOwnerOnly() throws IOException {
    if (posix()) {
      Files.createDirectories(dir, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
    } else {
      Files.createDirectories(dir);
    }
  }

  /** Written whole under a temporary name, owner-only, then moved into place, so no reader sees half of it. */
  private void write(Path file, String content) throws IOException {
    Path tmp = posix()
        ? Files.createTempFile(dir, ".new", ".tmp", PosixFilePermissions.asFileAttribute(
            PosixFilePermissions.fromString("rw-------")))
        : Files.createTempFile(dir, ".new", ".tmp");
    try {
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      try {
        Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private boolean posix() {
    return dir.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
