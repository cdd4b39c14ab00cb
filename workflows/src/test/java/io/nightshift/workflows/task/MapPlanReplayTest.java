package io.nightshift.workflows.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.pipeline.MapSettings;
import io.nightshift.core.pipeline.PlacementSpec;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.Requirements;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.workflows.activities.StepActivitiesImpl;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.engine.RecordedPayloads;
import io.nightshift.workflows.map.MapActivitiesImpl;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays a task recorded under version 1 of {@code map-plan}: two maps under a deadline split side by side; the
 * task plans their pools together, and when the second splits it tells the first, already running, the new plan
 * (the {@code reschedule} signal), which the first map's node takes while its chunks run. Record them (never over
 * existing files) with
 * {@code ./mvnw -o -pl workflows test -Dtest=MapPlanReplayTest -Dnightshift.recordHistories=true}
 * (TaskWorkflowReplayTest replays them too, as it does every task-*.json).
 */
class MapPlanReplayTest {
  private static final String ID = "task-map-plan";
  private static final List<String> MAPS = List.of("first", "second");

  @Test
  void shouldReplayATaskThatPlannedItsMapsTogether() throws Exception {
    RecordedHistories.replay(ID, TaskWorkflowImpl.class, MapWorkflowImpl.class);
    for (String map : MAPS) {
      RecordedHistories.replay(ID + "_" + map, TaskWorkflowImpl.class, MapWorkflowImpl.class);
    }
  }

  @Test
  void shouldHaveRecordedTheTaskTellingARunningMapItsNewPlan() throws Exception {
    assertThat(RecordedPayloads.versionMarkers(ID)).containsEntry(StepLauncher.MAP_PLAN, 1);
    List<String> told = RecordedPayloads.history(ID).getEvents().stream()
        .filter(HistoryEvent::hasSignalExternalWorkflowExecutionInitiatedEventAttributes)
        .map(HistoryEvent::getSignalExternalWorkflowExecutionInitiatedEventAttributes)
        .filter(a -> a.getSignalName().equals("reschedule"))
        .map(a -> a.getWorkflowExecution().getWorkflowId()).toList();
    assertThat(told).hasSize(1).allSatisfy(id -> assertThat(MAPS).contains(id.substring(ID.length() + 1)));
    String signalled = told.get(0).substring(ID.length() + 1);
    assertThat(RecordedPayloads.history(ID + "_" + signalled).getEvents())
        .anyMatch(e -> e.hasWorkflowExecutionSignaledEventAttributes()
            && e.getWorkflowExecutionSignaledEventAttributes().getSignalName().equals("reschedule"));
  }

  @Test
  @EnabledIfSystemProperty(named = "nightshift.recordHistories", matches = "true")
  void recordHistories(@TempDir Path dir) throws Exception {
    if (Files.exists(RecordedHistories.file(ID))) {
      return;
    }
    FileArtifactStore store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    TextTools tools = new TextTools();
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      TestWorkers.control(env, plan(System.currentTimeMillis() + Duration.ofDays(1).toMillis()),
          new StepActivitiesImpl(tools::find, ToolFiles.withoutInputs(store, dir.resolve("scratch")), 200),
          new MapActivitiesImpl(store));
      for (String pool : List.of("left", "right")) {
        TestWorkers.pool(env, TestWorkers.cpu(pool, 1, 1, pool.equals("left") ? 1.0 : 2.0))
            .registerActivitiesImplementations(new StepActivitiesImpl(name -> tools.find(name).map(Slow::new),
                ToolFiles.withoutInputs(store, dir.resolve("scratch-" + pool)), 200, new UnitGate(pool, 1)));
      }
      env.start();
      TaskWorkflow wf = TestWorkers.task(env, ID);
      wf.run(TaskInput.builder(ID, "g").pipeline(ID, ID).pools(List.of("left", "right")).build());

      WorkflowClient client = env.getWorkflowClient();
      Files.writeString(RecordedHistories.file(ID), client.fetchHistory(ID).toJson(true));
      for (String map : MAPS) {
        Files.writeString(RecordedHistories.file(ID + "_" + map), client.fetchHistory(ID + "/" + map).toJson(true));
      }
    }
  }

  /** Two maps of six one-row chunks over the same numbers, each chunk a unit of a pool, 10 s by estimate. */
  private static Plan plan(long deadlineMillis) {
    PlannedStep numbers = PlannedStep.tool("numbers", "text.emit", Map.of("text", Plans.numbers(6)), List.of());
    List<PlannedStep> steps = new ArrayList<>(List.of(numbers));
    for (String map : MAPS) {
      steps.add(new PlannedStep(map, StepKind.MAP, "table.double", Map.of(), List.of("numbers"),
          new StepPolicy(2, 10, 1.0, 10, List.of(), 0, 0, false), new MapSettings("${steps.numbers.output}", 1, 4,
          "input"), 0, null, new Requirements("cpu", 1, 0, "", 0, 10), null, false));
    }
    return new Plan(ID, 1, Map.of(), steps, new PlacementSpec("cheapest", null, deadlineMillis), null);
  }

  /** The tool as the pools run it: long enough a chunk that the first map still runs when the second splits. */
  private record Slow(Tool tool) implements Tool {
    @Override
    public ToolDescriptor descriptor() {
      return tool.descriptor();
    }

    @Override
    public ToolOutput execute(ToolContext context, ToolArguments arguments) {
      try {
        Thread.sleep(300);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return tool.execute(context, arguments);
    }
  }
}
