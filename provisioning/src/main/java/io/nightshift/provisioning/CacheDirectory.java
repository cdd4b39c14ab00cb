package io.nightshift.provisioning;

import java.nio.file.Path;

/** Where provisioned environments, wheels and models are cached when no data directory is configured. */
public final class CacheDirectory {
  private CacheDirectory() {}

  /**
   * System property {@code nightshift.dataDir}, else environment variable {@code NIGHTSHIFT_DATA_DIR}, else
   * {@code ~/.cache/nightshift}.
   */
  public static Path defaultRoot() {
    String configured = System.getProperty("nightshift.dataDir", System.getenv("NIGHTSHIFT_DATA_DIR"));
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return Path.of(System.getProperty("user.home"), ".cache", "nightshift");
  }
}
