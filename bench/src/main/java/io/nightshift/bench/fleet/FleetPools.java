package io.nightshift.bench.fleet;

import io.nightshift.accelerators.simulated.SimulatedBackend;
import io.nightshift.accelerators.simulated.SimulatedConfig;
import io.nightshift.core.accelerator.AcceleratorKind;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * The benchmark's simulated fleet: 8 H100-class GPUs and 32 NeuronCores (a trn1.32xlarge), as models of speed,
 * tensor-parallel scaling, price and power. The same models drive the offline simulator (time scale 1) and the
 * runtime's simulated pools (time scaled down, written as a backends file). A NeuronCore is the reference unit:
 * speed 1, and a GPU does 4 of its work units per second.
 */
public final class FleetPools {
  public static final String GPU_POOL = "h100-sim";
  public static final String TRN_POOL = "trn1-sim";

  private FleetPools() {}

  /** 8 x H100-class: 4 work units/s each, $6.15/GPU-hour (about a p5.48xlarge on demand / 8), 700 W busy. */
  public static SimulatedConfig gpus(double timeScale) {
    return SimulatedConfig.custom().id(GPU_POOL).kind(AcceleratorKind.NVIDIA_GPU).devices(8)
        .deviceName("H100-class GPU").memoryBytesPerDevice(80L << 30).throughputPerUnit(4).scalingEfficiency(0.95)
        .latency(Duration.ofMillis(500)).pricePerUnitHour(6.15).wattsPerUnit(700).idleWattsPerUnit(70)
        .timeScale(timeScale).build();
  }

  /** 32 NeuronCores (a trn1.32xlarge): 1 work unit/s each, $0.67/core-hour ($21.50/h / 32), 45 W busy. */
  public static SimulatedConfig neuronCores(double timeScale) {
    return SimulatedConfig.custom().id(TRN_POOL).kind(AcceleratorKind.NEURON_CORE).devices(32)
        .deviceName("NeuronCore-v2").memoryBytesPerDevice(16L << 30).throughputPerUnit(1).scalingEfficiency(0.92)
        .latency(Duration.ofSeconds(2)).pricePerUnitHour(0.67).wattsPerUnit(45).idleWattsPerUnit(10)
        .timeScale(timeScale).build();
  }

  /** Both pools in model time, for the offline simulator and the figures of a run. */
  public static List<SimulatedBackend> modelled() {
    return List.of(new SimulatedBackend(gpus(1)), new SimulatedBackend(neuronCores(1)));
  }

  /** The two pools as a runtime's backends file, running {@code timeScale} times faster than real time. */
  public static String backendsYaml(double timeScale) {
    return "pools:\n" + pool(gpus(timeScale)) + pool(neuronCores(timeScale));
  }

  private static String pool(SimulatedConfig c) {
    // a placement speed per pool in reference units (NeuronCores): the GPU's 4 work units/s make it speed 4
    return String.format(Locale.ROOT, """
          - id: %s
            type: simulated
            speed: %s
            properties:
              kind: %s
              devices: %d
              device-name: "%s"
              memory-gib-per-device: %d
              throughput-per-unit: %s
              scaling-efficiency: %s
              latency: %s
              price-per-unit-hour: %s
              watts-per-unit: %s
              idle-watts-per-unit: %s
              time-scale: %s
        """, c.id(), c.throughputPerUnit(), c.kind().name(), c.devices(), c.deviceName(),
        c.memoryBytesPerDevice() >> 30, c.throughputPerUnit(), c.scalingEfficiency(), c.latency(),
        c.pricePerUnitHour(), c.wattsPerUnit(), c.idleWattsPerUnit(), c.timeScale());
  }

  /**
   * Makespan no schedule can beat, in model seconds: the fleet must supply every subtask's device-time on its most
   * efficient pool (in reference work units), and no subtask finishes faster than on its fastest pool.
   */
  public static double lowerBound(List<FleetSubtask> tasks, List<SimulatedBackend> pools) {
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
}
