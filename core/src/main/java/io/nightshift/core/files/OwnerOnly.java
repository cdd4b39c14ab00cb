package io.nightshift.core.files;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.Set;

/**
 * Directories only the runtime's own user may enter: the data directory and what it holds (artifacts, scratch,
 * logs, inputs, the Temporal database) carry task inputs, model output and sometimes credentials, and the default
 * umask (typically 022) would leave them readable by every account on a shared machine. On a file system without
 * POSIX permissions (Windows) the directories are created plainly: there the parent's ACL decides.
 */
public final class OwnerOnly {
  /** {@code rwx------}. */
  public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
  /** {@code rw-------}. */
  public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

  private OwnerOnly() {}

  /**
   * Creates {@code dir} and any missing parents, each {@code rwx------} (the umask can only narrow that); an
   * existing directory is left as it is (see {@link #tighten}).
   */
  public static Path createDirectories(Path dir) throws IOException {
    if (!isPosix(dir)) {
      return Files.createDirectories(dir);
    }
    FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(DIRECTORY);
    return Files.createDirectories(dir, mode);
  }

  /**
   * Makes an existing directory {@code rwx------} when group or others had any access.
   *
   * @return the mode it had (e.g. {@code rwxr-xr-x}) when it was changed; empty when it already was owner-only,
   *     or the file system has no POSIX permissions
   */
  public static Optional<String> tighten(Path dir) throws IOException {
    if (!isPosix(dir)) {
      return Optional.empty();
    }
    Set<PosixFilePermission> was = Files.getPosixFilePermissions(dir);
    if (DIRECTORY.containsAll(was)) {
      return Optional.empty();
    }
    Files.setPosixFilePermissions(dir, DIRECTORY);
    return Optional.of(PosixFilePermissions.toString(was));
  }

  /** Whether the file system {@code path} lives on keeps POSIX permissions. */
  public static boolean isPosix(Path path) {
    return path.getFileSystem().supportedFileAttributeViews().contains("posix");
  }
}
