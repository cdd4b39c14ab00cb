package io.nightshift.bench;

import io.nightshift.bench.engine.BenchServer;
import io.nightshift.bench.engine.HeapSampler;
import io.nightshift.bench.engine.HistoryCensus;
import io.nightshift.bench.engine.MapTask;
import io.nightshift.bench.engine.NoopTable;
import io.nightshift.bench.engine.Stats;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Scale: one task whose map step runs no-op work ({@code table.filter} keeping every row) over a large generated
 * table, on the official Temporal dev server started by a real runtime, worker in this process. Prints wall time,
 * items/s, the longest history of any execution of the task (TaskWorkflow and every MapWorkflow run) against
 * Temporal's 10,240-event warning, and this JVM's peak heap against the 1 GiB target.
 *
 * <p>Usage: {@code MapScaleBench [rows=100000] [chunkSize=100] [maxParallel=50] [runs=3] [temporalPort=27233]}
 */
public final class MapScaleBench {
  static final long HISTORY_WARNING = 10_240;
  static final long HEAP_TARGET = 1L << 30;

  private MapScaleBench() {}

  public static void main(String[] args) throws Exception {
    int rows = arg(args, 0, 100_000);
    int chunkSize = arg(args, 1, 100);
    int maxParallel = arg(args, 2, 50);
    int runs = arg(args, 3, 3);
    int port = arg(args, 4, 27233);
    String[] file = new String[1];
    try (BenchServer server = BenchServer.start(port, dir -> file[0] = NoopTable.write(dir, rows));
         HeapSampler heap = HeapSampler.start()) {
      String yaml = MapTask.pipeline(file[0], chunkSize, maxParallel);
      int chunks = (rows + chunkSize - 1) / chunkSize;
      System.out.printf(Locale.ROOT, "map of %,d rows, chunk_size %d (%,d tool activities), max_parallel %d;"
          + " %d runs; -Xmx %d MiB; %d cores%n", rows, chunkSize, chunks, maxParallel, runs,
          HeapSampler.maxHeapBytes() >> 20, Runtime.getRuntime().availableProcessors());
      List<Double> seconds = new ArrayList<>();
      List<Double> rates = new ArrayList<>();
      long maxHistory = 0;
      for (int r = 1; r <= runs; r++) {
        String taskId = "scale-" + r;
        double s = MapTask.run(server.client(), server.artifacts(), taskId, yaml, rows) / 1e9;
        HistoryCensus.Result census = HistoryCensus.of(server.stubs(), BenchServer.NAMESPACE, taskId);
        maxHistory = Math.max(maxHistory, census.maxHistory());
        seconds.add(s);
        rates.add(rows / s);
        System.out.printf(Locale.ROOT, "run %d: %.1f s, %,.0f items/s, %,.0f activities/s; %d executions,"
            + " %,d events in all, longest history %,d events: %s%n", r, s, rows / s, chunks / s,
            census.executions(), census.totalEvents(), census.maxHistory(), census.largest());
      }
      long peakUsed = heap.peakUsedBytes();
      long afterGc = heap.peakAfterGcBytes();
      System.out.println();
      System.out.println("wall time s        " + Stats.describe(seconds, "%.1f"));
      System.out.println("items/s            " + Stats.describe(rates, "%,.0f"));
      System.out.printf(Locale.ROOT, "longest history    %,d events = %.2f x the 10,240-event warning (%s)%n",
          maxHistory, maxHistory / (double) HISTORY_WARNING, maxHistory <= HISTORY_WARNING ? "met" : "MISSED");
      System.out.printf(Locale.ROOT, "peak heap used     %d MiB = %.2f x the 1 GiB target (%s); largest heap left"
          + " after a GC %d MiB; %d GCs, %.1f s in GC%n", peakUsed >> 20, peakUsed / (double) HEAP_TARGET,
          peakUsed <= HEAP_TARGET ? "met" : "MISSED", afterGc >> 20, heap.collections(), heap.gcMillis() / 1e3);
      System.out.printf(Locale.ROOT, "dev server RSS     peak %s (separate process, for reference)%n",
          peakRss(server.temporalPid()));
    }
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
