package io.nightshift.dist;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.StepState;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskState;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Durability on the official dev server: SIGKILL the runtime in the middle of a step, start it again on the same
 * data directory, and the task completes. Steps that had finished are not run again; the step in flight is
 * retried (Temporal's at-least-once), which the runtime's own log lets us count.
 */
class RestartIT {
  @Test
  void shouldCompleteTaskAfterRuntimeIsKilledMidStep() throws Exception {
    Path dir = ItData.newDir(getClass()).resolve("runtime-only");
    try (RuntimeProcess first = new RuntimeProcess(dir, "DEV").start()) {
      String id = startChainAndWaitForBoot2(first);
      first.killRuntime(); // its Temporal dev server lives on, as it would after an OOM kill
      try (RuntimeProcess second = first.sameDataDir().start()) {
        assertCompletedWithoutRedoingFinishedSteps(second, id);
        assertThat(second.log()).contains("already answers");
      }
    }
  }

  @Test
  void shouldCompleteTaskAfterWholeProcessTreeIsKilled() throws Exception {
    Path dir = ItData.newDir(getClass()).resolve("process-tree");
    try (RuntimeProcess first = new RuntimeProcess(dir, "DEV").start()) {
      String id = startChainAndWaitForBoot2(first);
      first.killProcessTree(); // runtime and Temporal server both gone: only the SQLite file remains
      try (RuntimeProcess second = first.sameDataDir().start()) {
        assertCompletedWithoutRedoingFinishedSteps(second, id);
      }
    }
  }

  private static String startChainAndWaitForBoot2(RuntimeProcess runtime) throws Exception {
    ApiClient api = new ApiClient(runtime.channel());
    String id = api.submitYaml(pipeline(), Map.of());
    api.awaitTask(id, t -> state(t, "boot2") == StepState.STEP_STATE_RUNNING, Duration.ofMinutes(2));
    Thread.sleep(500); // well inside boot2, which runs for seconds
    return id;
  }

  private static void assertCompletedWithoutRedoingFinishedSteps(RuntimeProcess runtime, String id)
      throws Exception {
    ApiClient api = new ApiClient(runtime.channel());
    Task done = api.awaitTask(id, t -> t.getState() != TaskState.TASK_STATE_RUNNING
        && t.getState() != TaskState.TASK_STATE_PLANNING, Duration.ofMinutes(4));
    assertThat(done.getState()).as(done.toString()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
    assertThat(api.readArtifact(id, done.getResult().getDigest())).startsWith("# Restart chain").contains("## QED");
    String log = runtime.log(); // both runtimes appended to the same file
    assertThat(executions(log, id, "load")).isEqualTo(1);
    assertThat(executions(log, id, "boot1")).isEqualTo(1);
    assertThat(executions(log, id, "boot2")).isBetween(1, 2); // in flight when killed: retried at most once
    assertThat(executions(log, id, "boot3")).isEqualTo(1);
  }

  private static int executions(String log, String taskId, String step) {
    Matcher m = Pattern.compile("running step '" + step + "' of task " + Pattern.quote(taskId) + " ").matcher(log);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  private static StepState state(Task t, String step) {
    return t.getStepsList().stream().filter(s -> s.getName().equals(step)).map(Step::getState).findFirst()
        .orElse(StepState.STEP_STATE_UNSPECIFIED);
  }

  private static String pipeline() throws IOException {
    try (InputStream in = RestartIT.class.getResourceAsStream("/pipelines/restart.yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
