package io.nightshift.accelerators.trainium;

import io.nightshift.core.accelerator.AcceleratorException;
import io.nightshift.core.accelerator.AcceleratorException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Compiled Neuron artifacts by model and core count: {@code <root>/<model>/tp<N>/}. A directory counts as
 * complete only once a marker file is written after a successful compile or a healthy start; a compile that died
 * half way leaves no marker and is redone. A lock per key stops two starts from compiling the same thing at once.
 */
final class CompiledModelCache {
  static final String MARKER = ".nightshift-complete";
  private final Path root;
  private final ConcurrentHashMap<String, ReentrantLock> locks = new ConcurrentHashMap<>();

  CompiledModelCache(Path root) {
    this.root = root;
  }

  Path directory(String model, int cores) {
    String safe = model.replaceAll("[^A-Za-z0-9._-]", "_");
    return root.resolve(safe).resolve("tp" + cores);
  }

  boolean complete(String model, int cores) {
    return Files.isRegularFile(directory(model, cores).resolve(MARKER));
  }

  ReentrantLock lock(String model, int cores) {
    return locks.computeIfAbsent(directory(model, cores).toString(), k -> new ReentrantLock());
  }

  Path ensureDirectory(String model, int cores) {
    Path dir = directory(model, cores);
    try {
      return Files.createDirectories(dir);
    } catch (IOException e) {
      throw new AcceleratorException(Reason.PREPARE_FAILED, "cannot create compiled-model directory " + dir
          + ": " + e.getMessage(), e);
    }
  }

  void markComplete(String model, int cores) {
    Path marker = ensureDirectory(model, cores).resolve(MARKER);
    try {
      Files.writeString(marker, model + " tp" + cores + " " + Instant.now() + "\n");
    } catch (IOException e) {
      throw new AcceleratorException(Reason.PREPARE_FAILED, "cannot write " + marker + ": " + e.getMessage(), e);
    }
  }
}
