package io.nightshift.workflows.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.pipeline.PlacementSpec;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.Requirements;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.workflows.activities.HeldUnits;
import io.nightshift.workflows.activities.StepActivitiesImpl;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.engine.RecordedPayloads;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays a task recorded under version 1 of {@code queue-at-busy-pools}: its placed tool step went to a pool with
 * no free unit (another tenant held it), waited at the pool's gate, and succeeded once the unit came free. Before
 * the marker, placement refused a busy pool and the step failed. Record it (never over an existing file) with
 * {@code ./mvnw -o -pl workflows test -Dtest=QueueAtBusyPoolReplayTest -Dnightshift.recordHistories=true}
 * (TaskWorkflowReplayTest replays it too, as it does every task-*.json).
 */
class QueueAtBusyPoolReplayTest {
  private static final String ID = "task-queue-at-busy-pools";

  @Test
  void shouldReplayATaskWhoseStepQueuedAtABusyPool() throws Exception {
    RecordedHistories.replay(ID, TaskWorkflowImpl.class, MapWorkflowImpl.class);
  }

  @Test
  void shouldHaveRecordedTheQueueingPath() throws Exception {
    // StepPlacer.QUEUE_AT_BUSY_POOLS, package-private in task.placement
    assertThat(RecordedPayloads.versionMarkers(ID)).containsEntry("queue-at-busy-pools", 1);
  }

  @Test
  @EnabledIfSystemProperty(named = "nightshift.recordHistories", matches = "true")
  void recordHistory(@TempDir Path dir) throws Exception {
    Path file = RecordedHistories.file(ID);
    if (Files.exists(file)) {
      return;
    }
    FileArtifactStore store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    TextTools tools = new TextTools();
    UnitGate gate = new UnitGate("busy", 1);
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      TestWorkers.control(env, plan());
      TestWorkers.pool(env, TestWorkers.cpu("busy", 0, 1, 1.0)).registerActivitiesImplementations(
          new StepActivitiesImpl(tools::find, ToolFiles.withoutInputs(store, dir.resolve("scratch")), 200, gate));
      env.start();
      HeldUnits otherTenant = gate.occupy(1);
      TaskWorkflow wf = TestWorkers.task(env, ID);
      WorkflowClient.start(wf::run, TaskInput.builder(ID, "g").pipeline(ID, ID).pools(List.of("busy")).build());
      for (int i = 0; i < 100 && gate.waits.isEmpty(); i++) {
        Thread.sleep(100);
      }
      assertThat(gate.waits).as("the step waited at the pool's gate").isNotEmpty();
      otherTenant.close();
      env.getWorkflowClient().newUntypedWorkflowStub(ID).getResult(TaskResult.class);

      StepRun run = wf.progress().steps().get(0).run().orElseThrow();
      assertThat(run.pool()).isEqualTo("busy");
      assertThat(run.placement()).contains("queued: no eligible pool has 1 unit(s) free now");
      Files.writeString(file, env.getWorkflowClient().fetchHistory(ID).toJson(true));
    }
  }

  /** One tool step that needs the pool's only unit. */
  private static Plan plan() {
    PlannedStep emit = new PlannedStep("emit", StepKind.TOOL, "text.emit", Map.of("text", "after the queue"),
        List.of(), StepPolicy.DEFAULT, null, 0, null, new Requirements("cpu", 1, 0, "", 0, 0), null, false);
    return new Plan(ID, 1, Map.of(), List.of(emit), PlacementSpec.of("cheapest", null), null);
  }
}
