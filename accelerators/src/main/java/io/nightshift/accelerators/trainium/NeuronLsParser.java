package io.nightshift.accelerators.trainium;

import io.nightshift.accelerators.internal.Json;
import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code neuron-ls --json-output}: a JSON array with one object per Neuron device, e.g.
 * {@code {"neuron_device": 0, "nc_count": 2, "memory_size": 34359738368, "neuroncore_ids": [0, 1], ...}}.
 * Each NeuronCore becomes one {@link Device}, with an equal share of its chip's memory ({@code memory_size} is
 * bytes for the whole chip). {@code neuroncore_ids} are the ids {@code NEURON_RT_VISIBLE_CORES} takes; older tools
 * omit them, and then cores are numbered device by device.
 */
final class NeuronLsParser {
  private NeuronLsParser() {}

  static List<Device> parse(String output) {
    Object root = Json.parse(output.strip());
    if (!(root instanceof List<?> chips)) {
      throw new IllegalArgumentException("neuron-ls --json-output must print a JSON array of devices");
    }
    List<Device> cores = new ArrayList<>();
    int nextId = 0;
    for (Object o : chips) {
      if (!(o instanceof Map<?, ?> chip)) {
        throw new IllegalArgumentException("neuron-ls device entry is not an object: " + o);
      }
      int device = number(chip, "neuron_device");
      int ncCount = number(chip, "nc_count");
      long memory = (long) (double) (Double) require(chip, "memory_size");
      String name = chip.get("instance_type") instanceof String s ? s : "Neuron device";
      List<Integer> ids = new ArrayList<>();
      if (chip.get("neuroncore_ids") instanceof List<?> listed && !listed.isEmpty()) {
        listed.forEach(id -> ids.add(((Double) id).intValue()));
      } else {
        for (int i = 0; i < ncCount; i++) {
          ids.add(nextId + i);
        }
      }
      if (ids.size() != ncCount) {
        throw new IllegalArgumentException("neuron device " + device + " reports nc_count " + ncCount + " but "
            + ids.size() + " neuroncore_ids");
      }
      for (int id : ids) {
        cores.add(new Device("nc" + id, id, AcceleratorKind.NEURON_CORE, name, ncCount == 0 ? 0 : memory / ncCount,
            "neuron" + device, false));
      }
      nextId = ids.stream().mapToInt(Integer::intValue).max().orElse(nextId - 1) + 1;
    }
    return cores;
  }

  private static int number(Map<?, ?> chip, String key) {
    return ((Double) require(chip, key)).intValue();
  }

  private static Object require(Map<?, ?> chip, String key) {
    Object v = chip.get(key);
    if (!(v instanceof Double)) {
      throw new IllegalArgumentException("neuron-ls device entry lacks numeric '" + key + "': " + chip);
    }
    return v;
  }
}
