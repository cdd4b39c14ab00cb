package io.nightshift.bench.agents;

import io.nightshift.bench.engine.Stats;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Endpoint saturation: can Nightshift keep a model endpoint as busy as the endpoint can be? Per run, three arms on
 * the same endpoint, their order rotating: the endpoint's own capacity (as many direct clients as it has slots, no
 * engine: {@link DirectLoad}); agent steps, many {@code kind: agent} steps of one task on a real runtime with the
 * dev server, whose bulkhead for the endpoint is its slots ({@link TaskLoad}); and as many AgentWorkflows started
 * by a client ({@link AgentLoad}). Prints each arm's calls/s (whole run and steady), the ratios to the capacity per
 * run, and the ratios of the medians (target >= 0.9), with where the time and the CPU went.
 *
 * <p>Usage: {@code EndpointSaturationBench scripted [capacity=4] [latencyMs=200] [agents=200] [runs=3] [port=27343]
 * [maxParallelSteps=32] [externalTemporal=- [itsPid]]} or {@code EndpointSaturationBench llama [threads=2] [unused] [agents=60] [runs=3] ...}
 */
public final class EndpointSaturationBench {
  static final double TARGET = 0.9;

  private EndpointSaturationBench() {}

  public static void main(String[] args) throws Exception {
    boolean llama = args.length > 0 && args[0].equals("llama");
    int first = arg(args, 1, llama ? 2 : 4);
    int latencyMs = arg(args, 2, 200);
    int agents = arg(args, 3, llama ? 60 : 200);
    int runs = arg(args, 4, 3);
    int port = arg(args, 5, 27343);
    int maxParallel = arg(args, 6, 32);
    // ablation: an external Temporal server (e.g. `temporal server start-dev` without --db-filename) and its pid
    String external = args.length > 7 && !args[7].equals("-") ? args[7] : null;
    long externalPid = args.length > 8 ? Long.parseLong(args[8]) : -1;
    AgentShape shape = AgentShape.oneShortAnswer();
    try (BenchEndpoint endpoint = llama ? BenchEndpoint.llamaCpp(first)
        : BenchEndpoint.scripted(first, Duration.ofMillis(latencyMs))) {
      Path models = Files.createTempFile("nightshift-bench-models-", ".yaml");
      Files.writeString(models, endpoint.modelsYaml());
      ModelEndpointConfig config = endpoint.config(models);
      System.out.printf(Locale.ROOT, "%s; %d agents per arm and run (one model call each), %d runs; bulkhead %d;"
          + " task max_parallel_steps %d; %d cores%n", endpoint.description(), agents, runs, config.maxConcurrency(),
          maxParallel, Runtime.getRuntime().availableProcessors());
      try (AgentBenchRuntime runtime = AgentBenchRuntime.start(port, models, external)) {
        // warm every path (class loading, JIT, the server's caches, the model's first prompt) before timing
        DirectLoad.run(config, endpoint.slots(), Math.max(4, 2 * endpoint.slots()), shape);
        AgentLoad.run(runtime.client(), "warmup", Math.min(agents, 20), shape);
        TaskLoad.run(runtime.client(), "warmup-task", Math.min(agents, 20), maxParallel, shape);
        CpuClock cpu = new CpuClock(external == null ? runtime.temporalPid() : externalPid);
        List<List<Double>> whole = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        List<List<Double>> steady = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        String[] names = {"endpoint (direct)", "agent steps (task)", "AgentWorkflows"};
        for (int r = 1; r <= runs; r++) {
          Throughput[] t = new Throughput[3];
          String[] cpuNotes = new String[3];
          for (int k = 0; k < 3; k++) {
            int arm = (r - 1 + k) % 3;
            double[] before = cpu.now();
            long wall = System.nanoTime();
            t[arm] = switch (arm) {
              case 0 -> DirectLoad.run(config, endpoint.slots(), agents, shape);
              case 1 -> TaskLoad.run(runtime.client(), "task" + r, agents, maxParallel, shape);
              default -> AgentLoad.run(runtime.client(), "run" + r, agents, shape);
            };
            double[] after = cpu.now();
            double seconds = (System.nanoTime() - wall) / 1e9;
            double used = after[0] - before[0] + after[1] - before[1];
            cpuNotes[arm] = String.format(Locale.ROOT, "CPU %.1f s (JVM %.1f + dev server %.1f) over %.1f s ="
                + " %.2f cores, %.0f ms per call; load %.1f", used, after[0] - before[0], after[1] - before[1],
                seconds, used / seconds, 1000 * used / agents,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
          }
          System.out.printf(Locale.ROOT, "run %d:%n", r);
          for (int arm = 0; arm < 3; arm++) {
            whole.get(arm).add(t[arm].wholeRun());
            steady.get(arm).add(t[arm].steady());
            System.out.printf(Locale.ROOT, "  %-19s %6.2f calls/s whole run, %6.2f steady%s; %s%n", names[arm],
                t[arm].wholeRun(), t[arm].steady(), arm == 0 ? "" : String.format(Locale.ROOT,
                    " (ratio %.3f, %.3f)", t[arm].wholeRun() / t[0].wholeRun(), t[arm].steady() / t[0].steady()),
                cpuNotes[arm]);
          }
          System.out.printf(Locale.ROOT, "  AgentWorkflows: all started after %.1f s;%s%n", AgentLoad.lastStartSeconds,
              AgentTimeline.of(runtime.client(), "run" + r, agents));
        }
        System.out.println();
        for (int arm = 0; arm < 3; arm++) {
          System.out.printf(Locale.ROOT, "%-19s whole run %s, steady %s%n", names[arm],
              Stats.describe(whole.get(arm), "%.2f"), Stats.describe(steady.get(arm), "%.2f"));
        }
        for (int arm = 1; arm < 3; arm++) {
          double w = Stats.median(whole.get(arm)) / Stats.median(whole.get(0));
          double s = Stats.median(steady.get(arm)) / Stats.median(steady.get(0));
          System.out.printf(Locale.ROOT, "ratio of medians, %-19s whole run %.3f, steady %.3f (target >= %.1f: %s)%n",
              names[arm], w, s, TARGET, s >= TARGET ? "met" : "MISSED");
        }
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
