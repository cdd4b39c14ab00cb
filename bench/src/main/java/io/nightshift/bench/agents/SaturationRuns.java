package io.nightshift.bench.agents;

import io.nightshift.models.endpoint.ModelEndpointConfig;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The saturation bench's measuring loop on a started runtime and endpoint: a warm-up of every arm, then {@code runs}
 * runs of the four arms in rotating order, each line printed as it is measured, the figures returned.
 */
final class SaturationRuns {
  static final String[] NAMES = {"endpoint (direct)", "agent steps (task)", "AgentWorkflows", "direct + queue"};
  private static final int ARMS = NAMES.length;

  /** How many agents per arm and run, how many runs, the task's max_parallel_steps. */
  record Sizes(int agents, int runs, int maxParallel) {}

  private SaturationRuns() {}

  /**
   * @param serviceSeconds the endpoint's service time per call when known by construction (scripted), else NaN:
   *                       with it each arm's line says how long a slot stood idle per call (slots / calls per s -
   *                       service time), the gap between one answer and the next request reaching that slot
   */
  static SaturationReport measure(AgentBenchRuntime runtime, List<ModelEndpointConfig> configs, int slots,
      double trueCapacity, String capacityBasis, double serviceSeconds, Sizes sizes, long cpuPid, PrintStream out)
      throws Exception {
    int inFlight = configs.stream().mapToInt(ModelEndpointConfig::maxInFlight).sum();
    String id = BenchEndpoint.ID;
    AgentShape shape = AgentShape.oneShortAnswer();
    // warm every path (class loading, JIT, the server's caches, the model's first prompt) before timing
    DirectLoad.run(configs, id, slots, Math.max(4, 2 * slots), shape);
    AgentLoad.run(runtime.client(), "warmup", Math.min(sizes.agents(), 20), shape);
    TaskLoad.run(runtime.client(), "warmup-task", Math.min(sizes.agents(), 20), sizes.maxParallel(), shape);
    CpuClock cpu = new CpuClock(cpuPid);
    List<List<Throughput>> arms = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
        new ArrayList<>());
    for (int r = 1; r <= sizes.runs(); r++) {
      Throughput[] t = new Throughput[ARMS];
      String[] notes = new String[ARMS];
      for (int k = 0; k < ARMS; k++) {
        int arm = (r - 1 + k) % ARMS;
        double[] before = cpu.now();
        long wall = System.nanoTime();
        t[arm] = switch (arm) {
          case 0 -> DirectLoad.run(configs, id, slots, sizes.agents(), shape);
          case 1 -> TaskLoad.run(runtime.client(), "task" + r, sizes.agents(), sizes.maxParallel(), shape);
          case 2 -> AgentLoad.run(runtime.client(), "run" + r, sizes.agents(), shape);
          // as many clients as the runtime keeps in flight (slots + queue depth): what the endpoint gives when a
          // request always waits at it, so no slot idles through a client's round trip
          default -> DirectLoad.run(configs, id, inFlight, sizes.agents(), shape);
        };
        double[] after = cpu.now();
        double seconds = (System.nanoTime() - wall) / 1e9;
        double used = after[0] - before[0] + after[1] - before[1];
        notes[arm] = String.format(Locale.ROOT, "CPU %.1f s (JVM %.1f + dev server %.1f) = %.2f cores, %.0f ms/call;"
            + " load %.1f", used, after[0] - before[0], after[1] - before[1], used / seconds,
            1000 * used / sizes.agents(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
      }
      out.printf(Locale.ROOT, "run %d:%n", r);
      for (int arm = 0; arm < ARMS; arm++) {
        arms.get(arm).add(t[arm]);
        String idle = Double.isNaN(serviceSeconds) ? "" : String.format(Locale.ROOT,
            ", slot idle %.0f ms/call steady", 1000 * (slots / t[arm].steady() - serviceSeconds));
        out.printf(Locale.ROOT, "  %-19s %6.2f calls/s whole run, %6.2f steady (of true capacity %.3f, %.3f)%s; %s%n",
            NAMES[arm], t[arm].wholeRun(), t[arm].steady(), t[arm].wholeRun() / trueCapacity,
            t[arm].steady() / trueCapacity, idle, notes[arm]);
      }
      out.printf(Locale.ROOT, "  AgentWorkflows: all started after %.1f s;%s%n", AgentLoad.lastStartSeconds,
          AgentTimeline.of(runtime.client(), "run" + r, sizes.agents()));
      out.printf(Locale.ROOT, "  agent steps: first answer %.2f s after the task's start, last %.2f s; ramp: %s%n",
          TaskLoad.lastFirstAnswerSeconds, TaskLoad.lastLastAnswerSeconds, TaskLoad.lastRamp);
    }
    return new SaturationReport(id + ": " + capacityBasis, trueCapacity, capacityBasis,
        ArmFigures.of(NAMES[0], arms.get(0)), ArmFigures.of(NAMES[1], arms.get(1)),
        ArmFigures.of(NAMES[2], arms.get(2)), ArmFigures.of(NAMES[3], arms.get(3)));
  }
}
