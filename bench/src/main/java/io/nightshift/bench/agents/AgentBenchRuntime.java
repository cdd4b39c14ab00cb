package io.nightshift.bench.agents;

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
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real Nightshift runtime for agent benchmarks: the official Temporal dev server as its child and the control
 * worker (agents included, from the given models file) in this process, on a fresh data directory and non-default
 * ports. Like bench's engine BenchServer, but with model endpoints. Closing stops everything and deletes the data.
 */
final class AgentBenchRuntime implements AutoCloseable {
  private final Path dataDir;
  private final NightshiftRuntime runtime;
  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;

  private AgentBenchRuntime(Path dataDir, RuntimeConfig config, NightshiftRuntime runtime) {
    this.dataDir = dataDir;
    this.runtime = runtime;
    this.stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(runtime.temporal().address()).build());
    // the worker seals payloads with the data directory's key file: this client must open them with the same
    this.client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace("default")
        .setDataConverter(PayloadEncryption.forKeyFile(config.payloadKeysFile())).build());
  }

  /**
   * @param externalTemporal HOST:PORT of a Temporal server started by hand (for ablations, e.g. the dev server
   *                         without a database file), or null to start the dev server with one, as `nightshift dev`
   */
  static AgentBenchRuntime start(int temporalPort, Path modelsFile, String externalTemporal) throws IOException {
    Path dataDir = Files.createTempDirectory("nightshift-bench-agents-");
    Path tools = Path.of(System.getProperty("user.home"), ".cache", "nightshift", "tools");
    RuntimeConfig config = RuntimeConfig.builder(dataDir).temporalAddress(externalTemporal)
        .temporalPort(temporalPort).temporalUiPort(temporalPort + 1).apiPort(temporalPort + 2).toolsDir(tools)
        .temporalServer(RuntimeConfig.LocalServerKind.DEV).modelsFile(modelsFile).build();
    try {
      return new AgentBenchRuntime(dataDir, config, NightshiftRuntime.start(config, externalTemporal == null
          ? EnumSet.of(Role.TEMPORAL, Role.WORKER) : EnumSet.of(Role.WORKER), List.of(new WorkerRole())));
    } catch (IOException | RuntimeException e) {
      delete(dataDir);
      throw e;
    }
  }

  /** Pid of the dev server child; -1 for an external server. */
  long temporalPid() throws IOException {
    Path pid = dataDir.resolve("temporal/server.pid");
    return Files.exists(pid) ? Long.parseLong(Files.readString(pid).strip()) : -1;
  }

  WorkflowClient client() {
    return client;
  }

  @Override
  public void close() {
    stubs.shutdownNow();
    runtime.close();
    delete(dataDir);
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + dir + ": " + e);
    }
  }
}
