package io.nightshift.bench.engine;

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
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A real Nightshift runtime (the official Temporal dev server as its child, plus the control worker, in this
 * process) on a fresh temporary data directory and non-default ports, so a benchmark never touches a developer's
 * `nightshift dev` (7233/8233/7070). The temporal binary is reused from the shared tools cache. Closing stops the
 * worker and the dev server and deletes the data directory.
 */
public final class BenchServer implements AutoCloseable {
  public static final String NAMESPACE = "default";
  private final Path dataDir;
  private final RuntimeConfig config;
  private final NightshiftRuntime runtime;
  private final WorkflowServiceStubs stubs;
  private final WorkflowClient client;
  private final FileArtifactStore artifacts;
  private final Thread hook;
  private boolean closed;

  private BenchServer(Path dataDir, RuntimeConfig config, NightshiftRuntime runtime) throws IOException {
    this.dataDir = dataDir;
    this.config = config;
    this.runtime = runtime;
    this.stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(runtime.temporal().address()).build());
    // the worker seals payloads and artifacts with the data directory's key file: this process opens them with it
    KeyRing keys = PayloadEncryption.openKeys(config.payloadKeysFile());
    this.client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace(NAMESPACE)
        .setDataConverter(PayloadEncryption.around(keys)).build());
    this.artifacts = new FileArtifactStore(config.artifactsDir(), keys);
    // Ctrl-C or kill must not leave the dev server (a child process) or the data directory behind.
    this.hook = new Thread(this::close, "bench-server-close");
    Runtime.getRuntime().addShutdownHook(hook);
  }

  /**
   * @param temporalPort frontend port of the dev server (its UI takes the next one, the unused API the one after)
   * @param prepare      called with the inputs directory before the runtime starts (to write input files)
   */
  public static BenchServer start(int temporalPort, InputsWriter prepare) throws IOException {
    return start(temporalPort, prepare, Optional.empty());
  }

  /** @param backendsYaml the runtime's backends file (its pools); without one, the pools it discovers */
  public static BenchServer start(int temporalPort, InputsWriter prepare, Optional<String> backendsYaml)
      throws IOException {
    return start(temporalPort, prepare, backendsYaml, Optional.empty());
  }

  /** @param modelsFile the runtime's models file (the endpoints agent steps may call); without one, none */
  public static BenchServer start(int temporalPort, InputsWriter prepare, Optional<String> backendsYaml,
      Optional<Path> modelsFile) throws IOException {
    Path dataDir = Files.createTempDirectory("nightshift-bench-");
    Path tools = Path.of(System.getProperty("user.home"), ".cache", "nightshift", "tools");
    RuntimeConfig.Builder builder = RuntimeConfig.builder(dataDir).namespace(NAMESPACE).temporalPort(temporalPort)
        .temporalUiPort(temporalPort + 1).apiPort(temporalPort + 2).toolsDir(tools)
        .temporalServer(RuntimeConfig.LocalServerKind.DEV);
    if (backendsYaml.isPresent()) {
      builder.backendsFile(Files.writeString(dataDir.resolve("backends.yaml"), backendsYaml.get()));
    }
    modelsFile.ifPresent(builder::modelsFile);
    RuntimeConfig config = builder.build();
    try {
      prepare.write(Files.createDirectories(config.inputsDir()));
      NightshiftRuntime runtime = NightshiftRuntime.start(config, EnumSet.of(Role.TEMPORAL, Role.WORKER),
          List.of(new WorkerRole()));
      return new BenchServer(dataDir, config, runtime);
    } catch (IOException | RuntimeException e) {
      delete(dataDir);
      throw e;
    }
  }

  public WorkflowClient client() {
    return client;
  }

  public WorkflowServiceStubs stubs() {
    return stubs;
  }

  public FileArtifactStore artifacts() {
    return artifacts;
  }

  /** Pid of the dev server child, for reading its memory high-water mark. */
  public long temporalPid() throws IOException {
    return Long.parseLong(Files.readString(config.dataDir().resolve("temporal/server.pid")).strip());
  }

  @Override
  public synchronized void close() {
    if (closed) {
      return;
    }
    closed = true;
    if (Thread.currentThread() != hook) {
      Runtime.getRuntime().removeShutdownHook(hook);
    }
    stubs.shutdownNow();
    runtime.close();
    delete(dataDir);
  }

  private static void delete(Path dataDir) {
    try (Stream<Path> files = Files.walk(dataDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + dataDir + ": " + e);
    }
  }

  /** Writes input files into the runtime's inputs directory. */
  @FunctionalInterface
  public interface InputsWriter {
    void write(Path inputsDir) throws IOException;
  }
}
