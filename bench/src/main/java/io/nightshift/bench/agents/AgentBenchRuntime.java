package io.nightshift.bench.agents;

import io.nightshift.runtime.NightshiftRuntime;
import io.nightshift.runtime.Role;
import io.nightshift.runtime.config.RuntimeConfig;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
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

  private AgentBenchRuntime(Path dataDir, NightshiftRuntime runtime) {
    this.dataDir = dataDir;
    this.runtime = runtime;
    this.stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(runtime.temporal().address()).build());
    this.client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace("default").build());
  }

  static AgentBenchRuntime start(int temporalPort, Path modelsFile) throws IOException {
    Path dataDir = Files.createTempDirectory("nightshift-bench-agents-");
    Path tools = Path.of(System.getProperty("user.home"), ".cache", "nightshift", "tools");
    RuntimeConfig config = new RuntimeConfig(dataDir, null, "default", temporalPort, temporalPort + 1, "127.0.0.1",
        temporalPort + 2, 32, tools, RuntimeConfig.LocalServerKind.DEV, null, modelsFile);
    try {
      return new AgentBenchRuntime(dataDir, NightshiftRuntime.start(config, EnumSet.of(Role.TEMPORAL, Role.WORKER)));
    } catch (IOException | RuntimeException e) {
      delete(dataDir);
      throw e;
    }
  }

  /** Pid of the dev server child. */
  long temporalPid() throws IOException {
    return Long.parseLong(Files.readString(dataDir.resolve("temporal/server.pid")).strip());
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
