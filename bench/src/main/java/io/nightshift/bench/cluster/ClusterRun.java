package io.nightshift.bench.cluster;

import io.nightshift.bench.engine.Stats;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** The cluster load benchmark's rounds (W = 1, 2, 3, then the kill run) and what it prints. */
public final class ClusterRun {
  private static final int MAX_WORKERS = 3;
  private static final long BATCH_TIMEOUT_MS = 15 * 60_000;

  /**
   * @param items          items per batch, spread evenly over {@code tasks} tasks
   * @param unitsPerWorker K: the units of each worker's pool, so at most K items run on one worker at once
   * @param stepSeconds    how long each item holds its unit
   * @param runs           batches per configuration (medians printed when more than one)
   * @param killApi        whether the kill run also SIGKILLs and restarts the api process
   */
  public record Settings(int items, int unitsPerWorker, double stepSeconds, int tasks, int runs, boolean killApi) {
    public Settings {
      if (items < tasks || tasks < 1 || unitsPerWorker < 1 || runs < 1 || !(stepSeconds > 0)) {
        throw new IllegalArgumentException("need items >= tasks >= 1, units >= 1, runs >= 1, step > 0");
      }
    }

    int itemsPerTask() {
      return items / tasks;
    }

    /** Each task's map window: together two items per unit of the largest cluster, so no unit waits on dispatch. */
    int window() {
      return Math.max(1, (2 * MAX_WORKERS * unitsPerWorker + tasks - 1) / tasks);
    }
  }

  private ClusterRun() {}

  public static void run(Settings s) throws IOException, InterruptedException {
    Path dir = Files.createTempDirectory("nightshift-cluster-bench-");
    System.out.printf(Locale.ROOT, "machine: %s %s, %d cores, %d MiB max heap here; load average %.2f at start%n",
        System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() >> 20, load());
    System.out.printf(Locale.ROOT, "cluster: 1 temporal (dev server) + 1 api + W worker JVMs on one data dir; pool of"
        + " K=%d SIMULATED units per worker; each item holds 1 unit for %.3f s%n", s.unitsPerWorker(), s.stepSeconds());
    System.out.printf(Locale.ROOT, "batch: %d tasks x %d items (map, chunk 1, max_parallel %d each), %d run(s) per"
        + " configuration%n%n", s.tasks(), s.itemsPerTask(), s.window(), s.runs());
    List<RoundFigures> medians = new ArrayList<>();
    int round = 0;
    try (LocalCluster cluster = LocalCluster.start(dir, s.unitsPerWorker());
        AdminApi api = new AdminApi(cluster.apiPort(), cluster.dataDir())) {
      System.out.printf("%-3s %8s %8s %11s %11s %7s %9s  %s%n", "W", "items", "wall s", "items/s", "capacity",
          "ratio", "speed-up", "checks");
      for (int w = 1; w <= MAX_WORKERS; w++) {
        cluster.addWorker();
        List<Double> walls = new ArrayList<>();
        for (int r = 0; r < s.runs(); r++) {
          Batch batch = new Batch("r" + (++round), s.tasks(), s.itemsPerTask(), s.stepSeconds(), s.window());
          Batch.Outcome o = batch.submit(cluster, api).await(api, cluster.everyWorkerEverStarted(), BATCH_TIMEOUT_MS);
          walls.add(o.wallSeconds());
          RoundFigures f = new RoundFigures(w, s.unitsPerWorker(), s.stepSeconds(), batch.items(), o.wallSeconds());
          if (s.runs() > 1) {
            System.out.printf(Locale.ROOT, "  run %d: %.1f s, %.2f items/s; %s%n", r + 1, o.wallSeconds(),
                f.itemsPerSecond(), checks(o));
          }
          if (r == s.runs() - 1) {
            RoundFigures m = new RoundFigures(w, s.unitsPerWorker(), s.stepSeconds(), batch.items(),
                Stats.median(walls));
            medians.add(m);
            System.out.printf(Locale.ROOT, "%-3d %8d %8.1f %11.2f %11.2f %7.3f %9.2f  %s; load %.2f%n", w,
                m.items(), m.wallSeconds(), m.itemsPerSecond(), m.capacity(), m.ratio(), m.speedUp(medians.get(0)),
                s.runs() > 1 ? "median of " + s.runs() : checks(o), load());
          }
        }
      }

      RoundFigures reference = medians.get(MAX_WORKERS - 1);
      System.out.printf(Locale.ROOT, "%nkill run: %d workers, SIGKILL of the worker with the most items in flight at"
          + " %.0f%% of the no-kill wall%s%n", MAX_WORKERS, 35.0, s.killApi()
          ? ", SIGKILL of the api process at 55% and a new api process started at once" : "");
      List<Double> walls = new ArrayList<>();
      for (int r = 0; r < s.runs(); r++) {
        while (cluster.workers().size() < MAX_WORKERS) {
          cluster.addWorker(); // the previous kill run's victim, replaced before the next
        }
        Batch batch = new Batch("k" + (++round), s.tasks(), s.itemsPerTask(), s.stepSeconds(), s.window());
        Batch.Running running = batch.submit(cluster, api);
        long wallMs = Math.round(reference.wallSeconds() * 1000);
        sleepUntil(running.startMillis() + wallMs * 35 / 100);
        RoleJvm victim = running.busiest(cluster.workers());
        cluster.killWorker(victim);
        String killed = victim.name();
        if (s.killApi()) {
          sleepUntil(running.startMillis() + wallMs * 55 / 100);
          long t0 = System.currentTimeMillis();
          cluster.killAndRestartApi();
          killed += String.format(Locale.ROOT, " and api (back serving after %.1f s)",
              (System.currentTimeMillis() - t0) / 1000.0);
        }
        Batch.Outcome o = running.await(api, cluster.everyWorkerEverStarted(), BATCH_TIMEOUT_MS);
        walls.add(o.wallSeconds());
        System.out.printf(Locale.ROOT, "  run %d: killed %s; tasks submitted %d, completed %d, failed %d; %s; item runs"
            + " %d (%d repeated); wall %.1f s = %.2f x the no-kill W=%d wall (%.1f s); %.2f items/s; load %.2f%n",
            r + 1, killed, o.submitted(), o.succeeded(), o.failed(), o.items(), o.itemRuns(),
            o.itemRuns() - batch.items(), o.wallSeconds(), o.wallSeconds() / reference.wallSeconds(), MAX_WORKERS,
            reference.wallSeconds(), batch.items() / o.wallSeconds(), load());
      }
      if (s.runs() > 1) {
        System.out.printf(Locale.ROOT, "kill run median wall %.1f s = %.2f x the no-kill%n", Stats.median(walls),
            Stats.median(walls) / reference.wallSeconds());
      }
      System.out.printf(Locale.ROOT, "load average %.2f at the end; logs were in %s%n", load(), dir.resolve("logs"));
    } finally {
      delete(dir);
    }
  }

  private static String checks(Batch.Outcome o) {
    return String.format(Locale.ROOT, "%d/%d tasks ok, %s, item runs %d", o.succeeded(), o.submitted(), o.items(),
        o.itemRuns());
  }

  private static void sleepUntil(long millis) throws InterruptedException {
    long left = millis - System.currentTimeMillis();
    if (left > 0) {
      Thread.sleep(left);
    }
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + dir + ": " + e);
    }
  }
}
