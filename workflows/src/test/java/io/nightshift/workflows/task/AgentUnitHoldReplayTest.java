package io.nightshift.workflows.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.pipeline.AgentSettings;
import io.nightshift.core.pipeline.PlacementSpec;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.Requirements;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.workflows.agent.AgentModelActivities;
import io.nightshift.workflows.agent.AgentWorkflowImpl;
import io.nightshift.workflows.agent.ModelTurnOutput;
import io.nightshift.workflows.backends.PoolEndpoint;
import io.nightshift.workflows.engine.RecordedPayloads;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.temporal.testing.TestWorkflowEnvironment;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays a task recorded under version 1 of {@code agent-unit-hold}: its agent step, placed on a pool's running
 * model server, held its share of the pool while the agent ran (AcquireUnits, KeepUnits while it ran, then
 * ReleaseUnits) and answered. Before the marker such an agent held nothing. Record it (never over an existing
 * file) with {@code ./mvnw -o -pl workflows test -Dtest=AgentUnitHoldReplayTest -Dnightshift.recordHistories=true}
 * (TaskWorkflowReplayTest replays it too, as it does every task-*.json).
 */
class AgentUnitHoldReplayTest {
  private static final String ID = "task-agent-unit-hold";

  @Test
  void shouldReplayATaskWhoseAgentHeldItsShareOfThePool() throws Exception {
    RecordedHistories.replay(ID, TaskWorkflowImpl.class, MapWorkflowImpl.class, AgentWorkflowImpl.class);
  }

  @Test
  void shouldHaveRecordedTheHoldingPath() throws Exception {
    assertThat(RecordedPayloads.versionMarkers(ID)).containsEntry(AgentStep.AGENT_UNIT_HOLD, 1);
    String json = Files.readString(RecordedHistories.file(ID));
    assertThat(json).contains("\"AcquireUnits\"", "\"KeepUnits\"", "\"ReleaseUnits\"");
  }

  @Test
  @EnabledIfSystemProperty(named = "nightshift.recordHistories", matches = "true")
  void recordHistory(@TempDir Path dir) throws Exception {
    Path file = RecordedHistories.file(ID);
    if (Files.exists(file)) {
      return;
    }
    FileArtifactStore store = FileArtifactStore.unencrypted(dir);
    ArtifactRef said = store.put("ok".getBytes(StandardCharsets.UTF_8), "text/plain");
    AgentModelActivities model = in -> new ModelTurnOutput(said, said, List.of(), 10, 5, true,
        new BigDecimal("0.01"), in.endpoint());
    FakeUnitHolds holds = new FakeUnitHolds();
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      TestWorkers.control(env, plan(), model);
      TestWorkers.pool(env, TestWorkers.cpu("gpu", 2, 2, 3.0), List.of(new PoolEndpoint("g-llm", "m", false, false)),
          List.of()).registerActivitiesImplementations(holds);
      env.start();
      TaskWorkflow wf = TestWorkers.task(env, ID);
      wf.run(TaskInput.builder(ID, "g").pipeline(ID, ID).pools(List.of("gpu")).build());

      assertThat(wf.progress().steps().get(0).run().orElseThrow().pool()).isEqualTo("gpu");
      assertThat(holds.acquired).containsExactly("task-agent-unit-hold/agent: 1 unit(s)");
      assertThat(holds.kept).hasSize(1);
      assertThat(holds.released).containsExactly(holds.kept.get(0));
      Files.writeString(file, env.getWorkflowClient().fetchHistory(ID).toJson(true));
    }
  }

  /** An agent step that needs one unit of a pool running its model. */
  private static Plan plan() {
    AgentSettings agent = AgentSettings.builder("g-llm", "go").instructions("be brief").maxTurns(2).build();
    PlannedStep step = new PlannedStep("agent", StepKind.AGENT, null, Map.of(), List.of(), StepPolicy.DEFAULT, null,
        0, null, new Requirements("any", 1, 0, "m", 0, 0), agent, false);
    return new Plan(ID, 1, Map.of(), List.of(step), PlacementSpec.of("cheapest", null), null);
  }
}
