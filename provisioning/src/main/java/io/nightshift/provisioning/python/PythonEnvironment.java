package io.nightshift.provisioning.python;

import io.nightshift.provisioning.ProvisioningException;
import io.nightshift.provisioning.internal.Arguments;
import io.nightshift.provisioning.internal.Directories;
import io.nightshift.provisioning.internal.ProcessRunner;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Python virtual environment that holds exactly what some lock files say, installed once:
 *
 * <pre>
 * DIR/                          python -m venv; pip install --require-hashes -r each requirements file
 * DIR/nightshift-requirements/  the requirements files it was installed from
 * DIR/.nightshift-ready         written last: the digest of those files; present and equal = complete and current
 * DIR.log                       everything pip printed (errors quote its last lines)
 * </pre>
 *
 * An environment whose marker is missing (a crash mid-install) or names other requirements (the locks changed) is
 * rebuilt from scratch. A file lock ({@code DIR.lock}) keeps two processes from building the same one at once.
 * {@code --require-hashes} makes pip refuse any package, or any dependency, that the files do not pin with a hash.
 */
public final class PythonEnvironment {
  private static final Logger log = LoggerFactory.getLogger(PythonEnvironment.class);
  private static final String READY_MARKER = ".nightshift-ready";

  private final Path dir;
  private final String basePython;
  private final Duration installTimeout;

  private PythonEnvironment(Builder b) {
    this.dir = b.dir;
    this.basePython = b.basePython;
    this.installTimeout = b.installTimeout;
  }

  public static Builder builder(Path dir) {
    return new Builder(dir);
  }

  /** The interpreter to use when none is configured: {@code $NIGHTSHIFT_PYTHON}, else {@code python3}. */
  public static String defaultBasePython() {
    String configured = System.getenv("NIGHTSHIFT_PYTHON");
    return configured == null || configured.isBlank() ? "python3" : configured;
  }

  public Path dir() {
    return dir;
  }

  public Path python() {
    return bin("python");
  }

  /** An executable the environment's packages installed, e.g. {@code bin("temporal")}. */
  public Path bin(String name) {
    return dir.resolve("bin").resolve(name);
  }

  public Path installLog() {
    return dir.resolveSibling(dir.getFileName() + ".log");
  }

  /** Whether the environment is complete and was installed from exactly {@code requirements}. */
  public boolean isCurrent(List<Requirements> requirements) {
    Path marker = dir.resolve(READY_MARKER);
    try {
      return Files.isRegularFile(marker) && Files.isExecutable(python())
          && Requirements.digest(requirements).equals(Files.readString(marker).strip());
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Makes the environment hold exactly {@code requirements} (rebuilding it unless it is current), then runs
   * {@code check} (arguments to its python, e.g. {@code -c "import x"}) before marking it ready.
   *
   * @return the environment's python
   */
  public Path ensure(List<Requirements> requirements, List<String> check) {
    return Directories.locked(dir.resolveSibling(dir.getFileName() + ".lock"), () -> {
      if (!isCurrent(requirements)) {
        install(requirements, check);
      }
      return python();
    });
  }

  private void install(List<Requirements> requirements, List<String> check) {
    if (Files.exists(dir)) {
      log.info("{} is incomplete or was installed from other lock files: rebuilding it", dir);
      Directories.deleteTree(dir);
    }
    log.info("installing {} into {} (log: {})",
        requirements.stream().map(Requirements::name).toList(), dir, installLog());
    long started = System.nanoTime();
    ProcessRunner.run(List.of(basePython, "-m", "venv", dir.toString()), installLog(), Duration.ofMinutes(2));
    List<String> pip = new ArrayList<>(List.of(python().toString(), "-m", "pip", "install", "--no-input",
        "--disable-pip-version-check", "--require-hashes"));
    try {
      Path copies = Files.createDirectories(dir.resolve("nightshift-requirements"));
      for (Requirements r : requirements) {
        Path file = copies.resolve(r.name() + ".txt");
        Files.writeString(file, r.text(), StandardCharsets.UTF_8);
        pip.addAll(List.of("-r", file.toString()));
      }
      // one pip run for all files: one resolution, and pip checks that together they pin every dependency
      ProcessRunner.run(pip, installLog(), installTimeout);
      if (!check.isEmpty()) {
        List<String> command = new ArrayList<>(List.of(python().toString()));
        command.addAll(check);
        ProcessRunner.run(command, installLog(), Duration.ofMinutes(2));
      }
      Files.writeString(dir.resolve(READY_MARKER), Requirements.digest(requirements), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ProvisioningException("cannot write into " + dir + ": " + e.getMessage(), e);
    }
    log.info("installed {} in {} s", dir, Duration.ofNanos(System.nanoTime() - started).toSeconds());
  }

  public static final class Builder {
    private final Path dir;
    private String basePython = defaultBasePython();
    private Duration installTimeout = Duration.ofMinutes(15);

    private Builder(Path dir) {
      this.dir = Objects.requireNonNull(dir, "dir must not be null").toAbsolutePath();
    }

    /** The interpreter that creates the environment (default {@link #defaultBasePython()}). */
    public Builder basePython(String basePython) {
      this.basePython = Arguments.nonBlank(basePython, "basePython");
      return this;
    }

    public Builder installTimeout(Duration installTimeout) {
      this.installTimeout = Arguments.positive(installTimeout, "installTimeout");
      return this;
    }

    public PythonEnvironment build() {
      return new PythonEnvironment(this);
    }
  }
}
