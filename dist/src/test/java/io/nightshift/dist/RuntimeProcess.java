package io.nightshift.dist;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real Nightshift runtime ({@code nightshift dev}) in its own JVM, as a user would start it, so tests can talk
 * to it over real sockets and kill it with SIGKILL. Ports are picked free per instance; the Temporal CLI is
 * provisioned once into a tools cache shared by all tests.
 */
final class RuntimeProcess implements AutoCloseable {
  static final Path TOOLS_CACHE = Path.of(System.getProperty("nightshift.it.toolsDir",
      System.getProperty("user.home") + "/.cache/nightshift/tools"));

  final Path dataDir;
  final int apiPort;
  final int temporalPort;
  final int uiPort;
  /** The workflow UI's port (uiPort is Temporal's Web UI). */
  final int workflowUiPort;
  final String temporalServer;
  /** Added to the {@code dev} command line (e.g. {@code --backends FILE}); kept by {@link #sameDataDir()}. */
  private final List<String> extraArgs = new ArrayList<>();
  /** Set in the runtime's environment (e.g. {@link HeldItems#GATE_DIR}); kept by {@link #sameDataDir()}. */
  private final Map<String, String> extraEnvironment = new LinkedHashMap<>();
  /** How the test reaches the API: plaintext with the admin token unless {@link #reachedOver} says otherwise. */
  private Function<RuntimeProcess, ManagedChannel> channels = r -> AdminTokenChannel.to(r.apiPort, r.dataDir);
  private Process process;
  private ManagedChannel channel;

  RuntimeProcess(Path dataDir, String temporalServer) {
    this(dataDir, temporalServer, freePort(), freePort(), freePort(), freePort());
  }

  private RuntimeProcess(Path dataDir, String temporalServer, int apiPort, int temporalPort, int uiPort,
      int workflowUiPort) {
    this.dataDir = dataDir;
    this.temporalServer = temporalServer;
    this.apiPort = apiPort;
    this.temporalPort = temporalPort;
    this.uiPort = uiPort;
    this.workflowUiPort = workflowUiPort;
  }

  /** Another runtime on the same data directory and ports, as after a restart. */
  RuntimeProcess sameDataDir() {
    return new RuntimeProcess(dataDir, temporalServer, apiPort, temporalPort, uiPort, workflowUiPort)
        .withArgs(extraArgs).withEnvironment(extraEnvironment);
  }

  RuntimeProcess withArgs(List<String> args) {
    extraArgs.addAll(args);
    return this;
  }

  /** The value this runtime's command line gives {@code flag} (e.g. {@code --codec-port}), if it names it. */
  Optional<String> argument(String flag) {
    int at = extraArgs.indexOf(flag);
    return at >= 0 && at + 1 < extraArgs.size() ? Optional.of(extraArgs.get(at + 1)) : Optional.empty();
  }

  RuntimeProcess withEnvironment(Map<String, String> variables) {
    extraEnvironment.putAll(variables);
    return this;
  }

  /** Reaches the API over the channel {@code channels} opens (for an API with TLS), instead of plaintext. */
  RuntimeProcess reachedOver(Function<RuntimeProcess, ManagedChannel> channels) {
    this.channels = channels;
    return this;
  }

