package io.nightshift.bench;

import io.nightshift.accelerators.simulated.SimulatedBackend;
import io.nightshift.accelerators.simulated.SimulatedConfig;
import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.placement.PlacementPolicy;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * Simulated fleet of 8 H100-class GPUs and 32 NeuronCores running a mixed workload of subtasks: prints each
 * strategy's makespan against a lower bound, and its cost and energy. All hardware here is simulated, with the
 * model parameters printed; prices are orientation figures, configurable like everywhere else.
 *
 * <p>Usage: {@code FleetPlacementBench [subtasks=5000] [seed=42]}
 */
public final class FleetPlacementBench {
  private FleetPlacementBench() {}

  /** 8 x H100-class: 4 work units/s each, $6.15/GPU-hour (about a p5.48xlarge on demand / 8), 700 W busy. */
  static SimulatedBackend gpus() {
    return new SimulatedBackend(SimulatedConfig.custom().id("h100-sim").kind(AcceleratorKind.NVIDIA_GPU).devices(8)
        .deviceName("H100-class GPU").memoryBytesPerDevice(80L << 30).throughputPerUnit(4).scalingEfficiency(0.95)
        .latency(Duration.ofMillis(500)).pricePerUnitHour(6.15).wattsPerUnit(700).idleWattsPerUnit(70).build());
  }

  /** 32 NeuronCores (a trn1.32xlarge): 1 work unit/s each, $0.67/core-hour ($21.50/h / 32), 45 W busy. */
  static SimulatedBackend neuronCores() {
    return new SimulatedBackend(SimulatedConfig.custom().id("trn1-sim").kind(AcceleratorKind.NEURON_CORE).devices(32)
        .deviceName("NeuronCore-v2").memoryBytesPerDevice(16L << 30).throughputPerUnit(1).scalingEfficiency(0.92)
        .latency(Duration.ofSeconds(2)).pricePerUnitHour(0.67).wattsPerUnit(45).idleWattsPerUnit(10).build());
  }

  /**
   * Makespan no schedule can beat: the fleet must supply every subtask's device-time on its most efficient pool
   * (in reference work units), and no subtask finishes faster than on its fastest pool.
   */
  static double lowerBound(List<FleetSubtask> tasks, List<SimulatedBackend> pools) {
    double capacity = pools.stream().mapToDouble(p -> p.config().devices() * p.config().throughputPerUnit()).sum();
    double work = 0;
    double longest = 0;
    for (FleetSubtask t : tasks) {
      double best = Double.MAX_VALUE;
      double fastest = Double.MAX_VALUE;
      for (SimulatedBackend p : pools) {
        double s = FleetSimulation.seconds(p, t);
        best = Math.min(best, t.units() * s * p.config().throughputPerUnit());
        fastest = Math.min(fastest, s);
      }
      work += best;
      longest = Math.max(longest, fastest);
    }
    return Math.max(work / capacity, longest);
  }

  static List<FleetResult> runAll(List<FleetSubtask> tasks) {
    return List.of(
        new FleetSimulation(List.of(gpus(), neuronCores())).runRoundRobin("round-robin", tasks),
        new FleetSimulation(List.of(gpus(), neuronCores())).runPolicy("cost-aware", tasks, PlacementPolicy.cheapest()),
        new FleetSimulation(List.of(gpus(), neuronCores())).runPolicy("fastest", tasks, PlacementPolicy.fastest()),
        new FleetSimulation(List.of(gpus(), neuronCores()))
            .runPolicy("lowest-energy", tasks, PlacementPolicy.lowestEnergy()),
        // The other end of the trade-off: only the pool with the lowest price per unit of work, no spill-over.
        new FleetSimulation(List.of(gpus(), neuronCores()))
            .runPolicy("pinned trn1", tasks, PlacementPolicy.pinned("trn1-sim")));
  }

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
    long seed = args.length > 1 ? Long.parseLong(args[1]) : 42;
    List<FleetSubtask> tasks = Workload.mixed(count, seed);
    double raw = tasks.stream().mapToDouble(FleetSubtask::work).sum();
    double bound = lowerBound(tasks, List.of(gpus(), neuronCores()));
    long t0 = System.nanoTime();
    List<FleetResult> results = runAll(tasks);
    double wall = (System.nanoTime() - t0) / 1e9;

    System.out.printf(Locale.ROOT, "SIMULATED fleet: 8 x H100-class GPU (4 work/s, TP eff 0.95/doubling, $6.15/h, 700 W)"
        + " + 32 x NeuronCore (1 work/s, TP eff 0.92/doubling, $0.67/h, 45 W)%n");
    System.out.printf(Locale.ROOT, "workload: %d subtasks (seed %d), %.0f work units; lower bound %.0f s "
        + "(raw work / capacity would be %.0f s)%n%n", count, seed, raw, bound, raw / 64);
    System.out.printf(Locale.ROOT, "%-14s %11s %9s %11s %12s %10s  %s%n", "strategy", "makespan s", "/ bound",
        "busy cost $", "fleet cost $", "energy kWh", "subtasks per pool");
    for (FleetResult r : results) {
      System.out.printf(Locale.ROOT, "%-14s %11.0f %9.3f %11.2f %12.2f %10.1f  %s%n", r.strategy(),
          r.makespanSeconds(), r.makespanSeconds() / bound, r.busyCost(), r.fleetCost(), r.energyKWh(),
          r.subtasksPerPool());
    }
    FleetResult rr = results.get(0);
    FleetResult cost = results.get(1);
    System.out.printf(Locale.ROOT, "%ncost-aware vs round-robin: busy cost %.1f%%, fleet cost %.1f%%, makespan %.1f%%"
        + "  (simulated in %.2f s)%n", 100 * (cost.busyCost() / rr.busyCost() - 1),
        100 * (cost.fleetCost() / rr.fleetCost() - 1), 100 * (cost.makespanSeconds() / rr.makespanSeconds() - 1), wall);
  }
}
