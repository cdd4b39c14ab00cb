package io.nightshift.dist;

import io.nightshift.provisioning.llamacpp.LlamaCppInstallation;
import io.nightshift.provisioning.llamacpp.LlamaCppProvisioner;
import io.nightshift.provisioning.llamacpp.LlamaCppServer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real llama.cpp server with SmolLM2-135M for end-to-end tests: provisioned once into the shared cache (or the
 * virtual environment {@code NIGHTSHIFT_LLAMACPP_VENV} names), started with its log in the test's data directory.
 */
final class LocalLlama {
  private LocalLlama() {}

  static LlamaCppServer start(Path dataDir) throws Exception {
    LlamaCppProvisioner.Builder provisioner = LlamaCppProvisioner.builder(LlamaCppProvisioner.defaultDataDir());
    String existing = System.getenv("NIGHTSHIFT_LLAMACPP_VENV");
    if (existing != null && !existing.isBlank()) {
      provisioner.existingVenv(Path.of(existing));
    }
    LlamaCppInstallation installation = provisioner.build().provision();
    Files.createDirectories(dataDir);
    return LlamaCppServer.builder(installation).contextSize(2048).threads(2)
        .logFile(dataDir.resolve("llama-server.log")).start();
  }

  /** A models-file entry for the server: one slot, schema-constrained output, a timeout for a loaded CPU. */
  static String endpoint(String id, LlamaCppServer server, int requestTimeoutSeconds) {
    return """
          - id: %s
            base_url: %s
            model: %s
            max_concurrency: 1
            structured_output: json_object_with_schema
            request_timeout_seconds: %d
        """.formatted(id, server.baseUrl(), server.modelName(), requestTimeoutSeconds);
  }
}
