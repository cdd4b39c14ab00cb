package io.nightshift.provisioning.python;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * One pip requirements file's text, every entry pinned with {@code --hash}: a {@link PythonLock}, or one written
 * for a wheel the provisioner built itself.
 *
 * @param name a file name stem, for the copy written into the environment
 * @param text the requirements, as pip reads them
 */
public record Requirements(String name, String text) {
  public Requirements {
    if (name == null || !name.matches("[a-z0-9][a-z0-9.-]*")) {
      throw new IllegalArgumentException("name must be a lowercase file name stem, was " + name);
    }
    Objects.requireNonNull(text, "text");
  }

  /** A requirement on one local wheel file, pinned to its sha256 so pip installs exactly that file. */
  public static Requirements ofWheel(String name, String project, Path wheel, String sha256) {
    return new Requirements(name, project + " @ " + wheel.toUri() + " \\\n    --hash=sha256:" + sha256 + "\n");
  }

  /** A short digest of several requirement files together: what an environment's ready marker records. */
  public static String digest(List<Requirements> all) {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      for (Requirements r : all) {
        sha.update(r.name().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(r.text().getBytes(StandardCharsets.UTF_8));
        sha.update((byte) 0);
      }
      return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
