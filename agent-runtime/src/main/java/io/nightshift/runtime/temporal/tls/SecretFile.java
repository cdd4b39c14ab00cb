package io.nightshift.runtime.temporal.tls;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;

/**
 * Reads a file that holds a secret (the API key, the client certificate's private key), refusing one that the
 * group or other accounts may read or write: on a shared machine such a file gives the cluster credentials away,
 * as {@code ssh} refuses a private key for the same reason. On a file system without POSIX permissions the parent's
 * ACL decides and nothing is checked.
 */
final class SecretFile {
  private static final Set<PosixFilePermission> OTHERS = EnumSet.of(PosixFilePermission.GROUP_READ,
      PosixFilePermission.GROUP_WRITE, PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE);

  private SecretFile() {}

  /** @param flag the flag that named the file, for the error */
  static byte[] read(String flag, Path file) {
    checkOwnerOnly(flag, file);
    return readBytes(flag, file);
  }

  /** Reads a file that holds no secret (a certificate), with errors naming its flag. */
  static byte[] readBytes(String flag, Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(flag + " " + file + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException(flag + " " + file + ": cannot be read (" + e + ")");
    }
  }

  private static void checkOwnerOnly(String flag, Path file) {
    Set<PosixFilePermission> mode;
    try {
      mode = Files.getPosixFilePermissions(file);
    } catch (UnsupportedOperationException notPosix) {
      return;
    } catch (NoSuchFileException e) {
      throw new IllegalArgumentException(flag + " " + file + ": no such file");
    } catch (IOException e) {
      throw new IllegalArgumentException(flag + " " + file + ": cannot be read (" + e + ")");
    }
    if (mode.stream().anyMatch(OTHERS::contains)) {
      throw new IllegalArgumentException(flag + " " + file + " holds a secret but is accessible to others than its"
          + " owner (" + PosixFilePermissions.toString(mode) + "): chmod 600 " + file
          + " (in Kubernetes, mount the secret with defaultMode: 0400)");
    }
  }
}
