package io.nightshift.accelerators.trainium;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightshift.accelerators.internal.JsonText;
import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.Device;
import java.util.ArrayList;
import java.util.List;

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
    JsonNode chips = JsonText.read(output.strip());
    if (!chips.isArray()) {
      throw new IllegalArgumentException("neuron-ls --json-output must print a JSON array of devices");
    }
    List<Device> cores = new ArrayList<>();
    int nextId = 0;
    for (JsonNode chip : chips) {
      if (!chip.isObject()) {
        throw new IllegalArgumentException("neuron-ls device entry is not an object: " + chip);
      }
      int device = number(chip, "neuron_device").asInt();
      int ncCount = number(chip, "nc_count").asInt();
      long memory = number(chip, "memory_size").asLong();
      String name = chip.path("instance_type").isTextual() ? chip.get("instance_type").asText() : "Neuron device";
      List<Integer> ids = new ArrayList<>();
      JsonNode listed = chip.path("neuroncore_ids");
      if (listed.isArray() && !listed.isEmpty()) {
        for (JsonNode id : listed) {
          if (!id.canConvertToInt()) {
            throw new IllegalArgumentException("neuron device " + device + " lists a core id that is no number: " + id);
          }
          ids.add(id.asInt());
        }
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

  private static JsonNode number(JsonNode chip, String key) {
    JsonNode v = chip.path(key);
    if (!v.isNumber()) {
      throw new IllegalArgumentException("neuron-ls device entry lacks numeric '" + key + "': " + chip);
    }
    return v;
  }
}
