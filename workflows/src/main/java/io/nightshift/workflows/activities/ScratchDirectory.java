package io.nightshift.workflows.activities;

import io.nightshift.core.files.OwnerOnly;
import io.temporal.failure.ApplicationFailure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A step's private scratch directory, made on first use and removed when the step ends. Most tools never ask for
 * one (they read and write the artifact store), and at thousands of short steps a second the mkdir, walk and
 * delete of an eager directory is measurable work for nothing. The root and each directory are the runtime's user's
 * alone: a tool's intermediate files are task data.
 */
final class ScratchDirectory implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ScratchDirectory.class);

  private final Path root;
  private final String prefix;
  private Path dir;

  ScratchDirectory(Path root, String prefix) {
    this.root = root;
    this.prefix = prefix;
  }

  /** The directory, created now if this is the first call. */
  synchronized Path path() {
    if (dir == null) {
      try {
        OwnerOnly.createDirectories(root);
        dir = Files.createTempDirectory(root, prefix); // rwx------ on POSIX, as the JDK makes temporary directories
      } catch (IOException e) {
        throw ApplicationFailure.newFailureWithCause("cannot create a scratch directory under " + root + ": "
            + e.getMessage(), "ScratchDirError", e);
      }
    }
    return dir;
  }

  @Override
  public synchronized void close() {
    if (dir == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      log.debug("could not remove scratch directory {}", dir, e);
    }
  }
}
