package io.nightshift.runtime.config;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How one runtime process is set up. Built from CLI flags (and environment through picocli defaults), checked
 * here once so a bad value is reported at start, naming the flag.
 *
 * @param dataDir          holds the Temporal database, provisioned tools, the artifact store and logs
 * @param temporalAddress  an external Temporal frontend (host:port), or null to run a local server
 * @param namespace        Temporal namespace
 * @param temporalPort     port of the local Temporal server (when temporalAddress is null)
 * @param temporalUiPort   port of the local server's Web UI
 * @param apiHost          where the gRPC API listens
 * @param apiPort          gRPC API port
 * @param maxParallelSteps steps of one task running at once
 * @param toolsDir         where provisioned tools (the temporal binary, model servers) are cached; may be shared
 *                         between data directories
 * @param temporalServer   which local server to run when temporalAddress is null
 * @param backendsFile     accelerator pools (YAML, {@code --backends}); null for the pools discovered on this machine
 * @param modelsFile       model endpoints agent steps may call (YAML, {@code --models}); null for none
 * @param uiPort           port of the workflow UI, served beside the gRPC API on {@code apiHost}; 0 for none
 */
public record RuntimeConfig(Path dataDir, String temporalAddress, String namespace, int temporalPort,
    int temporalUiPort, String apiHost, int apiPort, int maxParallelSteps, Path toolsDir,
    LocalServerKind temporalServer, Path backendsFile, Path modelsFile, int uiPort) {
  /** Without the workflow UI. */
  public RuntimeConfig(Path dataDir, String temporalAddress, String namespace, int temporalPort, int temporalUiPort,
      String apiHost, int apiPort, int maxParallelSteps, Path toolsDir, LocalServerKind temporalServer,
      Path backendsFile, Path modelsFile) {
    this(dataDir, temporalAddress, namespace, temporalPort, temporalUiPort, apiHost, apiPort, maxParallelSteps,
        toolsDir, temporalServer, backendsFile, modelsFile, 0);
  }

  /** Without model endpoints. */
  public RuntimeConfig(Path dataDir, String temporalAddress, String namespace, int temporalPort, int temporalUiPort,
      String apiHost, int apiPort, int maxParallelSteps, Path toolsDir, LocalServerKind temporalServer,
      Path backendsFile) {
    this(dataDir, temporalAddress, namespace, temporalPort, temporalUiPort, apiHost, apiPort, maxParallelSteps,
        toolsDir, temporalServer, backendsFile, null);
  }

  /** Which local Temporal server to run. */
  public enum LocalServerKind {
    /** The official dev server if a binary can be found or provisioned, else the in-memory server. */
    AUTO,
    /** The official dev server only; fail if no binary can be had. */
    DEV,
    /** Temporal's in-memory Java server (nothing survives a restart). */
    IN_MEMORY
  }

  public RuntimeConfig {
    Objects.requireNonNull(dataDir, "--data-dir");
    Objects.requireNonNull(temporalServer, "--temporal-server");
    dataDir = dataDir.toAbsolutePath().normalize();
    toolsDir = toolsDir == null ? dataDir.resolve("tools") : toolsDir.toAbsolutePath().normalize();
    backendsFile = backendsFile == null ? null : backendsFile.toAbsolutePath().normalize();
    modelsFile = modelsFile == null ? null : modelsFile.toAbsolutePath().normalize();
    if (temporalAddress != null && !temporalAddress.matches("[^:\\s]+:\\d{1,5}")) {
      throw new IllegalArgumentException("--temporal-address must be HOST:PORT, was '" + temporalAddress + "'");
    }
    if (namespace == null || namespace.isBlank()) {
      throw new IllegalArgumentException("--namespace must not be empty");
    }
    checkPort("--temporal-port", temporalPort);
    checkPort("--temporal-ui-port", temporalUiPort);
    checkPort("--api-port", apiPort);
    if (uiPort != 0) {
      checkPort("--ui-port", uiPort);
    }
    if (maxParallelSteps < 1 || maxParallelSteps > 1000) {
      throw new IllegalArgumentException("--max-parallel-steps must be between 1 and 1000, was " + maxParallelSteps);
    }
  }

  /** Without a backends file: one {@code cpu} pool of this machine. */
  public RuntimeConfig(Path dataDir, String temporalAddress, String namespace, int temporalPort, int temporalUiPort,
      String apiHost, int apiPort, int maxParallelSteps, Path toolsDir, LocalServerKind temporalServer) {
    this(dataDir, temporalAddress, namespace, temporalPort, temporalUiPort, apiHost, apiPort, maxParallelSteps,
        toolsDir, temporalServer, null);
  }

  public static RuntimeConfig defaults(Path dataDir) {
    return new RuntimeConfig(dataDir, null, "default", 7233, 8233, "127.0.0.1", 7070, 32, null,
        LocalServerKind.AUTO);
  }

  public boolean localTemporal() {
    return temporalAddress == null;
  }

  public String effectiveTemporalAddress() {
    return localTemporal() ? "127.0.0.1:" + temporalPort : temporalAddress;
  }

  public Path artifactsDir() {
    return dataDir.resolve("artifacts");
  }

  public Path logsDir() {
    return dataDir.resolve("logs");
  }

  /** The one directory tools read users' own files from ({@code file:} sources); nothing outside it. */
  public Path inputsDir() {
    return dataDir.resolve("inputs");
  }

  /** Where each tool call gets a scratch directory of its own, removed after the call. */
  public Path scratchDir() {
    return dataDir.resolve("scratch");
  }

  private static void checkPort(String flag, int port) {
    if (port < 1 || port > 65535) {
      throw new IllegalArgumentException(flag + " must be a port between 1 and 65535, was " + port);
    }
  }
}
