package io.nightshift.bench.cluster;

import io.nightshift.runtime.temporal.TemporalProbe;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Production shape on one machine, one data directory: {@code nightshift temporal} (the dev server),
 * {@code nightshift api} and any number of {@code nightshift worker}s, each its own JVM. Every worker reads the
 * same backends file, one simulated pool of {@code unitsPerWorker} units: the pool and its lease book live in each
 * worker process, so each worker runs at most that many items at once and W workers hold W times the units.
 */
final class LocalCluster implements AutoCloseable {
  static final String POOL = "sim";
  private final Path dataDir;
  private final Path logs;
  private final List<String> shared;
  private final String temporalAddress;
  private final int apiPort;
  private final int uiPort;
  private final List<String> temporalArgs = new ArrayList<>();
  private final List<RoleJvm> all = new ArrayList<>();
  private final List<RoleJvm> workers = new ArrayList<>();
  private RoleJvm api;
  private RoleJvm temporal;
  private int started;

  private LocalCluster(Path dataDir, List<String> shared, int temporalPort, int apiPort, int uiPort) {
    this.dataDir = dataDir;
    this.logs = dataDir.resolve("logs");
    this.shared = shared;
    this.temporalAddress = "127.0.0.1:" + temporalPort;
    this.apiPort = apiPort;
    this.uiPort = uiPort;
  }

  /** Starts the dev server and the api process, no worker yet. */
  static LocalCluster start(Path dataDir, int unitsPerWorker) throws IOException, InterruptedException {
    return start(dataDir, unitsPerWorker, List.of());
  }

  /** @param extraArgs more arguments for the api and every worker, e.g. {@code --models FILE} */
  static LocalCluster start(Path dataDir, int unitsPerWorker, List<String> extraArgs)
      throws IOException, InterruptedException {
    Path backends = Files.writeString(dataDir.resolve("backends.yaml"), String.format(Locale.ROOT, """
        pools:
          - id: %s
            type: simulated
            properties: {devices: %d, throughput-per-unit: 1, latency: PT0S, time-scale: 1}
        """, POOL, unitsPerWorker));
    Files.createDirectories(dataDir.resolve("inputs"));
    Path tools = Path.of(System.getProperty("user.home"), ".cache", "nightshift", "tools");
    List<String> shared = new ArrayList<>(List.of("--data-dir", dataDir.toString(), "--tools-dir", tools.toString(),
        "--backends", backends.toString()));
    shared.addAll(extraArgs);
    LocalCluster c = new LocalCluster(dataDir, shared, freePort(), freePort(), freePort());
    try {
      int temporalPort = Integer.parseInt(c.temporalAddress.substring(c.temporalAddress.indexOf(':') + 1));
      c.temporalArgs.addAll(List.of("temporal", "--data-dir", dataDir.toString(), "--tools-dir", tools.toString(),
          "--temporal-server", "DEV", "--temporal-port", String.valueOf(temporalPort), "--temporal-ui-port",
          String.valueOf(freePort())));
      c.startTemporal("temporal");
      c.startApi();
      return c;
    } catch (IOException | RuntimeException | InterruptedException e) {
      c.close();
      throw e;
    }
  }

  Path dataDir() {
    return dataDir;
  }

  int apiPort() {
    return apiPort;
  }

  List<RoleJvm> workers() {
    return List.copyOf(workers);
  }

  List<RoleJvm> everyWorkerEverStarted() {
    return all.stream().filter(p -> p.name().startsWith("worker")).toList();
  }

  /** Starts one more worker and waits until it polls. */
  RoleJvm addWorker() throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("worker", "--temporal-address", temporalAddress));
    args.addAll(shared);
    RoleJvm w = RoleJvm.start("worker-" + (++started), logs, "384m", args);
    all.add(w);
    workers.add(w);
    w.awaitLog("worker polling with", 120_000);
    return w;
  }

  void killWorker(RoleJvm w) throws InterruptedException {
    w.kill9();
    workers.remove(w);
  }

  /** SIGKILLs the api process and starts a new one on the same port, waiting until it serves again. */
  void killAndRestartApi() throws IOException, InterruptedException {
    api.kill9();
    startApi();
  }

  /**
   * SIGKILLs the dev server (the binary the temporal role started, and the role) and starts a new one on the same port and data directory (so the same database file:
   * the dev server is the whole store of every task), waiting until it serves again.
   */
  void killAndRestartTemporal() throws IOException, InterruptedException {
    temporal.kill9WithChildren();
    startTemporal("temporal-restarted-" + System.currentTimeMillis());
  }

  private void startTemporal(String name) throws IOException, InterruptedException {
    temporal = RoleJvm.start(name, logs, "256m", temporalArgs);
    all.add(0, temporal); // closed last: the others talk to it
    if (!TemporalProbe.awaitReady(temporalAddress, Duration.ofMinutes(2), null)) {
      throw new IllegalStateException("the temporal role did not serve within 2 minutes; log:\n" + temporal.log());
    }
  }

  private void startApi() throws IOException, InterruptedException {
    List<String> args = new ArrayList<>(List.of("api", "--temporal-address", temporalAddress, "--api-port",
        String.valueOf(apiPort), "--ui-port", String.valueOf(uiPort)));
    args.addAll(shared);
    String name = api == null ? "api" : "api-restarted-" + System.currentTimeMillis();
    api = RoleJvm.start(name, logs, "384m", args);
    all.add(api);
    api.awaitLog("API: ", 120_000);
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    // workers and api first, the dev server they talk to last
    for (int i = all.size() - 1; i >= 0; i--) {
      all.get(i).close();
    }
  }
}
