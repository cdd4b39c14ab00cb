package io.nightshift.bench.cluster;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskState;
import io.nightshift.core.table.Csv;
import io.nightshift.core.table.Table;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;

/**
 * The chaos soak: continuous mixed load on the production shape on one machine (dev server, api, W workers, each
 * its own JVM) while every few minutes one of them, a worker, the api or the dev server, is SIGKILLed and started
 * again; then the accounting of every task the API accepted. See {@link io.nightshift.bench.ChaosSoakBench}.
 */
public final class ChaosSoak {
  private static final long TICK_MS = 500;
  private static final long HEAP_EVERY_MS = 30_000;
  private static final long APPROVAL_DELAY_MAX_MS = 20_000;

  /**
   * @param minutes       how long tasks are submitted and kills happen
   * @param killMinSeconds shortest wait between two kills
   * @param killMaxSeconds longest wait between two kills
   * @param seed          of every random choice (kill times, targets, approval delays)
   * @param workers       worker processes kept running
   * @param inFlight      tasks submitted and not yet ended, at most
   * @param drainMinutes  how long to wait at the end for the tasks still in flight
   */
  public record Settings(double minutes, int killMinSeconds, int killMaxSeconds, long seed, int workers,
      int inFlight, double drainMinutes) {
    public Settings {
      if (!(minutes > 0) || killMinSeconds < 1 || killMaxSeconds < killMinSeconds || workers < 1 || inFlight < 1
          || !(drainMinutes > 0)) {
        throw new IllegalArgumentException("need minutes > 0, 1 <= killMin <= killMax, workers >= 1, inFlight >= 1,"
            + " drainMinutes > 0");
      }
    }
  }

  /** A task the soak submitted and has not seen end yet. */
  private static final class Tracked {
    final SoakMix.Kind kind;
    final List<String> items;
    long approveAt = -1;

    Tracked(SoakMix.Kind kind, List<String> items) {
      this.kind = kind;
      this.items = items;
    }
  }

  /**
   * @param modelCallsOpen model calls the scripted endpoint had received and not yet answered at the kill: calls any
   *                       process had open, so an upper bound on the ones the kill can have cut off
   */
  private record Kill(double atSeconds, String target, int stepsInFlight, int modelCallsOpen, double restartSeconds) {}

  private record Heap(double atSeconds, String worker, long usedMib) {}

  private final Settings s;
  private final Random random;
  private final Map<String, Tracked> tracked = new LinkedHashMap<>();
  private final SoakTally tally = new SoakTally();
  private final List<String> itemsSubmitted = new ArrayList<>();
  private final List<String> itemsReturned = new ArrayList<>();
  private final Map<SoakMix.Kind, List<Long>> taskMillis = new EnumMap<>(SoakMix.Kind.class);
  private final List<Kill> kills = new ArrayList<>();
  private final List<Heap> heap = new ArrayList<>();
  private final List<String> targets = new ArrayList<>();
  private ScriptedOpenAiServer model;
  private int submitRefusals;
  private int approvals;
  private long startMillis;

  private ChaosSoak(Settings s) {
    this.s = s;
    this.random = new Random(s.seed());
  }

  /** Runs the soak and prints its report; true when nothing was lost and every map item came back exactly once. */
  public static boolean run(Settings s) throws Exception {
    return new ChaosSoak(s).run();
  }

