package io.nightshift.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskState;
import io.nightshift.core.table.Csv;
import io.nightshift.core.table.Table;
import io.nightshift.runtime.temporal.TemporalProbe;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Production shape on one machine: {@code nightshift temporal}, two {@code nightshift worker}s and
 * {@code nightshift api} as separate processes. One worker is SIGKILLed in the middle of a map step and a
 * replacement starts: the task completes, every item's result is present exactly once, and only chunks that
 * were in flight at the kill ran twice.
 */
class SeparateRolesIT {
  private static final int ITEMS = 38; // rows of the shipped approved_drugs.csv
  private static final int WINDOW = 4;
  private static final Pattern CHUNK_RUN = Pattern.compile("running step 'boot\\[(\\d+)]' of task ");
  private static final Pattern CHUNK_DONE = Pattern.compile("finished step 'boot\\[(\\d+)]' of task ");

  @Test
  void shouldFinishMapWithEachItemOnceWhenOneOfTwoWorkersIsKilled() throws Exception {
    Path dir = ItData.newDir(getClass());
    Path logs = dir.resolve("logs");
    int temporalPort = RuntimeProcess.freePort();
    int apiPort = RuntimeProcess.freePort();
    String address = "127.0.0.1:" + temporalPort;
    List<String> shared = List.of("--data-dir", dir.toString(), "--tools-dir", RuntimeProcess.TOOLS_CACHE.toString());
    List<RoleProcess> all = new ArrayList<>();
    try {
      all.add(RoleProcess.start(logs.resolve("temporal.out"), RoleProcess.args(shared, "temporal", "--temporal-server", "DEV",
          "--temporal-port", String.valueOf(temporalPort), "--temporal-ui-port",
          String.valueOf(RuntimeProcess.freePort()))));
      assertThat(TemporalProbe.awaitReady(address, Duration.ofMinutes(2), null)).as("temporal role serving").isTrue();
      RoleProcess workerA = RoleProcess.start(logs.resolve("worker-a.out"), RoleProcess.args(shared, "worker",
          "--temporal-address", address));
      RoleProcess workerB = RoleProcess.start(logs.resolve("worker-b.out"), RoleProcess.args(shared, "worker",
          "--temporal-address", address));
      all.add(workerA);
      all.add(workerB);
      all.add(RoleProcess.start(logs.resolve("api.out"), RoleProcess.args(shared, "api", "--temporal-address", address,
          "--api-port", String.valueOf(apiPort), "--ui-port", String.valueOf(RuntimeProcess.freePort()))));
      ApiClient api = new ApiClient(AdminTokenChannel.to(apiPort, dir));
      String id = submitWhenServing(api);

      RoleProcess victim = awaitKillMoment(all, List.of(workerA, workerB));
      victim.kill9(); // with chunks of its own in flight (which worker gets work is up to Temporal's matching)
      all.add(RoleProcess.start(logs.resolve("worker-c.out"), RoleProcess.args(shared, "worker", "--temporal-address", address)));

      Task done = api.awaitTask(id, t -> t.getState() == TaskState.TASK_STATE_SUCCEEDED
          || t.getState() == TaskState.TASK_STATE_FAILED, Duration.ofMinutes(5));
      assertThat(done.getState()).as(done.toString()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);

      Table result = Csv.parse(api.readArtifact(id, done.getResult().getDigest()));
      Table input = Csv.parse(new String(getClass().getResourceAsStream("/nightshift/data/approved_drugs.csv")
          .readAllBytes(), StandardCharsets.UTF_8));
      List<String> expected = new ArrayList<>();
      input.rows().forEach(r -> expected.addAll(List.of(r.get(0) + "/mean", r.get(0) + "/median")));
      assertThat(result.rows()).extracting(r -> r.get(0) + "/" + r.get(1)).containsExactlyElementsOf(expected);

      Map<Integer, Integer> runs = chunkRuns(all);
      assertThat(runs.keySet()).hasSize(ITEMS);
      int repeated = runs.values().stream().mapToInt(n -> n - 1).sum();
      assertThat(repeated).as("chunks run twice: only those in flight on the killed worker").isBetween(1, WINDOW);
    } finally {
      for (RoleProcess p : all) {
        p.close();
      }
    }
  }

  private static String submitWhenServing(ApiClient api) throws Exception {
    String yaml = """
        name: bootstrap-per-drug
        params: {resamples: "2000000"}
        steps:
          - {name: load, tool: data.read_csv, params: {source: "classpath:nightshift/data/approved_drugs.csv"}}
          - name: boot
            kind: map
            over: "${steps.load.output}"
            chunk_size: 1
            max_parallel: %d
            tool: stats.bootstrap
            params: {column: mw, group_by: name, resamples: "${params.resamples}"}
        """.formatted(WINDOW);
    return api.submitYamlWhenServing(yaml, Duration.ofMinutes(2));
  }

  /** Waits until the map is well under way, and returns a worker that is in the middle of a chunk. */
  private static RoleProcess awaitKillMoment(List<RoleProcess> processes, List<RoleProcess> workers)
      throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
    while (System.nanoTime() < deadline) {
      if (chunkRuns(processes).size() >= 8) {
        for (RoleProcess w : workers) {
          String log = w.log();
          if (count(CHUNK_RUN, log) > count(CHUNK_DONE, log)) {
            return w;
          }
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("no worker had a chunk in flight after 8 chunks had started");
  }

  private static int count(Pattern p, String text) {
    Matcher m = p.matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  /** Chunk index to how many times a worker started it, from the workers' own logs. */
  private static Map<Integer, Integer> chunkRuns(List<RoleProcess> processes) throws Exception {
    Map<Integer, Integer> runs = new HashMap<>();
    for (RoleProcess p : processes) {
      Matcher m = CHUNK_RUN.matcher(p.log());
      while (m.find()) {
        runs.merge(Integer.parseInt(m.group(1)), 1, Integer::sum);
      }
    }
    return runs;
  }
}
