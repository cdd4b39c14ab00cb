package io.nightshift.workflows.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.placement.PoolView;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.pipeline.AgentSettings;
import io.nightshift.core.pipeline.PlacementSpec;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.Requirements;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.activities.PlanningActivitiesImpl;
import io.nightshift.workflows.agent.AgentModelActivities;
import io.nightshift.workflows.agent.AgentWorkflowImpl;
import io.nightshift.workflows.agent.ModelTurnOutput;
import io.nightshift.workflows.backends.BackendQueues;
import io.nightshift.workflows.backends.InventoryActivities;
import io.nightshift.workflows.backends.InventoryResult;
import io.nightshift.workflows.backends.ModelServerActivities;
import io.nightshift.workflows.backends.PoolEndpoint;
import io.nightshift.workflows.backends.PoolSnapshot;
import io.nightshift.workflows.backends.ServeRelease;
import io.nightshift.workflows.backends.ServeRequest;
import io.nightshift.workflows.backends.ServedModel;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays tasks recorded with agent steps that {@code require} a pool: one placed on running endpoints (its first
 * endpoint's circuit opens and a fallback serves it), one on a server its pool starts on a lease. Record missing
 * histories with {@code ./mvnw -o -f workflows/pom.xml test -Dtest=PlacedAgentReplayTest
 * -Dnightshift.recordHistories=true} (TaskWorkflowReplayTest replays them too, as it does every task-*.json).
 */
class PlacedAgentReplayTest {
  private static final Path HISTORIES = Path.of("src/test/resources/histories");
  private static final List<String> RECORDED = List.of("task-placed-agent", "task-placed-agent-leased");

  @Test
  void shouldReplayTasksWithPlacedAgentStepsWithoutNondeterminism() throws Exception {
    for (String id : RECORDED) {
      Path f = HISTORIES.resolve(id + ".json");
      assertThat(f).exists();
      WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(Files.readString(f), id),
          TaskWorkflowImpl.class, MapWorkflowImpl.class);
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "nightshift.recordHistories", matches = "true")
  void recordHistories(@TempDir Path dir) throws Exception {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir);
    ArtifactRef said = store.put("ok".getBytes(StandardCharsets.UTF_8), "text/plain");
    // "a-llm" has an open circuit: its fallback answers, as the real model activity does
    AgentModelActivities model = in -> new ModelTurnOutput(said, said, List.of(), 10, 5, true, new BigDecimal("0.01"),
        in.endpoint().equals("a-llm") ? in.fallbacks().get(0) : in.endpoint());
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker control = env.newWorker(TaskQueues.CONTROL);
      control.registerWorkflowImplementationTypes(TaskWorkflowImpl.class, MapWorkflowImpl.class,
          AgentWorkflowImpl.class);
      control.registerActivitiesImplementations(new PlanningActivitiesImpl(r -> plan(r.pipelineYaml())), model);
      pool(env, "cheap", 1.0, List.of(new PoolEndpoint("a-llm", "m", false, false)), List.of());
      pool(env, "dear", 9.0, List.of(new PoolEndpoint("b-llm", "m", false, false)), List.of());
      Worker cpu = pool(env, "cpu", 0.1, List.of(), List.of("m2"));
      cpu.registerActivitiesImplementations(model, new ModelServerActivities() {
        @Override public ServedModel acquire(ServeRequest r) {
          return new ServedModel("cpu-m2-1", "http://127.0.0.1:9", "lease-1", 1, true);
        }
        @Override public void release(ServeRelease r) {}
      });
      env.start();
      for (String id : RECORDED) {
        if (Files.exists(HISTORIES.resolve(id + ".json"))) {
          continue;
        }
        TaskWorkflow wf = env.getWorkflowClient().newWorkflowStub(TaskWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.CONTROL).build());
        wf.run(TaskInput.builder(id, "g").pipeline(id, id).pools(List.of("cheap", "dear", "cpu")).build());
        StepRun run = wf.progress().steps().get(0).run().orElseThrow();
        assertThat(run.pool()).isEqualTo(id.endsWith("leased") ? "cpu" : "dear");
        Files.writeString(HISTORIES.resolve(id + ".json"), env.getWorkflowClient().fetchHistory(id).toJson(true));
      }
    }
  }

  private static Worker pool(TestWorkflowEnvironment env, String id, double price, List<PoolEndpoint> endpoints,
      List<String> servable) {
    Worker worker = env.newWorker(BackendQueues.forPool(id));
    PoolView view = new PoolView(id, AcceleratorKind.CPU, 2, 2, 1L << 30, price, 10, 1.0, Set.of(), true, false);
    worker.registerActivitiesImplementations((InventoryActivities) request -> new InventoryResult(List.of(
        new PoolSnapshot(view, HealthStatus.State.UP, "test pool", true, Instant.EPOCH, endpoints, servable, 0))));
    return worker;
  }

  private static Plan plan(String id) {
    boolean leased = id.endsWith("leased");
    AgentSettings agent = AgentSettings.builder(leased ? "m2" : "a-llm", "go").instructions("be brief").maxTurns(2)
        .build();
    PlannedStep step = new PlannedStep("agent", StepKind.AGENT, null, Map.of(), List.of(), StepPolicy.DEFAULT, null,
        0, null, new Requirements("any", 1, 0, leased ? "m2" : "m", 0, 0), agent, false);
    return new Plan(id, 1, Map.of(), List.of(step), PlacementSpec.of("cheapest", null), null);
  }
}
