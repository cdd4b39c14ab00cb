package io.nightshift.dist;

import java.nio.file.Path;

/**
 * Data directories of end-to-end tests live under target/it-data and are kept after the run, so a failure can
 * be read in the runtime's own log (runtime.log) and Temporal's (logs/temporal.log).
 */
final class ItData {
  private ItData() {}

  static Path newDir(Class<?> test) {
    return Path.of("target", "it-data", test.getSimpleName() + "-" + System.currentTimeMillis()).toAbsolutePath();
  }
}
