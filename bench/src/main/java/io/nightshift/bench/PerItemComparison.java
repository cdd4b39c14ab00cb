package io.nightshift.bench;

import io.nightshift.bench.baseline.BaselineTask;
import io.nightshift.bench.baseline.BaselineWorkflow;
import io.nightshift.bench.baseline.BaselineWorker;
import io.nightshift.bench.engine.ArmOrder;
import io.nightshift.bench.engine.BenchServer;
import io.nightshift.bench.engine.HistoryCensus;
import io.nightshift.bench.engine.MapTask;
import io.nightshift.bench.engine.MedianInterval;
import io.nightshift.bench.engine.NoopTable;
import io.nightshift.bench.engine.Stats;
import io.nightshift.tools.registry.ToolRegistry;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Per-item throughput, Nightshift against hand-written Temporal, on one dev server in one run: N items as a map step
 * at chunk_size 1 (N tool activities through the map tree) against the {@code baseline/} workflow running the same
 * tool N times in one sliding window of the same width. One warm-up run of each arm is discarded, then {@code runs}
 * timed pairs in ABBA order ({@link ArmOrder}); the ratio of each pair (Nightshift time / baseline time) is the
 * figure, summarised as its median with a bootstrap interval ({@link MedianInterval}).
 *
 * <p>A small programmatic entry point ({@link #compare(int, int, int, int, BaselineWorkflow.Shape, PrintStream)})
 * so a test can run a short comparison and judge the ratio, never an absolute time.
 */
public final class PerItemComparison {
  /** Window of activities in flight in both arms: the map step's max_parallel and the baseline's window. */
  public static final int WINDOW = 50;
  /** The warm-up runs are at most this size: JIT and server caches are warm long before 100,000 items. */
  static final int MAX_WARMUP = 10_000;

  /**
   * What one comparison measured. Seconds and ratios are per timed run, in run order.
   *
   * @param longestNightshift longest history of any workflow execution of any Nightshift run (events)
   * @param longestBaseline   the same for the baseline runs
   */
  public record Figures(int items, List<Double> nightshiftSeconds, List<Double> baselineSeconds,
      List<Double> ratios, long longestNightshift, String longestNightshiftWorkflow, long longestBaseline,
      MedianInterval ratio) {
    public double nightshiftItemsPerSecond() {
      return items / Stats.median(nightshiftSeconds);
    }

    public double baselineItemsPerSecond() {
      return items / Stats.median(baselineSeconds);
    }

    /** Median Nightshift time over median baseline time. */
    public double ratioOfMedians() {
      return Stats.median(nightshiftSeconds) / Stats.median(baselineSeconds);
    }
  }

  private PerItemComparison() {}

  /**
   * Starts its own runtime and dev server on {@code temporalPort} (and the next two ports), compares, stops it.
   *
   * @param shape the options of the baseline's activities ({@link BaselineWorkflow.Shape#PLAIN} but to diagnose)
   */
  public static Figures compare(int items, int runs, int window, int temporalPort, BaselineWorkflow.Shape shape,
      PrintStream log) throws IOException, InterruptedException {
    String[] files = new String[2];
    int warmup = Math.min(items, MAX_WARMUP);
    try (BenchServer server = BenchServer.start(temporalPort, dir -> {
      files[0] = NoopTable.write(dir, items);
      files[1] = NoopTable.write(dir, warmup);
    })) {
      return compare(server, files[0], items, files[1], warmup, runs, window, shape, log);
    }
  }

  /**
   * @param table       the inputs file of {@code items} rows ({@link NoopTable#write})
   * @param warmupTable the same with {@code warmup} rows, for the discarded warm-up runs
   */
  public static Figures compare(BenchServer server, String table, int items, String warmupTable, int warmup,
      int runs, int window, BaselineWorkflow.Shape shape, PrintStream log) throws IOException, InterruptedException {
    if (runs < 1) {
      throw new IllegalArgumentException("runs must be at least 1, was " + runs);
    }
    Path workDir = Files.createTempDirectory("nightshift-bench-baseline-");
    WorkerFactory baseline = BaselineWorker.start(server.client(),
        ToolRegistry.fromClassPath().find("table.filter").orElseThrow(), server.artifacts(), workDir);
    try {
      String oneRow = server.artifacts().put("id,value\n0,0\n".getBytes(StandardCharsets.UTF_8), "text/csv").uri();
      String yaml = MapTask.pipeline(table, 1, window);
      // Warm both paths up (class loading, JIT, the server's caches); these runs are not counted.
      double wn = MapTask.run(server.client(), server.artifacts(), "warmup-ns",
          MapTask.pipeline(warmupTable, 1, window), warmup) / 1e9;
      double wb = BaselineTask.run(server.client(), "warmup-baseline", warmup, window, oneRow, shape) / 1e9;
      log.printf(Locale.ROOT, "warm-up (discarded): %,d items each, nightshift %.1f s, baseline %.1f s%n", warmup,
          wn, wb);
      List<Double> ns = new ArrayList<>();
      List<Double> base = new ArrayList<>();
      List<Double> ratios = new ArrayList<>();
      long longestNs = 0;
      String longestNsWorkflow = "";
      long longestBase = 0;
      for (int r = 1; r <= runs; r++) {
        double tn = 0;
        double tb = 0;
        List<ArmOrder.Arm> order = ArmOrder.of(r);
        for (ArmOrder.Arm arm : order) {
          if (arm == ArmOrder.Arm.NIGHTSHIFT) {
            tn = MapTask.run(server.client(), server.artifacts(), "peritem-ns-" + r, yaml, items) / 1e9;
          } else {
            tb = BaselineTask.run(server.client(), "peritem-baseline-" + r, items, window, oneRow, shape) / 1e9;
          }
        }
        HistoryCensus.Result hn = HistoryCensus.of(server.stubs(), BenchServer.NAMESPACE, "peritem-ns-" + r);
        HistoryCensus.Result hb = HistoryCensus.of(server.stubs(), BenchServer.NAMESPACE, "peritem-baseline-" + r);
        if (hn.maxHistory() > longestNs) {
          longestNs = hn.maxHistory();
          longestNsWorkflow = hn.largest();
        }
        longestBase = Math.max(longestBase, hb.maxHistory());
        ns.add(tn);
        base.add(tb);
        ratios.add(tn / tb);
        log.printf(Locale.ROOT, "run %d (%s first): nightshift %.1f s (%,.0f items/s; %d executions, %,d events,"
            + " longest %,d), baseline %.1f s (%,.0f items/s; %d runs, %,d events, longest %,d), ratio %.3f%n", r,
            order.get(0) == ArmOrder.Arm.NIGHTSHIFT ? "nightshift" : "baseline", tn, items / tn, hn.executions(),
            hn.totalEvents(), hn.maxHistory(), tb, items / tb, hb.executions(), hb.totalEvents(), hb.maxHistory(),
            tn / tb);
      }
      MedianInterval interval = MedianInterval.of(ratios, server.artifacts(), workDir);
      return new Figures(items, List.copyOf(ns), List.copyOf(base), List.copyOf(ratios), longestNs,
          longestNsWorkflow, longestBase, interval);
    } finally {
      baseline.shutdown();
      baseline.awaitTermination(10, TimeUnit.SECONDS);
      try (var paths = Files.walk(workDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