  RuntimeProcess start() throws IOException {
    List<String> cmd = JavaCli.command(List.of("dev",
        "--data-dir", dataDir.toString(), "--tools-dir", TOOLS_CACHE.toString(),
        "--api-port", String.valueOf(apiPort), "--temporal-port", String.valueOf(temporalPort),
        "--temporal-ui-port", String.valueOf(uiPort), "--ui-port", String.valueOf(workflowUiPort),
        "--temporal-server", temporalServer));
    cmd.addAll(extraArgs);
    Files.createDirectories(dataDir);
    File log = dataDir.resolve("runtime.log").toFile();
    ProcessBuilder builder = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log));
    builder.environment().putAll(extraEnvironment);
    process = builder.start();
    channel = channels.apply(this);
    awaitServing(Duration.ofMinutes(3));
    return this;
  }

  ManagedChannel channel() {
    return channel;
  }

  String log() throws IOException {
    return Files.readString(dataDir.resolve("runtime.log"));
  }

  /** The one-time workflow UI login link the runtime printed at start, which logs its user in as the admin. */
  String startUpLoginLink() throws IOException {
    Matcher link = Pattern.compile("http://127\\.0\\.0\\.1:" + workflowUiPort + "/login#code=[A-Za-z0-9_-]+")
        .matcher(log());
    if (!link.find()) {
      throw new AssertionError("the runtime printed no login link to its workflow UI:\n" + log());
    }
    return link.group();
  }

  /** SIGKILL of the runtime JVM alone: its Temporal child survives, as it would on a real machine. */
  void killRuntime() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor(30, TimeUnit.SECONDS);
    channel.shutdownNow();
  }

  /** SIGKILL of the runtime and every process it started (the Temporal dev server too). */
  void killProcessTree() throws InterruptedException {
    List<ProcessHandle> children = process.descendants().toList();
    process.destroyForcibly();
    children.forEach(ProcessHandle::destroyForcibly);
    process.waitFor(30, TimeUnit.SECONDS);
    for (ProcessHandle c : children) {
      c.onExit().join();
    }
    channel.shutdownNow();
  }

  /** Stops a Temporal server left running by a killed runtime (its pid is in the data directory). */
  void killOrphanedTemporal() throws IOException {
    Path pid = dataDir.resolve("temporal/server.pid");
    if (Files.exists(pid)) {
      ProcessHandle.of(Long.parseLong(Files.readString(pid).trim())).ifPresent(ProcessHandle::destroyForcibly);
    }
  }

  @Override
  public void close() throws Exception {
    if (channel != null) {
      channel.shutdownNow();
    }
    if (process != null && process.isAlive()) {
      process.destroy(); // SIGTERM: the runtime's shutdown hook stops its Temporal server
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        killProcessTree();
      }
    }
    killOrphanedTemporal();
  }

  private void awaitServing(Duration timeout) throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException("runtime exited with " + process.exitValue() + ":\n" + log());
      }
      try {
        var status = HealthGrpc.newBlockingStub(channel).withDeadlineAfter(1, TimeUnit.SECONDS)
            .check(HealthCheckRequest.newBuilder().setService("nightshift.v1.TaskService").build()).getStatus();
        if (status == HealthCheckResponse.ServingStatus.SERVING) {
          return;
        }
      } catch (RuntimeException notYet) {
        // not listening yet
      }
      try {
        Thread.sleep(250);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted", e);
      }
    }
    throw new IOException("runtime did not serve within " + timeout + ":\n" + log());
  }

  /**
   * A port that is free now, below the kernel's ephemeral range and never handed out twice by this JVM. Below the
   * range because the Temporal dev server picks its own internal ports from that range after we pick ours: a port
   * taken there with bind(0) and released can be dealt to the dev server again, which then fails to start (seen once
   * in CI: "listen tcp 127.0.0.1:37469: bind: address already in use", service=worker).
   */
  static synchronized int freePort() {
    int[] ephemeral = ephemeralRange();
    int low = 20_000;
    int high = Math.max(low + 1_000, ephemeral[0]);
    for (int attempt = 0; attempt < 1_000; attempt++) {
      int port = low + RANDOM.nextInt(high - low);
      if (port >= ephemeral[0] && port <= ephemeral[1] || !HANDED_OUT.add(port)) {
        continue;
      }
      try (ServerSocket s = new ServerSocket()) {
        s.setReuseAddress(false);
        s.bind(new InetSocketAddress("127.0.0.1", port));
        return port;
      } catch (IOException taken) {
        // in use: try another
      }
    }
    throw new IllegalStateException("no free port found in " + low + "-" + high);
  }

  private static final Random RANDOM = new Random();
  private static final Set<Integer> HANDED_OUT = new HashSet<>();

  /** The kernel's ephemeral port range (Linux), or the usual default where it cannot be read. */
  private static int[] ephemeralRange() {
    try {
      String[] parts = Files.readString(Path.of("/proc/sys/net/ipv4/ip_local_port_range")).trim().split("\\s+");
      return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1])};
    } catch (IOException | RuntimeException e) {
      return new int[] {32_768, 60_999};
    }
  }

}
