package io.nightshift.bench;

import io.nightshift.bench.baseline.BaselineTask;
import io.nightshift.bench.baseline.BaselineWorker;
import io.nightshift.bench.engine.BenchServer;
import io.nightshift.bench.engine.HistoryCensus;
import io.nightshift.bench.engine.MapTask;
import io.nightshift.bench.engine.NoopTable;
import io.nightshift.bench.engine.Stats;
import io.nightshift.tools.registry.ToolRegistry;
import io.temporal.worker.WorkerFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Overhead: N no-op subtasks as a Nightshift map step (chunk_size 1, so N tool activities) against a hand-written
 * Temporal workflow running the same tool on a one-row table N times with the same window, on the same dev
 * server and in the same JVM. Runs rotate which goes first, so drift on the shared machine hits both; prints
 * each pair's ratio and the medians. With diagnose=1 (the default) a third arm runs the baseline with one
 * heartbeat per activity under a heartbeat timeout, as Nightshift's step activity does, to show what that costs.
 *
 * <p>Usage: {@code MapOverheadBench [subtasks=10000] [window=50] [runs=3] [temporalPort=27243] [diagnose=1]}
 */
public final class MapOverheadBench {
  static final double TARGET = 1.3;
  private static final int WARMUP = 300;

  private MapOverheadBench() {}

  public static void main(String[] args) throws Exception {
    int n = MapScaleBench.arg(args, 0, 10_000);
    int window = MapScaleBench.arg(args, 1, 50);
    int runs = MapScaleBench.arg(args, 2, 3);
    int port = MapScaleBench.arg(args, 3, 27243);
    int arms = MapScaleBench.arg(args, 4, 1) == 1 ? 3 : 2;
    String[] files = new String[2];
    try (BenchServer server = BenchServer.start(port, dir -> {
      files[0] = NoopTable.write(dir, n);
      files[1] = NoopTable.write(dir, WARMUP);
    })) {
      Path workDir = Files.createTempDirectory("nightshift-bench-baseline-");
      WorkerFactory baseline = BaselineWorker.start(server.client(),
          ToolRegistry.fromClassPath().find("table.filter").orElseThrow(), server.artifacts(), workDir);
      try {
        String oneRow = server.artifacts().put("id,value\n0,0\n".getBytes(StandardCharsets.UTF_8), "text/csv").uri();
        String yaml = MapTask.pipeline(files[0], 1, window);
        System.out.printf(Locale.ROOT, "%,d no-op subtasks, window %d, %d runs each; %d cores%n", n, window, runs,
            Runtime.getRuntime().availableProcessors());
        // Warm both paths up (class loading, JIT, the server's caches) before anything is timed.
        MapTask.run(server.client(), server.artifacts(), "warmup-ns", MapTask.pipeline(files[1], 1, window), WARMUP);
        BaselineTask.run(server.client(), "warmup-baseline", WARMUP, window, oneRow, false);
        BaselineTask.run(server.client(), "warmup-beat", WARMUP, window, oneRow, true);
        List<Double> ns = new ArrayList<>();
        List<Double> base = new ArrayList<>();
        List<Double> beat = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int r = 1; r <= runs; r++) {
          // Rotate the order so that drift on the shared machine does not always favour the same arm.
          double[] t = new double[3];
          for (int k = 0; k < arms; k++) {
            int arm = (r - 1 + k) % arms;
            t[arm] = switch (arm) {
              case 0 -> MapTask.run(server.client(), server.artifacts(), "overhead-ns-" + r, yaml, n) / 1e9;
              case 1 -> BaselineTask.run(server.client(), "overhead-baseline-" + r, n, window, oneRow, false) / 1e9;
              default -> BaselineTask.run(server.client(), "overhead-beat-" + r, n, window, oneRow, true) / 1e9;
            };
          }
          ns.add(t[0]);
          base.add(t[1]);
          ratios.add(t[0] / t[1]);
          HistoryCensus.Result hn = HistoryCensus.of(server.stubs(), BenchServer.NAMESPACE, "overhead-ns-" + r);
          HistoryCensus.Result hb = HistoryCensus.of(server.stubs(), BenchServer.NAMESPACE, "overhead-baseline-" + r);
          System.out.printf(Locale.ROOT, "run %d: nightshift %.1f s (%,.0f/s; %d executions, %,d events,"
              + " longest %,d), baseline %.1f s (%,.0f/s; %d runs, %,d events, longest %,d), ratio %.2f", r,
              t[0], n / t[0], hn.executions(), hn.totalEvents(), hn.maxHistory(),
              t[1], n / t[1], hb.executions(), hb.totalEvents(), hb.maxHistory(), t[0] / t[1]);
          if (arms == 3) {
            beat.add(t[2]);
            System.out.printf(Locale.ROOT, "; baseline + heartbeat %.1f s (%,.0f/s)", t[2], n / t[2]);
          }
          System.out.println();
        }
        double ratio = Stats.median(ns) / Stats.median(base);
        System.out.println();
        System.out.println("nightshift s       " + Stats.describe(ns, "%.1f"));
        System.out.println("baseline s         " + Stats.describe(base, "%.1f"));
        System.out.println("ratio per run      " + Stats.describe(ratios, "%.2f"));
        if (!beat.isEmpty()) {
          System.out.println("baseline+beat s    " + Stats.describe(beat, "%.1f") + ", vs baseline x"
              + String.format(Locale.ROOT, "%.2f", Stats.median(beat) / Stats.median(base)));
        }
        System.out.printf(Locale.ROOT, "ratio of medians   %.2f (target <= %.1f: %s)%n", ratio, TARGET,
            ratio <= TARGET ? "met" : "MISSED");
      } finally {
        baseline.shutdown();
        baseline.awaitTermination(10, TimeUnit.SECONDS);
        try (var files2 = Files.walk(workDir)) {
          files2.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
    }
  }
}
