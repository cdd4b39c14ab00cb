package io.nightshift.bench;

import io.nightshift.bench.baseline.BaselineWorkflow;
import io.nightshift.bench.engine.MedianInterval;
import io.nightshift.bench.engine.RunStamp;
import io.nightshift.bench.engine.Stats;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Overhead per item: N no-op items as a Nightshift map step at chunk_size 1 (N tool activities) against a
 * hand-written Temporal workflow running the same tool N times in a window of the same width, on the same dev
 * server in the same JVM ({@link PerItemComparison}: a discarded warm-up, then ABBA-ordered timed pairs). Prints
 * each pair, items/s of both arms, the longest history in each, and the median ratio with its bootstrap interval
 * against the targets: median ratio <= 1.1 and the interval's upper end <= 1.2.
 *
 * <p>Usage: {@code MapOverheadBench [items=10000] [window=50] [runs=7] [temporalPort=27243]}; with
 * {@code -Dnightshift.bench.baselineOptions=step} the baseline's activities take the options of Nightshift's step
 * activity (a diagnostic: what those options cost the server, apart from the engine's code).
 */
public final class MapOverheadBench {
  /** The median per-run ratio must not exceed this. */
  static final double MEDIAN_TARGET = 1.1;
  /** Nor the upper end of its bootstrap interval this (and the items/s ratio at scale this). */
  static final double UPPER_TARGET = 1.2;

  private MapOverheadBench() {}

  public static void main(String[] args) throws Exception {
    int items = MapScaleBench.arg(args, 0, 10_000);
    int window = MapScaleBench.arg(args, 1, PerItemComparison.WINDOW);
    int runs = MapScaleBench.arg(args, 2, 7);
    int port = MapScaleBench.arg(args, 3, 27243);
    BaselineWorkflow.Shape shape = baselineShape(System.getProperty("nightshift.bench.baselineOptions", "plain"));
    System.out.printf(Locale.ROOT, "per-item overhead: %,d items at chunk_size 1 (one activity per item), window %d,"
        + " %d timed runs per arm after one discarded warm-up, order ABBA; baseline activities %s%n", items, window,
        runs, shape == BaselineWorkflow.Shape.PLAIN ? "plain (start-to-close 2 min)"
            : "with Nightshift's step options (start-to-close 2 h, heartbeat timeout 10 s; a diagnostic)");
    System.out.println("start: " + RunStamp.header());
    PerItemComparison.Figures f = PerItemComparison.compare(items, runs, window, port, shape, System.out);
    System.out.println();
    System.out.println(report(f));
    System.out.println("end: " + RunStamp.header());
  }

  static BaselineWorkflow.Shape baselineShape(String value) {
    return switch (value) {
      case "plain" -> BaselineWorkflow.Shape.PLAIN;
      case "step" -> BaselineWorkflow.Shape.STEP_OPTIONS;
      default -> throw new IllegalArgumentException(
          "nightshift.bench.baselineOptions is '" + value + "': plain or step");
    };
  }

  /** The summary block: figures with their spread, the ratios and the verdicts. */
  static String report(PerItemComparison.Figures f) {
    MedianInterval r = f.ratio();
    boolean medianMet = r.median() <= MEDIAN_TARGET;
    boolean upperMet = r.upper() <= UPPER_TARGET;
    double rateRatio = f.baselineItemsPerSecond() / f.nightshiftItemsPerSecond();
    StringBuilder out = new StringBuilder();
    out.append("nightshift s        ").append(Stats.describe(f.nightshiftSeconds(), "%.1f")).append('\n');
    out.append("baseline s          ").append(Stats.describe(f.baselineSeconds(), "%.1f")).append('\n');
    out.append(String.format(Locale.ROOT, "items/s             nightshift %,.0f, baseline %,.0f (medians);"
        + " baseline/nightshift %.3f (target <= %.1f: %s)%n", f.nightshiftItemsPerSecond(),
        f.baselineItemsPerSecond(), rateRatio, UPPER_TARGET, rateRatio <= UPPER_TARGET ? "met" : "MISSED"));
    out.append("ratio per run       ").append(f.ratios().stream().map(x -> String.format(Locale.ROOT, "%.3f", x))
        .collect(Collectors.joining(" "))).append('\n');
    out.append("median ratio        ").append(r.describe()).append('\n');
    out.append(String.format(Locale.ROOT, "ratio of medians    %.3f%n", f.ratioOfMedians()));
    out.append(String.format(Locale.ROOT, "longest history     nightshift %,d events (%s), baseline %,d events;"
        + " 10,240-event warning: %s%n", f.longestNightshift(), f.longestNightshiftWorkflow(), f.longestBaseline(),
        Math.max(f.longestNightshift(), f.longestBaseline()) <= MapScaleBench.HISTORY_WARNING ? "met" : "MISSED"));
    out.append(String.format(Locale.ROOT, "verdict             median %.3f <= %.1f: %s; interval upper end %.3f <= %.1f:"
        + " %s; overall %s", r.median(), MEDIAN_TARGET, medianMet ? "met" : "MISSED", r.upper(), UPPER_TARGET,
        upperMet ? "met" : "MISSED", medianMet && upperMet ? "met" : "MISSED"));
    if (f.ratios().size() < 7) {
      out.append(" (fewer than 7 runs: a smoke run, not the measurement)");
    }
    return out.toString();
  }
}