  private boolean run() throws Exception {
    Path dir = Files.createTempDirectory("nightshift-chaos-soak-");
    System.out.printf(Locale.ROOT, "machine: %s %s, %d cores; load average %.2f at start%n",
        System.getProperty("os.name"), System.getProperty("os.arch"), Runtime.getRuntime().availableProcessors(),
        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    System.out.printf(Locale.ROOT, "soak: %.1f min of load, a SIGKILL every %d-%d s (worker, api or dev server, each"
        + " kind once per round of three in random order), seed %d, %d workers, %d tasks in flight at most, drain cap"
        + " %.1f min; data dir %s%n", s.minutes(), s.killMinSeconds(), s.killMaxSeconds(), s.seed(), s.workers(),
        s.inFlight(), s.drainMinutes(), dir);
    try (ScriptedOpenAiServer model = ScriptedOpenAiServer.start("scripted-model").withCapacity(4)
        .otherwise(ScriptedReply.slow(Duration.ofMillis(1500), ScriptedReply.text("done")))) {
      this.model = model;
      Path models = Files.writeString(dir.resolve("models.yaml"), "endpoints:\n  - id: " + SoakMix.MODEL_ID
          + "\n    base_url: " + model.baseUrl() + "\n    model: scripted-model\n    max_concurrency: 4\n");
      System.out.println("mix in turn: map of 8 simulated.work items (1 unit of a K=2 pool for 2 s each, chunk 1,"
          + " max_parallel 4); agent step on a scripted OpenAI-compatible endpoint (1.5 s a reply, 4 at once); load +"
          + " table.describe with approval: required, approved by this loop after 1-20 s");
      try (LocalCluster cluster = LocalCluster.start(dir, 2, List.of("--models", models.toString()));
          AdminApi api = new AdminApi(cluster.apiPort(), cluster.dataDir())) {
        for (int i = 0; i < s.workers(); i++) {
          cluster.addWorker();
        }
        soak(cluster, api, new SoakMix(cluster.dataDir().resolve("inputs"), 8, 2.0));
        return report(cluster);
      }
    }
  }

  private void soak(LocalCluster cluster, AdminApi api, SoakMix mix) throws Exception {
    startMillis = System.currentTimeMillis();
    long end = startMillis + (long) (s.minutes() * 60_000);
    long drainEnd = end + (long) (s.drainMinutes() * 60_000);
    long nextKill = startMillis + nextKillDelay();
    long nextHeap = startMillis;
    while (true) {
      long now = System.currentTimeMillis();
      if (now >= end && (tracked.isEmpty() || now >= drainEnd)) {
        break;
      }
      if (now < end) {
        topUp(api, mix);
      }
      poll(api);
      if (now >= nextHeap) {
        sampleHeap(cluster);
        nextHeap = now + HEAP_EVERY_MS;
      }
      if (now < end && now >= nextKill) {
        kill(cluster);
        nextKill = System.currentTimeMillis() + nextKillDelay();
      }
      Thread.sleep(TICK_MS);
    }
    for (Map.Entry<String, Tracked> e : tracked.entrySet()) { // past the drain cap
      tally.ended(e.getValue().kind, fateOfUnfinished(api, e.getKey()));
    }
  }

  private long nextKillDelay() {
    return 1000L * (s.killMinSeconds() + random.nextInt(s.killMaxSeconds() - s.killMinSeconds() + 1));
  }

  private void topUp(AdminApi api, SoakMix mix) throws Exception {
    while (tracked.size() < s.inFlight()) {
      SoakMix.Next next = mix.next();
      String id;
      try {
        id = api.submit(next.yaml(), 180_000);
      } catch (StatusRuntimeException e) {
        submitRefusals++; // not accepted, so not in the accounting: said in the report
        System.out.println("  submit refused after 180 s of retries: " + e.getStatus());
        return;
      }
      tracked.put(id, new Tracked(next.kind(), next.items()));
      tally.accepted(next.kind());
    }
  }

  private void poll(AdminApi api) {
    for (var it = tracked.entrySet().iterator(); it.hasNext(); ) {
      Map.Entry<String, Tracked> e = it.next();
      Tracked t = e.getValue();
      Task view;
      try {
        view = api.getOrNullUnlessUnknown(e.getKey());
      } catch (StatusRuntimeException notFound) {
        tally.ended(t.kind, SoakTally.Fate.UNKNOWN);
        System.out.println("  LOST: the store does not know task " + e.getKey() + " (" + t.kind + ")");
        it.remove();
        continue;
      }
      if (view == null) {
        continue; // api or dev server down: ask again next tick
      }
      if (terminal(view.getState())) {
        ended(api, view, t);
        it.remove();
      } else if (t.kind == SoakMix.Kind.GATE && view.containsAwaiting(SoakMix.GATED_STEP)) {
        approveWhenDue(api, e.getKey(), t);
      }
    }
  }

  private void approveWhenDue(AdminApi api, String id, Tracked t) {
    long now = System.currentTimeMillis();
    if (t.approveAt < 0) {
      t.approveAt = now + 1000 + (long) (random.nextDouble() * (APPROVAL_DELAY_MAX_MS - 1000));
    } else if (now >= t.approveAt) {
      try {
        api.approve(id, SoakMix.GATED_STEP);
        approvals++;
      } catch (StatusRuntimeException e) {
        if (e.getStatus().getCode() != Status.Code.FAILED_PRECONDITION
            && e.getStatus().getCode() != Status.Code.UNAVAILABLE
            && e.getStatus().getCode() != Status.Code.DEADLINE_EXCEEDED) {
          System.out.println("  approve of " + id + " refused: " + e.getStatus());
        }
      }
      t.approveAt = now + 5000; // a view that still shows it waiting (stale, or the decision lost in a kill): again
    }
  }

  private void ended(AdminApi api, Task view, Tracked t) {
    if (view.getState() != TaskState.TASK_STATE_SUCCEEDED) {
      tally.ended(t.kind, SoakTally.Fate.FAILED);
      System.out.println("  task " + view.getId() + " (" + t.kind + ") ended " + view.getState() + ": "
          + view.getError());
      return;
    }
    tally.ended(t.kind, SoakTally.Fate.COMPLETED);
    taskMillis.computeIfAbsent(t.kind, k -> new ArrayList<>()).add(millis(view.getEndedAt())
        - millis(view.getCreatedAt()));
    if (t.kind == SoakMix.Kind.MAP) {
      itemsSubmitted.addAll(t.items);
      Table result = Csv.parse(readResult(api, view));
      int idColumn = result.column("id");
      result.rows().forEach(r -> itemsReturned.add(r.get(idColumn)));
    }
  }

  private static String readResult(AdminApi api, Task view) {
    for (int attempt = 1; ; attempt++) {
      try {
        return api.readArtifact(view.getId(), view.getResult().getDigest());
      } catch (StatusRuntimeException e) {
        if (attempt >= 120) {
          throw e;
        }
        sleep(1000); // api or dev server restarting
      }
    }
  }

  private SoakTally.Fate fateOfUnfinished(AdminApi api, String id) {
    try {
      return api.getOrNullUnlessUnknown(id) == null ? SoakTally.Fate.UNKNOWN : SoakTally.Fate.RUNNING;
    } catch (StatusRuntimeException notFound) {
      return SoakTally.Fate.UNKNOWN;
    }
  }

  private void kill(LocalCluster cluster) throws Exception {
    if (targets.isEmpty()) {
      targets.addAll(List.of("worker", "api", "temporal"));
      Collections.shuffle(targets, random);
    }
    String target = targets.remove(0);
    double at = seconds(System.currentTimeMillis());
    long t0 = System.nanoTime();
    int inFlight = 0;
    // an api kill cuts no model call: the api runs no activities
    int modelCallsOpen = target.equals("api") ? 0 : model.unansweredRequests();
    switch (target) {
      case "worker" -> {
        List<RoleJvm> live = cluster.workers();
        RoleJvm victim = live.get(random.nextInt(live.size()));
        cluster.killWorker(victim);
        inFlight = StepLog.inFlight(victim.log());
        target = victim.name();
        t0 = System.nanoTime();
        cluster.addWorker();
      }
      case "api" -> cluster.killAndRestartApi();
      default -> {
        // a step in flight anywhere may finish while the store is down, its completion refused, and run again
        for (RoleJvm w : cluster.workers()) {
          inFlight += StepLog.inFlight(w.log());
        }
        cluster.killAndRestartTemporal();
        target = "temporal dev server";
      }
    }
    Kill k = new Kill(at, target, inFlight, modelCallsOpen, (System.nanoTime() - t0) / 1e9);
    kills.add(k);
    System.out.printf(Locale.ROOT, "  t=%6.0f s  kill -9 %-20s %3d tool steps and %d model calls in flight, back in"
        + " %5.1f s; %d tasks in flight%n", k.atSeconds(), k.target(), k.stepsInFlight(), k.modelCallsOpen(),
        k.restartSeconds(), tracked.size());
  }

  private void sampleHeap(LocalCluster cluster) throws InterruptedException {
    double at = seconds(System.currentTimeMillis());
    for (RoleJvm w : cluster.workers()) {
      OptionalLong kib = HeapSample.readKib(w.pid());
      if (kib.isPresent()) {
        heap.add(new Heap(at, w.name(), kib.getAsLong() >> 10));
      }
    }
  }

  private boolean report(LocalCluster cluster) throws IOException {
    System.out.printf(Locale.ROOT, "%nafter %.1f min (load %.1f min, then the drain):%n",
        seconds(System.currentTimeMillis()) / 60, s.minutes());
    System.out.printf("%-6s %9s %9s %7s %13s %5s%n", "kind", "submitted", "completed", "failed", "still running",
        "lost");
    for (SoakMix.Kind k : SoakMix.Kind.values()) {
      int lost = tally.submitted(k) - tally.count(k, SoakTally.Fate.COMPLETED) - tally.count(k, SoakTally.Fate.FAILED)
          - tally.count(k, SoakTally.Fate.RUNNING);
      System.out.printf("%-6s %9d %9d %7d %13d %5d%n", k.name().toLowerCase(Locale.ROOT), tally.submitted(k),
          tally.count(k, SoakTally.Fate.COMPLETED), tally.count(k, SoakTally.Fate.FAILED),
          tally.count(k, SoakTally.Fate.RUNNING), lost);
    }
    System.out.printf("%-6s %9d %9d %7d %13d %5d%n", "all", tally.submitted(), tally.count(SoakTally.Fate.COMPLETED),
        tally.count(SoakTally.Fate.FAILED), tally.count(SoakTally.Fate.RUNNING), tally.lost());
    System.out.println("submissions refused after 180 s of retries (never accepted, so not above): " + submitRefusals
        + "; approvals sent: " + approvals);
    ItemTally items = ItemTally.of(itemsSubmitted, itemsReturned);
    System.out.println("map items of the completed map tasks: " + items);

    List<String> logs = new ArrayList<>();
    for (RoleJvm w : cluster.everyWorkerEverStarted()) {
      logs.add(w.log());
    }
    int reRuns = StepLog.reExecutions(logs);
    int allowance = kills.stream().mapToInt(Kill::stepsInFlight).sum();
    System.out.printf("kills: %d (%d worker, %d api, %d dev server)%n", kills.size(),
        kills.stream().filter(k -> k.target().startsWith("worker")).count(),
        kills.stream().filter(k -> k.target().equals("api")).count(),
        kills.stream().filter(k -> k.target().startsWith("temporal")).count());
    System.out.printf("tool step re-executions (starts beyond the first, all worker logs): %d; tool steps in flight"
        + " at the kills: %d; beyond those: %d%n", reRuns, allowance, Math.max(0, reRuns - allowance));
    int modelReRuns = AgentCalls.reExecutions(model.chatRequests().stream().map(r -> r.body()).toList());
    int modelAllowance = kills.stream().mapToInt(Kill::modelCallsOpen).sum();
    System.out.printf("agent model call re-executions (chat requests beyond one per agent task, at the scripted"
        + " endpoint): %d; model calls open at the kills: %d; beyond those: %d%n", modelReRuns, modelAllowance,
        Math.max(0, modelReRuns - modelAllowance));

    List<Long> durations = new ArrayList<>();
    logs.forEach(l -> durations.addAll(StepLog.durationsMillis(l)));
    if (!durations.isEmpty()) {
      Percentiles p = new Percentiles(durations);
      System.out.printf("tool step latency (the workers' own 'finished step ... in N ms' log lines, %d steps): p50 %d"
          + " ms, p99 %d ms%n", p.count(), p.at(50), p.at(99));
    }
    for (Map.Entry<SoakMix.Kind, List<Long>> e : taskMillis.entrySet()) {
      Percentiles p = new Percentiles(e.getValue());
      System.out.printf("task latency, %s (created to ended, completed tasks, %d): p50 %.1f s, p99 %.1f s%n",
          e.getKey().name().toLowerCase(Locale.ROOT), p.count(), p.at(50) / 1000.0, p.at(99) / 1000.0);
    }
    System.out.println("worker heap used (jcmd GC.heap_info, every 30 s; -Xmx384m), MiB:");
    Map<Double, StringBuilder> rows = new LinkedHashMap<>();
    for (Heap h : heap) {
      rows.computeIfAbsent(h.atSeconds(), a -> new StringBuilder()).append(' ').append(h.worker()).append('=')
          .append(h.usedMib());
    }
    rows.forEach((at, row) -> System.out.printf(Locale.ROOT, "  t=%6.0f s %s%n", at, row));
    boolean ok = tally.lost() == 0 && items.exactlyOnce();
    System.out.println(ok ? "verdict: nothing lost, every map item exactly once"
        : "verdict: FAILED (lost " + tally.lost() + "; " + items + ")");
    return ok;
  }

  private double seconds(long epochMillis) {
    return (epochMillis - startMillis) / 1000.0;
  }

  private static long millis(com.google.protobuf.Timestamp t) {
    return t.getSeconds() * 1000 + t.getNanos() / 1_000_000;
  }

  private static boolean terminal(TaskState s) {
    return s == TaskState.TASK_STATE_SUCCEEDED || s == TaskState.TASK_STATE_FAILED
        || s == TaskState.TASK_STATE_CANCELLED;
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
