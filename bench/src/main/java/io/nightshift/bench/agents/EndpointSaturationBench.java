package io.nightshift.bench.agents;

import io.nightshift.models.endpoint.ModelEndpointConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Endpoint saturation against the endpoint's true capacity: can Nightshift keep a model endpoint as busy as it can
 * be? Per run, three arms on the same endpoint, their order rotating: direct clients (as many as the endpoint has
 * slots, no engine: {@link DirectLoad}, a second reference); agent steps, many {@code kind: agent} steps of one task
 * on a real runtime with the dev server ({@link TaskLoad}); and as many AgentWorkflows started by a client
 * ({@link AgentLoad}). Each arm's calls/s (whole run and steady) are divided by the true capacity: for the scripted
 * endpoint its slots / its service time, known by construction. The target ({@value SaturationReport#TARGET}) is
 * decided on the agent steps' whole-run median.
 *
 * <p>Usage: {@code EndpointSaturationBench scripted [slots=4] [serviceMs=200] [agents=200] [runs=3] [port=27343]
 * [maxParallelSteps=32] [externalTemporal=- [itsPid]]} or {@code EndpointSaturationBench llama [servers=2]
 * [threads=1] [agents=60] [runs=3] ...}: N llama.cpp servers behind one model id (its replicas), whose true capacity
 * is the sum of each server's solo throughput, measured first; {@code scripted-pool [servers=2] [serviceMs=200]
 * ...} does the same with N single-slot scripted servers. {@code -Dnightshift.bench.queueDepth=Q} sets the
 * models file's {@code queue_depth} (default: the runtime's default).
 */
public final class EndpointSaturationBench {
  private EndpointSaturationBench() {}

  public static void main(String[] args) throws Exception {
    boolean llama = args.length > 0 && args[0].equals("llama");
    // N single-slot scripted servers as replicas, measured like the llama.cpp pool (solo throughputs first)
    boolean pool = args.length > 0 && args[0].equals("scripted-pool");
    int first = arg(args, 1, llama || pool ? 2 : 4);
    int second = arg(args, 2, llama ? 1 : 200);
    SaturationRuns.Sizes sizes = new SaturationRuns.Sizes(arg(args, 3, llama ? 60 : 200), arg(args, 4, 3),
        arg(args, 6, 32));
    int port = arg(args, 5, 27343);
    // ablation: an external Temporal server (e.g. `temporal server start-dev` without --db-filename) and its pid
    String external = args.length > 7 && !args[7].equals("-") ? args[7] : null;
    long externalPid = args.length > 8 ? Long.parseLong(args[8]) : -1;
    try (BenchEndpoint endpoint = llama ? BenchEndpoint.llamaCpp(first, second)
        : pool ? BenchEndpoint.scriptedPool(first, Duration.ofMillis(second))
        : BenchEndpoint.scripted(first, Duration.ofMillis(second))) {
      // llama.cpp's capacity is not known by construction: the servers' solo throughputs, measured first
      boolean solo = llama || pool;
      double capacity = solo ? Double.NaN : first * 1000.0 / second;
      measure(endpoint, capacity, solo ? Double.NaN : second / 1000.0, sizes, port, external, externalPid,
          System.out);
    }
    System.exit(0);
  }

  /**
   * A short run on the scripted endpoint for tests and gates: {@code slots} slots of {@code service} each, true
   * capacity slots / service. Prints nothing; returns the figures.
   */
  public static SaturationReport scripted(int slots, Duration service, int agents, int runs, int port)
      throws Exception {
    try (BenchEndpoint endpoint = BenchEndpoint.scripted(slots, service)) {
      return measure(endpoint, slots / (service.toNanos() / 1e9), service.toNanos() / 1e9,
          new SaturationRuns.Sizes(agents, runs, 32), port, null, -1,
          new PrintStream(OutputStream.nullOutputStream()));
    }
  }

