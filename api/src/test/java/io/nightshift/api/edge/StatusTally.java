package io.nightshift.api.edge;

import io.grpc.Status;
import java.util.EnumMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** How many calls of each method got each status code, printed as a table (the figure the issue asks for). */
final class StatusTally {
  private final Map<String, Map<Status.Code, Integer>> counts = new TreeMap<>();

  synchronized void record(String method, Status.Code code) {
    counts.computeIfAbsent(method, m -> new EnumMap<>(Status.Code.class)).merge(code, 1, Integer::sum);
  }

  synchronized int total() {
    return counts.values().stream().flatMap(c -> c.values().stream()).mapToInt(Integer::intValue).sum();
  }

  synchronized int total(Status.Code code) {
    return counts.values().stream().mapToInt(c -> c.getOrDefault(code, 0)).sum();
  }

  synchronized String table(String title) {
    TreeSet<Status.Code> codes = counts.values().stream().flatMap(c -> c.keySet().stream())
        .collect(Collectors.toCollection(TreeSet::new));
    int width = counts.keySet().stream().mapToInt(String::length).max().orElse(6) + 2;
    StringBuilder out = new StringBuilder(title).append('\n').append(pad("method", width));
    codes.forEach(c -> out.append(String.format("%20s", c)));
    out.append(String.format("%8s%n", "total"));
    counts.forEach((method, byCode) -> {
      out.append(pad(method, width));
      codes.forEach(c -> out.append(String.format("%20d", byCode.getOrDefault(c, 0))));
      out.append(String.format("%8d%n", byCode.values().stream().mapToInt(Integer::intValue).sum()));
    });
    out.append(pad("all methods", width));
    codes.forEach(c -> out.append(String.format("%20d", total(c))));
    return out.append(String.format("%8d%n", total())).toString();
  }

  private static String pad(String s, int width) {
    return String.format("%-" + width + "s", s);
  }
}
