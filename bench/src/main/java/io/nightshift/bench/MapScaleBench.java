package io.nightshift.bench;

import io.nightshift.bench.engine.BenchServer;
import io.nightshift.bench.engine.HeapSampler;
import io.nightshift.bench.engine.HeapTrend;
import io.nightshift.bench.engine.HistoryCensus;
import io.nightshift.bench.engine.MapTask;
import io.nightshift.bench.engine.NoopTable;
import io.nightshift.bench.engine.RunStamp;
import io.nightshift.bench.engine.Stats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Scale: one task whose map step runs no-op work ({@code table.filter} keeping every row) over a large generated
 * table, on the official Temporal dev server started by a real runtime, worker in this process. For each size
 * (e.g. 100,000 and 1,000,000 rows) prints wall time, items/s, the longest history of any execution of the task
 * (TaskWorkflow and every MapWorkflow run) against Temporal's 10,240-event warning, and the heap left after each
 * collection during that size's runs ({@link HeapTrend}: max, median, slope); with several sizes, the largest
 * size's heap against the smallest's, which shows whether the worker's heap grows with N.
 *
 * <p>Usage: {@code MapScaleBench [rows=100000, or a comma list like 100000,1000000] [chunkSize=100]
 * [maxParallel=50] [runs=3] [temporalPort=27233]}
 */
public final class MapScaleBench {
  static final long HISTORY_WARNING = 10_240;
  static final long HEAP_TARGET = 1L << 30;
  /** "The heap does not grow with N": the largest size's max heap after GC within this factor of the smallest's. */
  static final double HEAP_GROWTH_TARGET = 1.5;

  private MapScaleBench() {}

  public static void main(String[] args) throws Exception {
    int[] sizes = args.length > 0 ? Arrays.stream(args[0].split(",")).mapToInt(Integer::parseInt).toArray()
        : new int[] {100_000};
    int chunkSize = arg(args, 1, 100);
    int maxParallel = arg(args, 2, 50);
    int runs = arg(args, 3, 3);
    int port = arg(args, 4, 27233);
    Map<Integer, String> files = new LinkedHashMap<>();
    try (BenchServer server = BenchServer.start(port, dir -> {
      for (int rows : sizes) {
        files.put(rows, NoopTable.write(dir, rows));
      }
    });
         HeapSampler heap = HeapSampler.start()) {
      System.out.printf(Locale.ROOT, "maps of %s rows, chunk_size %d, max_parallel %d; %d runs per size; -Xmx %d MiB%n",
          files.keySet(), chunkSize, maxParallel, runs, HeapSampler.maxHeapBytes() >> 20);
      System.out.println("start: " + RunStamp.header());
      Map<Integer, HeapTrend> trends = new LinkedHashMap<>();
      long maxHistory = 0;
      for (int rows : sizes) {
        String yaml = MapTask.pipeline(files.get(rows), chunkSize, maxParallel);
        int chunks = (rows + chunkSize - 1) / chunkSize;
        int mark = heap.mark();
        long sizeStart = heap.elapsedMillis();
        List<Double> seconds = new ArrayList<>();
        long longest = 0;
        System.out.printf(Locale.ROOT, "%n%,d rows (%,d tool activities):%n", rows, chunks);
        for (int r = 1; r <= runs; r++) {
          String taskId = "scale-" + rows + "-" + r;
          double s = MapTask.run(server.client(), server.artifacts(), taskId, yaml, rows) / 1e9;
          HistoryCensus.Result census = HistoryCensus.of(server.stubs(), BenchServer.NAMESPACE, taskId);
          longest = Math.max(longest, census.maxHistory());
          seconds.add(s);
          System.out.printf(Locale.ROOT, "run %d: %.1f s, %,.0f items/s, %,.0f activities/s; %d executions,"
              + " %,d events in all, longest history %,d events: %s%n", r, s, rows / s, chunks / s,
              census.executions(), census.totalEvents(), census.maxHistory(), census.largest());
        }
        HeapTrend trend = heap.trendSince(mark);
        trends.put(rows, trend);
        maxHistory = Math.max(maxHistory, longest);
        System.out.println("wall time s        " + Stats.describe(seconds, "%.1f"));
        System.out.printf(Locale.ROOT, "items/s            %,.0f (median)%n", rows / Stats.median(seconds));
        System.out.printf(Locale.ROOT, "longest history    %,d events = %.2f x the 10,240-event warning (%s)%n",
            longest, longest / (double) HISTORY_WARNING, longest <= HISTORY_WARNING ? "met" : "MISSED");
        System.out.println("heap after GC      " + trend.describe());
        if (trend.samples() > 0) {
          System.out.printf(Locale.ROOT, "                   the largest left %.1f s into this size's %.1f s"
              + " (its runs and their history census)%n", (trend.maxAtMillis() - sizeStart) / 1e3,
              (heap.elapsedMillis() - sizeStart) / 1e3);
        }
      }
      long peakUsed = heap.peakUsedBytes();
      System.out.println();
      System.out.printf(Locale.ROOT, "peak heap used     %d MiB = %.2f x the 1 GiB target (%s), sampled every 20 ms"
          + " (garbage included); %d GCs, %.1f s in GC%n", peakUsed >> 20, peakUsed / (double) HEAP_TARGET,
          peakUsed <= HEAP_TARGET ? "met" : "MISSED", heap.collections(), heap.gcMillis() / 1e3);
      System.out.printf(Locale.ROOT, "longest history    %,d events over all sizes (target <= 10,240: %s)%n",
          maxHistory, maxHistory <= HISTORY_WARNING ? "met" : "MISSED");
      if (sizes.length > 1) {
        System.out.println(growth(sizes[0], trends.get(sizes[0]), sizes[sizes.length - 1],
            trends.get(sizes[sizes.length - 1])));
      }
      System.out.printf(Locale.ROOT, "dev server RSS     peak %s (separate process, for reference)%n",
          peakRss(server.temporalPid()));
      System.out.println("end: " + RunStamp.header());
    }
  }

  /** The verdict on heap growth: the largest size's max heap after GC against the smallest's. */
  static String growth(int small, HeapTrend atSmall, int large, HeapTrend atLarge) {
    if (atSmall.samples() == 0 || atLarge.samples() == 0) {
      return "heap growth        not judged: no collection during one of the sizes (give a smaller -Xmx)";
    }
    double factor = atLarge.maxBytes() / (double) atSmall.maxBytes();
    return String.format(Locale.ROOT, "heap growth        %,d rows: max %d MiB after GC; %,d rows (x%.0f): max %d MiB"
        + " = x%.2f (target: within x%.1f, the heap does not grow with N: %s); medians %d -> %d MiB", small,
        atSmall.maxBytes() >> 20, large, large / (double) small, atLarge.maxBytes() >> 20, factor,
        HEAP_GROWTH_TARGET, factor <= HEAP_GROWTH_TARGET ? "met" : "MISSED", atSmall.medianBytes() >> 20,
        atLarge.medianBytes() >> 20);
  }

  /** VmHWM of a process, from /proc. */
  private static String peakRss(long pid) {
    try {
      return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream().filter(l -> l.startsWith("VmHWM"))
          .map(l -> l.replaceAll("\\s+", " ").substring(7)).findFirst().orElse("unknown");
    } catch (Exception e) {
      return "unknown (" + e.getMessage() + ")";
    }
  }

  static int arg(String[] args, int i, int fallback) {
    return args.length > i ? Integer.parseInt(args[i]) : fallback;
  }
}
