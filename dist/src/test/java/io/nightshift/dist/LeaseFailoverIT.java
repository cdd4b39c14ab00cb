package io.nightshift.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskState;
import io.nightshift.runtime.temporal.TemporalProbe;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A worker holding a pool is SIGKILLed while a step runs there on a lease of all its 8 units: the step moves to
 * the other pool and finishes, and once a worker for the first pool is back, its 8 units are free again (leases
 * live in the process that holds the pool, so they die with it). Separate processes for Temporal, the API and one
 * worker per pool, as production runs them; the pools are the labelled simulator.
 */
class LeaseFailoverIT {
  private static final String TRAIN = """
      name: train
      placement: {policy: cheapest}
      steps:
        - {name: load, tool: data.read_csv, params: {source: "classpath:nightshift/data/approved_drugs.csv"}}
        - name: train
          tool: stats.bootstrap
          requires: {kind: nvidia_gpu, units: 8}
          heartbeat_timeout: 3s
          params: {input: "${steps.load.output}", column: mw, resamples: "%s"}
      """;

  @Test
  void shouldMoveAStepOffAKilledWorkersPoolAndGetThePoolsUnitsBackWithANewWorker() throws Exception {
    Path dir = ItData.newDir(getClass());
    Files.createDirectories(dir);
    Path logs = dir.resolve("logs");
    Path cheap = pools(dir.resolve("cheap.yaml"), "gpu-cheap", "1.0");
    Path dear = pools(dir.resolve("dear.yaml"), "gpu-dear", "9.0");
    Path both = dir.resolve("both.yaml");
    Files.writeString(both, Files.readString(cheap) + Files.readString(dear).replace("pools:\n", ""));
    int temporalPort = RuntimeProcess.freePort();
    int apiPort = RuntimeProcess.freePort();
    String address = "127.0.0.1:" + temporalPort;
    List<String> shared = List.of("--data-dir", dir.resolve("data").toString(), "--tools-dir",
        RuntimeProcess.TOOLS_CACHE.toString(), "--temporal-address", address);
    List<RoleProcess> all = new ArrayList<>();
    try {
      all.add(RoleProcess.start(logs.resolve("temporal.out"), List.of("temporal", "--data-dir",
          dir.resolve("data").toString(), "--tools-dir", RuntimeProcess.TOOLS_CACHE.toString(), "--temporal-server",
          "DEV", "--temporal-port", String.valueOf(temporalPort), "--temporal-ui-port",
          String.valueOf(RuntimeProcess.freePort()))));
      assertThat(TemporalProbe.awaitReady(address, Duration.ofMinutes(2), null)).as("temporal role serving").isTrue();
      RoleProcess cheapWorker = RoleProcess.start(logs.resolve("worker-cheap.out"), RoleProcess.args(shared, "worker",
          "--backends", cheap.toString()));
      all.add(cheapWorker);
      RoleProcess dearWorker = RoleProcess.start(logs.resolve("worker-dear.out"), RoleProcess.args(shared, "worker",
          "--backends", dear.toString()));
      all.add(dearWorker);
      all.add(RoleProcess.start(logs.resolve("api.out"), RoleProcess.args(shared, "api", "--backends", both.toString(),
          "--api-port", String.valueOf(apiPort), "--ui-port", "0")));
      ApiClient api = new ApiClient(AdminTokenChannel.to(apiPort, dir.resolve("data")));

      // the kill lands within ~100 ms of the lease line (a 50 ms log poll, then SIGKILL), so the step only has to
      // outlast that on the cheap pool: 1M resamples run for seconds there. The same step then runs in full on the
      // dear pool after the kill, where 3M cost 3 x as long for nothing (37.2 s against 13.1 s at a load of ~30).
      String id = api.submitYamlWhenServing(TRAIN.formatted("1000000"), Duration.ofMinutes(2));
      awaitLog(cheapWorker, "pool gpu-cheap leased [0, 1, 2, 3, 4, 5, 6, 7] to " + id + "/train#1");
      cheapWorker.kill9();

      Task done = api.awaitTask(id, t -> t.getState() == TaskState.TASK_STATE_SUCCEEDED
          || t.getState() == TaskState.TASK_STATE_FAILED, Duration.ofMinutes(4));
      assertThat(done.getState()).as(done.toString()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
      Step train = done.getStepsList().stream().filter(s -> s.getName().equals("train")).findFirst().orElseThrow();
      assertThat(train.getPool()).isEqualTo("gpu-dear");
      assertThat(train.getPlacement()).contains("after gpu-cheap");
      assertThat(dearWorker.log()).contains("pool gpu-dear leased [0, 1, 2, 3, 4, 5, 6, 7] to " + id + "/train#");

      // a new worker for the cheap pool: the killed worker's lease died with it, so all 8 units are free again
      RoleProcess back = RoleProcess.start(logs.resolve("worker-cheap-2.out"), RoleProcess.args(shared, "worker",
          "--backends", cheap.toString()));
      all.add(back);
      String again = api.submitYaml(TRAIN.formatted("1000"), Map.of());
      Task second = api.awaitTask(again, t -> t.getState() == TaskState.TASK_STATE_SUCCEEDED
          || t.getState() == TaskState.TASK_STATE_FAILED, Duration.ofMinutes(2));
      assertThat(second.getState()).as(second.toString()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
      assertThat(second.getStepsList()).filteredOn(s -> s.getName().equals("train")).singleElement()
          .satisfies(s -> assertThat(s.getPool()).isEqualTo("gpu-cheap"));
      assertThat(back.log()).contains("pool gpu-cheap leased [0, 1, 2, 3, 4, 5, 6, 7] to " + again + "/train#1");
    } finally {
      for (RoleProcess p : all) {
        p.close();
      }
    }
  }

  /**
   * A pool of 8 simulated units. After the kill, the step's retry on the dead pool's queue, and then the failover's
   * inventory call there, each wait the pool's pickup timeout for a worker: 5 s rather than the default 30 s, since
   * the pool's live workers take a call at once (they wait at the pool's gate, not in Temporal's queue). The pool's
   * workers report it in their inventory.
   */
  private static Path pools(Path file, String id, String price) throws Exception {
    Files.writeString(file, """
        pools:
          - id: %s
            type: simulated
            pickup_timeout_seconds: 5
            properties: {devices: 8, price-per-unit-hour: %s}
        """.formatted(id, price));
    return file;
  }

  private static void awaitLog(RoleProcess process, String line) throws Exception {
    long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
    while (!process.log().contains(line)) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("no '" + line + "' in the log:\n" + process.log());
      }
      Thread.sleep(50);
    }
  }
}
