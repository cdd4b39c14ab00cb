package io.nightshift.accelerators.trainium;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightshift.accelerators.internal.JsonText;
import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.Device;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Parses {@code neuron-ls}'s JSON. {@code --json-output} prints a JSON array with one object per Neuron device, e.g.
 * {@code {"neuron_device": 0, "nc_count": 2, "memory_size": 34359738368, "neuroncore_ids": [0, 1], ...}}.
 * {@code --output-format json} (Neuron 2.34 on) prints an object that, per AWS's announcement, adds top-level fields
 * for what applies to more than one device (instance, UltraServer); its schema was not published when this was
 * written, so the device list is taken from the first top-level array of device objects, whatever its key, and a
 * top-level {@code instance_type} names devices that do not name themselves.
 * Each NeuronCore becomes one {@link Device}, with an equal share of its chip's memory ({@code memory_size} is
 * bytes for the whole chip). {@code neuroncore_ids} are the ids {@code NEURON_RT_VISIBLE_CORES} takes; older tools
 * omit them, and then cores are numbered device by device.
 */
final class NeuronLsParser {
  private NeuronLsParser() {}

  static List<Device> parse(String output) {
    JsonNode root = JsonText.read(output.strip());
    JsonNode chips = root.isObject() ? deviceList(root) : root;
    if (!chips.isArray()) {
      throw new IllegalArgumentException("neuron-ls must print a JSON array of devices or an object holding one");
    }
    String instanceType = root.path("instance_type").isTextual() ? root.get("instance_type").asText() : "";
    List<Device> cores = new ArrayList<>();
    int nextId = 0;
    for (JsonNode chip : chips) {
      if (!chip.isObject()) {
        throw new IllegalArgumentException("neuron-ls device entry is not an object: " + chip);
      }
      int device = number(chip, "neuron_device").asInt();
      int ncCount = number(chip, "nc_count").asInt();
      long memory = number(chip, "memory_size").asLong();
      String name = chip.path("instance_type").isTextual() ? chip.get("instance_type").asText()
          : instanceType.isEmpty() ? "Neuron device" : instanceType;
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

  /**
   * The top-level array of devices (entries with {@code neuron_device} and {@code nc_count}; an empty array whose key
   * names devices is a host without any), or an error naming the keys seen.
   */
  private static JsonNode deviceList(JsonNode root) {
    List<String> keys = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      keys.add(field.getKey());
      JsonNode v = field.getValue();
      boolean devices = v.isArray() && (v.isEmpty() ? field.getKey().contains("device")
          : v.get(0).has("neuron_device") && v.get(0).has("nc_count"));
      if (devices) {
        return v;
      }
    }
    throw new IllegalArgumentException("neuron-ls printed an object without a list of devices (objects with "
        + "neuron_device and nc_count); its top-level keys: " + keys);
  }

  private static JsonNode number(JsonNode chip, String key) {
    JsonNode v = chip.path(key);
    if (!v.isNumber()) {
      throw new IllegalArgumentException("neuron-ls device entry lacks numeric '" + key + "': " + chip);
    }
    return v;
  }
}
