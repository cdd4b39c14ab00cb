package io.nightshift.accelerators.nvidia;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Parses {@code nvidia-smi --query-gpu=index,uuid,name,memory.total,memory.used,utilization.gpu,power.draw,
 * power.limit,temperature.gpu --format=csv,noheader,nounits}: one GPU per line, fields separated by ", ",
 * memory in MiB, power in W. Drivers print {@code [N/A]} or {@code [Not Supported]} for readings a board lacks
 * (power on some cards); those become empty values, while a missing index, UUID or memory is an error.
 */
final class NvidiaSmiParser {
  static final String QUERY =
      "index,uuid,name,memory.total,memory.used,utilization.gpu,power.draw,power.limit,temperature.gpu";
  private static final int FIELDS = 9;

  private NvidiaSmiParser() {}

  static List<GpuReading> parse(String output) {
    List<GpuReading> gpus = new ArrayList<>();
    String[] lines = output.split("\\R");
    for (int n = 0; n < lines.length; n++) {
      String line = lines[n].strip();
      if (line.isEmpty()) {
        continue;
      }
      List<String> f = new ArrayList<>(Arrays.stream(line.split(",")).map(String::strip).toList());
      // A product name may itself contain a comma: fold the surplus back into the name field.
      while (f.size() > FIELDS) {
        f.set(2, f.get(2) + ", " + f.remove(3));
      }
      if (f.size() != FIELDS) {
        throw new IllegalArgumentException("nvidia-smi line " + (n + 1) + " has " + f.size() + " fields, expected "
            + FIELDS + " (" + QUERY + "): '" + line + "'");
      }
      try {
        gpus.add(new GpuReading(Integer.parseInt(f.get(0)), required(f.get(1), "uuid", n), required(f.get(2), "name", n),
            Long.parseLong(f.get(3)), Long.parseLong(f.get(4)), optional(f.get(5)), optional(f.get(6)),
            optional(f.get(7)), optional(f.get(8))));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("nvidia-smi line " + (n + 1) + " has a non-numeric index or memory: '"
            + line + "'", e);
      }
    }
    return gpus;
  }

  private static String required(String value, String field, int line) {
    if (value.isEmpty() || value.startsWith("[")) {
      throw new IllegalArgumentException("nvidia-smi line " + (line + 1) + " has no " + field);
    }
    return value;
  }

  private static OptionalDouble optional(String value) {
    if (value.isEmpty() || value.startsWith("[")) {
      return OptionalDouble.empty();
    }
    try {
      return OptionalDouble.of(Double.parseDouble(value));
    } catch (NumberFormatException e) {
      return OptionalDouble.empty();
    }
  }
}
