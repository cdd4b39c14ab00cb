package io.nightshift.bench.fleet;

import io.nightshift.accelerators.simulated.SimulatedBackend;
import io.nightshift.accelerators.simulated.SimulatedWorkTool;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * One benchmark task as a user would write it: the subtasks grouped by how many units they need, one map step per
 * group over a table of (id, work) rows, each chunk one subtask on {@code simulated.work}, with
 * {@code requires: {units, estimate}} so the pools' gates order and backfill them. Rows go longest first, as a user
 * who knows the sizes lists them; the estimate is the group's mean run time on a reference unit, in real seconds
 * at the benchmark's time scale (the runtime knows only real time).
 *
 * @param name      the task's name, also the prefix of its input files
 * @param placement the pipeline's placement clause, e.g. {@code {policy: cheapest}}
 * @param subtasks  what it runs
 */
public record FleetPipeline(String name, String placement, List<FleetSubtask> subtasks) {
  /** The input file of each map step: name-units.csv, rows id,work, longest first. */
  public Map<String, String> inputFiles() {
    Map<String, String> files = new TreeMap<>();
    byUnits().forEach((units, group) -> files.put(file(units), "id,work\n" + group.stream()
        .sorted(Comparator.comparingDouble(FleetSubtask::work).reversed().thenComparingInt(FleetSubtask::id))
        .map(t -> String.format(Locale.ROOT, "s%d,%.3f", t.id(), t.work()))
        .collect(Collectors.joining("\n")) + "\n"));
    return files;
  }

  /**
   * The pipeline YAML.
   *
   * @param reference the reference pool (speed 1), in model time, for the estimates
   * @param timeScale model seconds per real second
   * @param window    chunks of one map in flight at most (its max_parallel)
   */
  public String yaml(SimulatedBackend reference, double timeScale, Map<Integer, Integer> window) {
    StringBuilder out = new StringBuilder("name: " + name + "\nplacement: " + placement + "\nsteps:\n");
    byUnits().forEach((units, group) -> {
      double mean = group.stream().mapToDouble(t -> FleetSimulation.seconds(reference, t)).average().orElse(1);
      long estimate = Math.max(1, Math.round(mean / timeScale));
      out.append(String.format(Locale.ROOT, """
            - name: load-%1$d
              tool: data.read_csv
              params: {source: "file:%2$s"}
            - name: run-%1$d
              kind: map
              tool: %3$s
              over: "${steps.load-%1$d.output}"
              chunk_size: 1
              max_parallel: %4$d
              item_param: input
              requires: {units: %1$d, estimate: %5$ds}
              needs: [load-%1$d]
          """, units, file(units), SimulatedWorkTool.NAME, window.getOrDefault(units, 50), estimate));
    });
    return out.toString();
  }

  /** The map steps, one per unit count, in order. */
  public List<String> mapSteps() {
    return new ArrayList<>(byUnits().keySet().stream().map(u -> "run-" + u).toList());
  }

  private Map<Integer, List<FleetSubtask>> byUnits() {
    return subtasks.stream().collect(Collectors.groupingBy(FleetSubtask::units, TreeMap::new, Collectors.toList()));
  }

  private String file(int units) {
    return name + "-" + units + ".csv";
  }
}
