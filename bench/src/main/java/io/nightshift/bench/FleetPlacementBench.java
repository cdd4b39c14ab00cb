package io.nightshift.bench;

import io.nightshift.accelerators.simulated.SimulatedBackend;
import io.nightshift.bench.engine.BenchServer;
import io.nightshift.bench.fleet.FleetPipeline;
import io.nightshift.bench.fleet.FleetPools;
import io.nightshift.bench.fleet.FleetResult;
import io.nightshift.bench.fleet.FleetRun;
import io.nightshift.bench.fleet.FleetSimulation;
import io.nightshift.bench.fleet.FleetSubtask;
import io.nightshift.bench.fleet.Workload;
import io.nightshift.core.accelerator.placement.PlacementPolicy;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Placement on a simulated fleet of 8 H100-class GPUs and 32 NeuronCores, through a real runtime: the official
 * Temporal dev server, the runtime's pools, gates, placement and map spreading, with the pools' time scaled down.
 * A seeded mix of subtasks runs as real tasks under each arm; makespan is compared with a lower bound, and cost and
 * energy come from the unit-seconds the pools' leases held. The offline simulator runs the same workload as a
 * reference arm. All hardware here is simulated, with the model parameters printed.
 *
 * <p>Arms: round-robin (subtask i on pool i mod 2: two tasks, each pinned to one pool), cost-aware
 * ({@code placement: {policy: cheapest}}: chunks spread over both pools) and deadline-aware
 * ({@code {policy: cheapest, deadline: start + factor x bound}}: the dearer pool only as the deadline needs).
 *
 * <p>Usage: {@code FleetPlacementBench [subtasks=5000] [seed=42] [timeScale=100] [deadlineFactor=1.5]
 * [temporalPort=27253]}
 */
public final class FleetPlacementBench {
  private FleetPlacementBench() {}

  public static void main(String[] args) throws IOException {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
    double scale = args.length > 2 ? Double.parseDouble(args[2]) : 100;
    double factor = args.length > 3 ? Double.parseDouble(args[3]) : 1.5;
    int port = args.length > 4 ? Integer.parseInt(args[4]) : 27253;
    List<FleetSubtask> tasks = Workload.mixed(count, seed);
    List<SimulatedBackend> pools = FleetPools.modelled();
    double bound = FleetPools.lowerBound(tasks, pools);
    double raw = tasks.stream().mapToDouble(FleetSubtask::work).sum();

    System.out.printf(Locale.ROOT, "SIMULATED fleet: 8 x H100-class GPU (4 work/s, TP eff 0.95/doubling, $6.15/h, 700 W)"
        + " + 32 x NeuronCore (1 work/s, TP eff 0.92/doubling, $0.67/h, 45 W)%n");
    System.out.printf(Locale.ROOT, "workload: %d subtasks (seed %d), %.0f work units; lower bound %.0f s "
        + "(raw work / capacity would be %.0f s); %d cores, load average %.1f at start%n%n", count, seed, raw, bound,
        raw / 64, Runtime.getRuntime().availableProcessors(), loadAverage());

    System.out.println("offline simulator (reference arm, model time, no engine):");
    header("");
    FleetResult simRr = new FleetSimulation(FleetPools.modelled()).runRoundRobin("round-robin", tasks);
    FleetResult simCost = new FleetSimulation(FleetPools.modelled())
        .runPolicy("cost-aware", tasks, PlacementPolicy.cheapest());
    row(simRr, bound, "");
    row(simCost, bound, "");

    List<FleetSubtask> even = new ArrayList<>();
    List<FleetSubtask> odd = new ArrayList<>();
    tasks.forEach(t -> (t.id() % 2 == 0 ? even : odd).add(t));
    FleetPipeline rrGpu = new FleetPipeline("rr-gpu", "{policy: pinned, pool: " + FleetPools.GPU_POOL + "}", even);
    FleetPipeline rrTrn = new FleetPipeline("rr-trn", "{policy: pinned, pool: " + FleetPools.TRN_POOL + "}", odd);
    FleetPipeline cost = new FleetPipeline("cost", "{policy: cheapest}", tasks);
    // the deadline arm's placement is written when it is submitted, once its deadline is known; its inputs now
    List<FleetPipeline> all = List.of(rrGpu, rrTrn, cost, new FleetPipeline("deadline", "", tasks));
    List<String> both = List.of(FleetPools.GPU_POOL, FleetPools.TRN_POOL);
    SimulatedBackend reference = pools.get(1);
    try (BenchServer server = BenchServer.start(port, dir -> {
      for (FleetPipeline p : all) {
        for (Map.Entry<String, String> f : p.inputFiles().entrySet()) {
          Files.writeString(dir.resolve(f.getKey()), f.getValue());
        }
      }
    }, Optional.of(FleetPools.backendsYaml(scale)))) {
      System.out.printf(Locale.ROOT, "%nruntime (real tasks on the Temporal dev server; time scale %.0f: one real second"
          + " is %.0f model seconds):%n", scale, scale);
      header("  wall s");
      FleetRun.Measured rr = FleetRun.run(server.client(), "a", List.of(
          new FleetRun.Submission(rrGpu, rrGpu.yaml(reference, scale, windows(even, 1, 0)), both),
          new FleetRun.Submission(rrTrn, rrTrn.yaml(reference, scale, windows(odd, 0, 1)), both)));
      FleetResult rrResult = figures("round-robin", rr, scale, pools);
      row(rrResult, bound, wall(rr));
      FleetRun.Measured ca = FleetRun.run(server.client(), "b", List.of(
          new FleetRun.Submission(cost, cost.yaml(reference, scale, windows(tasks, 1, 1)), both)));
      FleetResult caResult = figures("cost-aware", ca, scale, pools);
      row(caResult, bound, wall(ca));
      Instant by = Instant.now().plusMillis(Math.round(factor * bound / scale * 1000));
      FleetPipeline deadline = new FleetPipeline("deadline", "{policy: cheapest, deadline: " + by + "}", tasks);
      FleetRun.Measured dl = FleetRun.run(server.client(), "c", List.of(
          new FleetRun.Submission(deadline, deadline.yaml(reference, scale, windows(tasks, 1, 1)), both)));
      FleetResult dlResult = figures(String.format(Locale.ROOT, "deadline %.2gx", factor), dl, scale, pools);
      row(dlResult, bound, wall(dl));

      System.out.printf(Locale.ROOT, "%ncost-aware vs round-robin: makespan %+.1f%%, fleet cost %+.1f%%, busy cost "
          + "%+.1f%%, energy %+.1f%%%n", pct(caResult.makespanSeconds(), rrResult.makespanSeconds()),
          pct(caResult.fleetCost(), rrResult.fleetCost()), pct(caResult.busyCost(), rrResult.busyCost()),
          pct(caResult.energyKWh(), rrResult.energyKWh()));
      double deadlineModel = factor * bound;
      System.out.printf(Locale.ROOT, "deadline %.0f s (%.2f x bound): %s, makespan %.0f s = %.2f x the deadline; "
          + "busy cost %+.1f%% and energy %+.1f%% against cost-aware, fleet cost %+.1f%%%n", deadlineModel, factor,
          dlResult.makespanSeconds() <= deadlineModel ? "met" : "MISSED", dlResult.makespanSeconds(),
          dlResult.makespanSeconds() / deadlineModel, pct(dlResult.busyCost(), caResult.busyCost()),
          pct(dlResult.energyKWh(), caResult.energyKWh()), pct(dlResult.fleetCost(), caResult.fleetCost()));
      dl.deadline().ifPresent(r -> System.out.println("task view: deadline " + (r.reachable() ? "reachable" : "NOT"
          + " reachable") + ": " + r.detail()));
      System.out.printf(Locale.ROOT, "load average %.1f at the end%n", loadAverage());
    }
  }

