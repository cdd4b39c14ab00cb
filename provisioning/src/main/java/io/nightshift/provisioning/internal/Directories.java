package io.nightshift.provisioning.internal;

import io.nightshift.provisioning.ProvisioningException;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.function.Supplier;
import java.util.stream.Stream;

/** File-system chores of provisioning: one writer per directory across processes, and removing what is stale. */
public final class Directories {
  private Directories() {}

  /**
   * Runs {@code work} holding an exclusive lock on {@code lockFile} (created if needed), so two processes never
   * provision the same directory at once; the second waits and then finds the work done.
   */
  public static <T> T locked(Path lockFile, Supplier<T> work) {
    try {
      Files.createDirectories(lockFile.getParent());
      try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
          FileLock lock = channel.lock()) {
        return work.get();
      }
    } catch (IOException e) {
      throw new ProvisioningException("cannot lock " + lockFile + ": " + e.getMessage(), e);
    }
  }

  /** Deletes {@code root} and everything under it; nothing when it does not exist. */
  public static void deleteTree(Path root) {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (IOException e) {
      throw new ProvisioningException("cannot delete " + root + ": " + e.getMessage(), e);
    }
  }
}
