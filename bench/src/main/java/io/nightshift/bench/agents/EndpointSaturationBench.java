package io.nightshift.bench.agents;

import io.nightshift.bench.engine.Stats;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Endpoint saturation: can Nightshift keep a model endpoint as busy as the endpoint can be? Per run, the endpoint's
 * own capacity (as many direct clients as it has slots, no engine: {@link DirectLoad}) and the throughput of many
 * agents queued on a real runtime with the dev server, whose bulkhead for the endpoint is its slots
 * ({@link AgentLoad}); the two arms alternate which goes first. Prints both, their ratio per run, and the ratio of
 * the medians (target >= 0.9).
 *
 * <p>Usage: {@code EndpointSaturationBench scripted [capacity=4] [latencyMs=200] [agents=400] [runs=3] [port=27343]}
 * or {@code EndpointSaturationBench llama [threads=2] [unused] [agents=60] [runs=3] [port=27343]}
 */
public final class EndpointSaturationBench {
  static final double TARGET = 0.9;

  private EndpointSaturationBench() {}

  public static void main(String[] args) throws Exception {
    boolean llama = args.length > 0 && args[0].equals("llama");
    int first = arg(args, 1, llama ? 2 : 4);
    int latencyMs = arg(args, 2, 200);
    int agents = arg(args, 3, llama ? 60 : 400);
    int runs = arg(args, 4, 3);
    int port = arg(args, 5, 27343);
    AgentShape shape = AgentShape.oneShortAnswer();
    try (BenchEndpoint endpoint = llama ? BenchEndpoint.llamaCpp(first)
        : BenchEndpoint.scripted(first, Duration.ofMillis(latencyMs))) {
      Path models = Files.createTempFile("nightshift-bench-models-", ".yaml");
      Files.writeString(models, endpoint.modelsYaml());
      ModelEndpointConfig config = endpoint.config(models);
      System.out.printf(Locale.ROOT, "%s; %d agents per run (one model call each, max %d output tokens), %d runs;"
          + " bulkhead %d; %d cores%n", endpoint.description(), agents, shape.maxOutputTokens(), runs,
          config.maxConcurrency(), Runtime.getRuntime().availableProcessors());
      try (AgentBenchRuntime runtime = AgentBenchRuntime.start(port, models)) {
        // warm both paths (class loading, JIT, the server's caches, the model's first prompt) before timing
        DirectLoad.run(config, endpoint.slots(), Math.max(4, 2 * endpoint.slots()), shape);
        AgentLoad.run(runtime.client(), "warmup", Math.min(agents, 20), shape);
        List<Double> direct = new ArrayList<>();
        List<Double> engine = new ArrayList<>();
        List<Double> directSteady = new ArrayList<>();
        List<Double> engineSteady = new ArrayList<>();
        CpuClock cpu = new CpuClock(runtime.temporalPid());
        for (int r = 1; r <= runs; r++) {
          Throughput d;
          Throughput n;
          double[] before;
          double[] after;
          long wall;
          if (r % 2 == 1) {
            d = DirectLoad.run(config, endpoint.slots(), agents, shape);
            before = cpu.now();
            wall = System.nanoTime();
            n = AgentLoad.run(runtime.client(), "run" + r, agents, shape);
            after = cpu.now();
          } else {
            before = cpu.now();
            wall = System.nanoTime();
            n = AgentLoad.run(runtime.client(), "run" + r, agents, shape);
            after = cpu.now();
            d = DirectLoad.run(config, endpoint.slots(), agents, shape);
          }
          double seconds = (System.nanoTime() - wall) / 1e9;
          direct.add(d.wholeRun());
          engine.add(n.wholeRun());
          directSteady.add(d.steady());
          engineSteady.add(n.steady());
          System.out.printf(Locale.ROOT, "run %d: endpoint capacity %.2f calls/s whole run, %.2f steady (%d direct"
              + " clients); through Nightshift %.2f whole run, %.2f steady (%d agents queued); ratio %.3f whole run,"
              + " %.3f steady%n", r, d.wholeRun(), d.steady(), endpoint.slots(), n.wholeRun(), n.steady(), agents,
              n.wholeRun() / d.wholeRun(), n.steady() / d.steady());
          System.out.printf(Locale.ROOT, "  all %d agents started after %.1f s; Nightshift arm CPU: this JVM %.1f s +"
              + " dev server %.1f s over %.1f s wall = %.2f cores busy, %.0f ms CPU per agent; load average %.1f%n",
              agents, AgentLoad.lastStartSeconds, after[0] - before[0], after[1] - before[1], seconds,
              (after[0] - before[0] + after[1] - before[1]) / seconds,
              1000 * (after[0] - before[0] + after[1] - before[1]) / agents,
              java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
          System.out.println(AgentTimeline.of(runtime.client(), "run" + r, agents));
        }
        double whole = Stats.median(engine) / Stats.median(direct);
        double steady = Stats.median(engineSteady) / Stats.median(directSteady);
        System.out.println();
        System.out.println("endpoint calls/s, whole run    " + Stats.describe(direct, "%.2f"));
        System.out.println("nightshift calls/s, whole run  " + Stats.describe(engine, "%.2f"));
        System.out.println("endpoint calls/s, steady       " + Stats.describe(directSteady, "%.2f"));
        System.out.println("nightshift calls/s, steady     " + Stats.describe(engineSteady, "%.2f"));
        System.out.printf(Locale.ROOT, "ratio of medians, whole run    %.3f (target >= %.1f: %s)%n", whole, TARGET,
            whole >= TARGET ? "met" : "MISSED");
        System.out.printf(Locale.ROOT, "ratio of medians, steady       %.3f (target >= %.1f: %s)%n", steady, TARGET,
            steady >= TARGET ? "met" : "MISSED");
      } finally {
        Files.deleteIfExists(models);
      }
    }
    System.exit(0);
  }

  private static int arg(String[] args, int i, int fallback) {
    return args.length > i ? Integer.parseInt(args[i]) : fallback;
  }
}
