package io.nightshift.bench.gate;

import static io.nightshift.bench.baseline.BaselineWorkflow.Shape.PLAIN;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.bench.agents.ScriptedSaturation;
import io.nightshift.bench.baseline.BaselineTask;
import io.nightshift.bench.baseline.BaselineWorker;
import io.nightshift.bench.engine.BenchServer;
import io.nightshift.bench.engine.MapTask;
import io.nightshift.bench.engine.NoopTable;
import io.nightshift.bench.engine.Stats;
import io.nightshift.tools.registry.ToolRegistry;
import io.temporal.worker.WorkerFactory;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The performance regression gate: short versions of the per-item and saturation benchmarks on one shared runtime
 * (the Temporal dev server and the control worker in this JVM), each judged as a ratio against a reference taken in
 * the same run on the same machine, never as an absolute time. Bounds are generous on purpose: the gate catches a
 * large regression (an engine that got twice as slow per item, agent steps that stopped overlapping), not the few
 * percent the benchmarks in bench/README.md measure.
 *
 * <p><b>Per item</b> ({@value #ITEMS} no-op items): the Nightshift map step at chunk_size 1 (one tool activity per
 * item through the map tree) against the hand-written Temporal workflow of {@code baseline/} running the same tool
 * as many times in a window of the same width, after one discarded warm-up of each; {@value #PAIRS} pairs in
 * rotated order; the gate is the median of the pairs' ratios (Nightshift time / baseline time, the two run back to
 * back) {@code <=} {@value #MAX_PER_ITEM_RATIO}. Both arms are CPU-bound on the same cores, so load slows both.
 * Why 2.5: the overhead benchmark's 1,000-item diagnostic recorded per-run ratios of 1.10-1.96 (ratio of medians
 * 1.18), and at 10,000 items 0.85-1.33 per run once tuned (bench/README.md, "Overhead"). Runs of this gate on the shared 2-core
 * machine under load: ratios of medians 1.40 (load average 23-28) and 1.04 (32-41; one baseline run stalled for
 * minutes), then 3.13 while the load swung from 24 to 10 (the ratio of medians mixes runs minutes apart, hence the
 * pairs' ratios now), then pair ratios 1.99, 1.54 and 0.94 (median 1.54) at load 10. The median of three absorbs
 * one wild pair; an engine whose per-item cost doubled would sit near 3 and fail.
 *
 * <p><b>Saturation</b>: one task of {@value #AGENTS} one-call agent steps on the scripted endpoint with 4 slots and
 * a {@value #SERVICE_MILLIS} ms service time, whose true capacity is 4 / 1 s = 4 calls/s by construction;
 * {@value #SATURATION_RUNS} runs after a warm-up; the gate is the median whole-run rate / true capacity {@code >=}
 * {@value #MIN_CAPACITY_SHARE}. Steps that stopped overlapping (one call at a time, a bulkhead of one) could reach
 * 0.25 at most, so the bound sits above that. Why 1 s and not the benchmark's 200 ms: this check is not symmetric
 * under load (the reference needs almost no CPU, each agent step needs the engine's), and at 200 ms the engine must
 * turn 20 steps a second around; two runs of this gate at 200 ms and 60 agents on the shared 2-core machine, at load
 * averages of 20-23 and 41-44 (ten to twenty runnable threads per core), gave 0.19 and 0.13 of true capacity while
 * direct clients reached 0.70 and 0.64: the engine had 2.5-4 steps a second of CPU, short of 20 but above 4. At 1 s
 * the engine has 4 steps a second to turn around, so the check measures overlap (what it is for), not the machine's
 * spare CPU: its run here at a load average of 22-27 gave 0.72 (2.83-2.96 calls/s; direct clients 0.93). The full
 * benchmark (200 agents, 200 ms) keeps measuring the fine figure (0.78).
 */
class PerformanceGateIT {
  static final int ITEMS = 1_000;
  static final int WARMUP_ITEMS = 200;
  static final int PAIRS = 3;
  static final int WINDOW = 50;
  static final double MAX_PER_ITEM_RATIO = 2.5;
  static final int AGENTS = 32;
  static final int SERVICE_MILLIS = 1_000;
  /** The direct-client reference: 4 s of calls at capacity, enough for a rate, cheap in the suite. */
  static final int DIRECT_CALLS = 16;
  static final int SATURATION_RUNS = 2;
  static final int MAX_PARALLEL_STEPS = 32;
  static final double MIN_CAPACITY_SHARE = 0.35;

  @TempDir static Path dir;
  private static ScriptedSaturation endpoint;
  private static BenchServer runtime;
  private static WorkerFactory baseline;
  private static final String[] TABLES = new String[2];

  @BeforeAll
  static void startRuntime() throws Exception {
    endpoint = ScriptedSaturation.start(4, Duration.ofMillis(SERVICE_MILLIS));
    Path models = Files.writeString(dir.resolve("models.yaml"), endpoint.modelsYaml());
    // the dev server takes the frontend's port, its UI the next, the runtime's unused API the one after
    runtime = BenchServer.start(FreePorts.firstOf(3), inputs -> {
      TABLES[0] = NoopTable.write(inputs, ITEMS);
      TABLES[1] = NoopTable.write(inputs, WARMUP_ITEMS);
    }, Optional.empty(), Optional.of(models));
    baseline = BaselineWorker.start(runtime.client(), ToolRegistry.fromClassPath().find("table.filter").orElseThrow(),
        runtime.artifacts(), Files.createDirectories(dir.resolve("baseline-work")));
  }

  @AfterAll
  static void stopRuntime() throws Exception {
    if (baseline != null) {
      baseline.shutdown();
      baseline.awaitTermination(10, TimeUnit.SECONDS);
    }
    if (runtime != null) {
      runtime.close();
    }
    if (endpoint != null) {
      endpoint.close();
    }
  }

  @Test
  void shouldKeepPerItemTimeWithinTwoAndAHalfTimesTheHandWrittenTemporalWorkflowsInTheSameRun() throws Exception {
    String oneRow = runtime.artifacts().put("id,value\n0,0\n".getBytes(StandardCharsets.UTF_8), "text/csv").uri();
    String yaml = MapTask.pipeline(TABLES[0], 1, WINDOW);
    double loadBefore = load();
    // class loading, JIT and the server's caches, for both arms, before anything is timed
    MapTask.run(runtime.client(), runtime.artifacts(), "gate-warmup-ns", MapTask.pipeline(TABLES[1], 1, WINDOW),
        WARMUP_ITEMS);
    BaselineTask.run(runtime.client(), "gate-warmup-baseline", WARMUP_ITEMS, WINDOW, oneRow, PLAIN);
    List<Double> nightshift = new ArrayList<>();
    List<Double> hand = new ArrayList<>();
    List<Double> pairRatios = new ArrayList<>();
    for (int r = 0; r < PAIRS; r++) {
      // the two arms of a pair run back to back, the first of them rotating, so drift on a shared machine hits
      // both halves of a pair alike and does not always favour one arm
      double ns = 0;
      double base = 0;
      for (int k = 0; k < 2; k++) {
        if ((r + k) % 2 == 0) {
          ns = MapTask.run(runtime.client(), runtime.artifacts(), "gate-ns-" + r, yaml, ITEMS) / 1e9;
        } else {
          base = BaselineTask.run(runtime.client(), "gate-baseline-" + r, ITEMS, WINDOW, oneRow, PLAIN) / 1e9;
        }
      }
      nightshift.add(ns);
      hand.add(base);
      pairRatios.add(ns / base);
    }
    double ratio = Stats.median(pairRatios);
    String figures = String.format(Locale.ROOT, "per-item gate, %,d items at chunk_size 1, window %d: nightshift s %s,"
        + " baseline s %s, pair ratios %s, median pair ratio %.2f (gate <= %.1f: %s); load average %.1f -> %.1f",
        ITEMS, WINDOW, Stats.describe(nightshift, "%.2f"), Stats.describe(hand, "%.2f"), pairRatios.stream()
            .map(x -> String.format(Locale.ROOT, "%.2f", x)).toList(), ratio, MAX_PER_ITEM_RATIO,
        ratio <= MAX_PER_ITEM_RATIO ? "passed" : "FAILED", loadBefore, load());
    System.out.println(figures);
    assertThat(ratio).as(figures).isLessThanOrEqualTo(MAX_PER_ITEM_RATIO);
  }

  @Test
  void shouldKeepAScriptedEndpointAboveWhatOneCallAtATimeCouldReach() throws Exception {
    double loadBefore = load();
    endpoint.agentSteps(runtime.client(), "gate-warmup-agents", 8, MAX_PARALLEL_STEPS);
    List<Double> steps = new ArrayList<>();
    for (int r = 0; r < SATURATION_RUNS; r++) {
      steps.add(endpoint.agentSteps(runtime.client(), "gate-agents-" + r, AGENTS, MAX_PARALLEL_STEPS));
    }
    double direct = endpoint.direct(dir.resolve("models.yaml"), DIRECT_CALLS);
    double share = Stats.median(steps) / endpoint.trueCapacity();
    String figures = String.format(Locale.ROOT, "saturation gate, %d one-call agent steps per run, scripted endpoint"
        + " 4 slots x %d ms = %.0f calls/s true capacity: agent steps calls/s %s = %.2f of true capacity (gate >= %.2f:"
        + " %s); direct clients (reference, not gated) %.2f calls/s = %.2f; load average %.1f -> %.1f", AGENTS,
        SERVICE_MILLIS, endpoint.trueCapacity(), Stats.describe(steps, "%.2f"), share, MIN_CAPACITY_SHARE,
        share >= MIN_CAPACITY_SHARE ? "passed" : "FAILED", direct, direct / endpoint.trueCapacity(), loadBefore,
        load());
    System.out.println(figures);
    assertThat(share).as(figures).isGreaterThanOrEqualTo(MIN_CAPACITY_SHARE);
  }

  private static double load() {
    return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
  }
}
