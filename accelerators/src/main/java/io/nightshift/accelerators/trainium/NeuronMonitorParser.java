package io.nightshift.accelerators.trainium;

import io.nightshift.accelerators.internal.Json;
import io.nightshift.core.accelerator.Device;
import io.nightshift.core.accelerator.Telemetry;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * Reads one {@code neuron-monitor} report (one JSON object per line). Every Neuron runtime on the host appears
 * under {@code neuron_runtime_data[].report}, with {@code neuroncore_counters.neuroncores_in_use.<core>
 * .neuroncore_utilization} (percent) and {@code memory_used.neuron_runtime_used_bytes.usage_breakdown
 * .neuroncore_memory_usage.<core>} (bytes by category). Values are summed per core across runtimes; a core no
 * runtime mentions is idle (0 %). neuron-monitor has no power reading, so power stays empty.
 */
final class NeuronMonitorParser {
  private NeuronMonitorParser() {}

  static List<Telemetry> parse(String line, List<Device> cores, Instant at) {
    if (!(Json.parse(line) instanceof Map<?, ?> root)) {
      throw new IllegalArgumentException("neuron-monitor report is not a JSON object");
    }
    if (!root.containsKey("neuron_runtime_data")) {
      throw new IllegalArgumentException("neuron-monitor report has no 'neuron_runtime_data'");
    }
    Map<Integer, Double> util = new HashMap<>();
    Map<Integer, Long> memory = new HashMap<>();
    if (root.get("neuron_runtime_data") instanceof List<?> runtimes) {
      for (Object rt : runtimes) {
        Map<?, ?> report = map(map(rt).get("report"));
        map(map(report.get("neuroncore_counters")).get("neuroncores_in_use")).forEach((core, counters) -> {
          if (map(counters).get("neuroncore_utilization") instanceof Double u) {
            util.merge(Integer.parseInt(core.toString()), u, Double::sum);
          }
        });
        Map<?, ?> used = map(map(map(report.get("memory_used")).get("neuron_runtime_used_bytes")).get("usage_breakdown"));
        map(used.get("neuroncore_memory_usage")).forEach((core, categories) -> {
          long bytes = map(categories).values().stream()
              .filter(Double.class::isInstance).mapToLong(v -> ((Double) v).longValue()).sum();
          memory.merge(Integer.parseInt(core.toString()), bytes, Long::sum);
        });
      }
    }
    return cores.stream()
        .map(c -> new Telemetry(c.id(), OptionalDouble.of(Math.min(100, util.getOrDefault(c.index(), 0.0))),
            memory.containsKey(c.index()) ? OptionalLong.of(memory.get(c.index())) : OptionalLong.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), at))
        .toList();
  }

  private static Map<?, ?> map(Object o) {
    return o instanceof Map<?, ?> m ? m : Map.of();
  }
}