  private static SaturationReport measure(BenchEndpoint endpoint, double capacity, double serviceSeconds,
      SaturationRuns.Sizes sizes, int port, String external, long externalPid, PrintStream out) throws Exception {
    Path models = Files.createTempFile("nightshift-bench-models-", ".yaml");
    try {
      Files.writeString(models, endpoint.modelsYaml());
      List<ModelEndpointConfig> configs = endpoint.configs(models);
      ModelEndpointConfig each = configs.get(0);
      out.printf(Locale.ROOT, "%s at %s, git %s; load average at start %.2f%n", EndpointSaturationBench.class
          .getSimpleName(), Instant.now(), revision(), load());
      out.printf(Locale.ROOT, "%s; %d agents per arm and run (one model call each), %d runs; per server: slots %d,"
          + " queue depth %d (in flight at most %d); task max_parallel_steps %d; %d cores%n", endpoint.description(),
          sizes.agents(), sizes.runs(), each.maxConcurrency(), each.queueDepth(), each.maxInFlight(),
          sizes.maxParallel(), Runtime.getRuntime().availableProcessors());
      try (AgentBenchRuntime runtime = AgentBenchRuntime.start(port, models, external)) {
        long cpuPid = external == null ? runtime.temporalPid() : externalPid;
        SaturationReport report = Double.isNaN(capacity)
            ? measureAgainstSolo(runtime, configs, endpoint, sizes, cpuPid, out)
            : SaturationRuns.measure(runtime, configs, endpoint.slots(), capacity, String.format(Locale.ROOT,
                "%d slots / %.3f s service time, by construction", endpoint.slots(), serviceSeconds),
                serviceSeconds, sizes, cpuPid, out);
        out.println();
        report.lines().forEach(out::println);
        out.printf(Locale.ROOT, "load average at end %.2f; %s%n", load(), Instant.now());
        return report;
      }
    } finally {
      Files.deleteIfExists(models);
    }
  }

  /**
   * llama.cpp servers: the true capacity is the sum of each server's solo throughput (that server alone, the others
   * idle, with as many clients back to back as the runtime keeps in flight there), measured before the arms.
   */
  private static SaturationReport measureAgainstSolo(AgentBenchRuntime runtime, List<ModelEndpointConfig> configs,
      BenchEndpoint endpoint, SaturationRuns.Sizes sizes, long cpuPid, PrintStream out) throws Exception {
    AgentShape shape = AgentShape.oneShortAnswer();
    double sum = 0;
    StringBuilder each = new StringBuilder();
    for (ModelEndpointConfig server : configs) {
      // slots + queue depth clients: the server's own best, no slot idle through a client's round trip
      int clients = server.maxInFlight();
      DirectLoad.run(server, clients, Math.max(4, 2 * clients), shape); // warm
      double solo = DirectLoad.run(server, clients, sizes.agents(), shape).wholeRun();
      out.printf(Locale.ROOT, "solo throughput of %s (%s alone; %d clients back to back, %d calls): %.3f calls/s%n",
          server.id(), server.baseUrl(), clients, sizes.agents(), solo);
      sum += solo;
      each.append(each.length() == 0 ? "" : " + ").append(String.format(Locale.ROOT, "%.3f", solo));
    }
    return SaturationRuns.measure(runtime, configs, endpoint.slots(), sum, "sum of the " + configs.size()
        + " servers' measured solo throughputs: " + each, Double.NaN, sizes, cpuPid, out);
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  /** The tree's git revision (with "+changes" when it has uncommitted changes), or "unknown" outside a checkout. */
  static String revision() {
    try {
      String head = run("git", "rev-parse", "--short", "HEAD");
      return head.isEmpty() ? "unknown" : head + (run("git", "status", "--porcelain", "--untracked-files=no")
          .isEmpty() ? "" : "+changes");
    } catch (IOException e) {
      return "unknown";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "unknown";
    }
  }

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String text = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    return p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0 ? text : "";
  }

  private static int arg(String[] args, int i, int fallback) {
    return args.length > i ? Integer.parseInt(args[i]) : fallback;
  }
}
