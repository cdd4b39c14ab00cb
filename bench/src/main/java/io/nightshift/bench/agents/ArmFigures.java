package io.nightshift.bench.agents;

import io.nightshift.bench.engine.Stats;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One arm's throughputs over a saturation bench's runs (calls/s): whole run and steady, one figure per run. */
public record ArmFigures(String name, List<Double> wholeRuns, List<Double> steadies) {
  public ArmFigures {
    wholeRuns = List.copyOf(wholeRuns);
    steadies = List.copyOf(steadies);
  }

  static ArmFigures of(String name, List<Throughput> runs) {
    List<Double> whole = new ArrayList<>();
    List<Double> steady = new ArrayList<>();
    for (Throughput t : runs) {
      whole.add(t.wholeRun());
      steady.add(t.steady());
    }
    return new ArmFigures(name, whole, steady);
  }

  public double wholeRunMedian() {
    return Stats.median(wholeRuns);
  }

  public double steadyMedian() {
    return Stats.median(steadies);
  }

  /** "median (min-max, n=k)" of the whole-run and steady figures, each also as a ratio to {@code capacity}. */
  String describe(double capacity) {
    return String.format(Locale.ROOT, "%-19s whole run %s calls/s = %s of true capacity; steady %s = %s", name,
        Stats.describe(wholeRuns, "%.2f"), Stats.describe(scaled(wholeRuns, capacity), "%.3f"),
        Stats.describe(steadies, "%.2f"), Stats.describe(scaled(steadies, capacity), "%.3f"));
  }

  private static List<Double> scaled(List<Double> xs, double capacity) {
    return xs.stream().map(x -> x / capacity).toList();
  }
}
