package io.nightshift.bench.gate;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.crypto.KeyRing;
import io.nightshift.runtime.NightshiftRuntime;
import io.nightshift.runtime.Role;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.temporal.codec.PayloadEncryption;
import io.nightshift.runtime.worker.WorkerRole;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;

/**
 * The one runtime the regression gate shares between its two checks: the official Temporal dev server as a child
 * and the control worker in this JVM (as bench's BenchServer), with a models file, so the per-item check's map
 * tasks and the saturation check's agent steps run on the same server and worker. The temporal binary comes from
 * the shared tools cache (provisioned there on first use, as by every other test that starts the dev server).
 */
final class GateRuntime implements AutoCloseable {
  private final NightshiftRuntime runtime;
  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;
  private final FileArtifactStore artifacts;

  private GateRuntime(RuntimeConfig config, NightshiftRuntime runtime) throws IOException {
    this.runtime = runtime;
    this.stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(runtime.temporal().address()).build());
    // the worker seals payloads and artifacts with the data directory's key file: this client opens them with it
    KeyRing keys = PayloadEncryption.openKeys(config.payloadKeysFile());
    this.client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace("default")
        .setDataConverter(PayloadEncryption.around(keys)).build());
    this.artifacts = new FileArtifactStore(config.artifactsDir(), keys);
  }

  /**
   * @param dataDir    a fresh directory (the test's own temporary one, which JUnit deletes)
   * @param modelsFile the endpoints agent steps may call
   * @param inputs     writes the map's input tables into the inputs directory before the worker starts
   */
  static GateRuntime start(Path dataDir, Path modelsFile, InputsWriter inputs) throws IOException {
    Path tools = Path.of(System.getProperty("user.home"), ".cache", "nightshift", "tools");
    RuntimeConfig config = RuntimeConfig.builder(dataDir).namespace("default").temporalPort(FreePorts.next())
        .temporalUiPort(FreePorts.next()).apiPort(FreePorts.next()).toolsDir(tools)
        .temporalServer(RuntimeConfig.LocalServerKind.DEV).modelsFile(modelsFile).build();
    inputs.write(Files.createDirectories(config.inputsDir()));
    return new GateRuntime(config, NightshiftRuntime.start(config, EnumSet.of(Role.TEMPORAL, Role.WORKER),
        List.of(new WorkerRole())));
  }

  WorkflowClient client() {
    return client;
  }

  FileArtifactStore artifacts() {
    return artifacts;
  }

  @Override
  public void close() {
    stubs.shutdownNow();
    runtime.close();
  }

  /** Writes input files into the runtime's inputs directory. */
  @FunctionalInterface
  interface InputsWriter {
    void write(Path inputsDir) throws IOException;
  }
}