  /**
   * Chunks of each unit count in flight at most (the map's max_parallel): two per slot of the pools the task may
   * use, as each map leaf's dispatch keeps, for each leaf of up to 1,000 chunks the map's tree runs side by side.
   */
  private static Map<Integer, Integer> windows(List<FleetSubtask> tasks, int gpuPools, int trnPools) {
    Map<Integer, Integer> windows = new HashMap<>();
    for (int units : List.of(1, 2, 4, 8)) {
      long chunks = tasks.stream().filter(t -> t.units() == units).count();
      long leaves = Math.max(1, (chunks + 999) / 1000);
      windows.put(units, (int) (2 * (8 / units * gpuPools + 32 / units * trnPools) * leaves));
    }
    return windows;
  }

  /** An arm's figures in model time: real seconds times the scale. */
  private static FleetResult figures(String name, FleetRun.Measured m, double scale, List<SimulatedBackend> pools) {
    Map<String, Double> busy = new HashMap<>();
    m.unitSecondsByPool().forEach((pool, seconds) -> busy.put(pool, seconds * scale));
    return FleetResult.of(name, m.wallSeconds() * scale, pools, busy, m.chunksByPool());
  }

  private static void header(String extra) {
    System.out.printf(Locale.ROOT, "%-14s %11s %9s %11s %12s %10s  %-34s%s%n", "strategy", "makespan s", "/ bound",
        "busy cost $", "fleet cost $", "energy kWh", "subtasks per pool", extra);
  }

  private static void row(FleetResult r, double bound, String extra) {
    System.out.printf(Locale.ROOT, "%-14s %11.0f %9.3f %11.2f %12.2f %10.1f  %-34s%s%n", r.strategy(),
        r.makespanSeconds(), r.makespanSeconds() / bound, r.busyCost(), r.fleetCost(), r.energyKWh(),
        r.subtasksPerPool(), extra);
  }

  private static String wall(FleetRun.Measured m) {
    return String.format(Locale.ROOT, "  %6.1f", m.wallSeconds());
  }

  private static double pct(double value, double base) {
    return 100 * (value / base - 1);
  }

  private static double loadAverage() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
