package io.nightshift.provisioning.llamacpp;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A provisioned llama.cpp setup: the Python that has {@code llama_cpp.server} installed, the launcher that starts it
 * with the capped chat format ({@link LlamaCppLauncher}), and a GGUF model file.
 *
 * @param python the virtual environment's interpreter (runs {@code python LAUNCHER ARGS})
 * @param launcher the launcher module, written where this installation lives
 * @param modelFile the GGUF model
 * @param modelName the name the server will announce, and clients must send
 * @param buildFlags how its llama.cpp was compiled, for messages when it fails
 */
public record LlamaCppInstallation(Path python, Path launcher, Path modelFile, String modelName,
    String buildFlags) {
  public LlamaCppInstallation {
    if (!Files.isExecutable(python)) {
      throw new IllegalArgumentException("python is not executable: " + python);
    }
    if (!Files.isRegularFile(launcher)) {
      throw new IllegalArgumentException("launcher does not exist: " + launcher);
    }
    if (!Files.isRegularFile(modelFile)) {
      throw new IllegalArgumentException("modelFile does not exist: " + modelFile);
    }
    if (modelName == null || modelName.isBlank()) {
      throw new IllegalArgumentException("modelName must not be blank");
    }
    if (buildFlags == null || buildFlags.isBlank()) {
      throw new IllegalArgumentException("buildFlags must not be blank");
    }
  }
}
