package io.nightshift.accelerators.trainium;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightshift.accelerators.internal.JsonText;
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
    JsonNode root = JsonText.read(line);
    if (!root.isObject()) {
      throw new IllegalArgumentException("neuron-monitor report is not a JSON object");
    }
    if (!root.has("neuron_runtime_data")) {
      throw new IllegalArgumentException("neuron-monitor report has no 'neuron_runtime_data'");
    }
    Map<Integer, Double> util = new HashMap<>();
    Map<Integer, Long> memory = new HashMap<>();
    JsonNode runtimes = root.get("neuron_runtime_data");
    for (JsonNode rt : runtimes.isArray() ? runtimes : List.<JsonNode>of()) {
      JsonNode report = rt.path("report");
      // path() reads a missing or mistyped level as empty, so a runtime without counters adds nothing
      report.path("neuroncore_counters").path("neuroncores_in_use").fields().forEachRemaining(core -> {
        JsonNode u = core.getValue().path("neuroncore_utilization");
        if (u.isNumber()) {
          util.merge(Integer.parseInt(core.getKey()), u.asDouble(), Double::sum);
        }
      });
      report.path("memory_used").path("neuron_runtime_used_bytes").path("usage_breakdown")
          .path("neuroncore_memory_usage").fields().forEachRemaining(core -> {
            long bytes = 0;
            for (JsonNode v : core.getValue().isObject() ? core.getValue() : List.<JsonNode>of()) {
              bytes += v.isNumber() ? v.asLong() : 0;
            }
            memory.merge(Integer.parseInt(core.getKey()), bytes, Long::sum);
          });
    }
    return cores.stream()
        .map(c -> new Telemetry(c.id(), OptionalDouble.of(Math.min(100, util.getOrDefault(c.index(), 0.0))),
            memory.containsKey(c.index()) ? OptionalLong.of(memory.get(c.index())) : OptionalLong.empty(),
            OptionalDouble.empty(), OptionalDouble.empty(), at))
        .toList();
  }
}
