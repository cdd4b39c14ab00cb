package io.nightshift.workflows.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.pipeline.MapSettings;
import io.nightshift.core.pipeline.PlacementSpec;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.Requirements;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.core.table.Csv;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.workflows.activities.StepActivitiesImpl;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.backends.BackendQueues;
import io.nightshift.workflows.engine.RecordedPayloads;
import io.nightshift.workflows.map.MapActivitiesImpl;
import io.nightshift.workflows.map.MapInput;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.nightshift.workflows.map.PoolShare;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.testing.TestWorkflowEnvironment;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays a task recorded under version 1 of {@code map-spread}: its map step's six chunks each {@code require} a
 * unit and spread over two one-unit pools, "left" (cheaper) and "right"; chunk 2 fails on left, which then takes no
 * more chunks, and runs again on right. The task's history holds the marker; its map node's history
 * ({@code task-map-spread_doubled.json}) holds the spreading and the failover. Before the marker every chunk went
 * to the one pool placement chose. Record them (never over existing files) with
 * {@code ./mvnw -o -pl workflows test -Dtest=MapSpreadReplayTest -Dnightshift.recordHistories=true}
 * (TaskWorkflowReplayTest replays both too, as it does every task-*.json).
 */
class MapSpreadReplayTest {
  private static final String ID = "task-map-spread";
  /** The map step's root node: six chunks are far fewer than a leaf's 1,000, so it is the only node. */
  private static final String NODE = ID + "_doubled";
  private static final String FAILING_CHUNK = "/chunk-2";

  @Test
  void shouldReplayATaskWhoseMapSpreadOverTwoPools() throws Exception {
    for (String file : List.of(ID, NODE)) {
      RecordedHistories.replay(file, TaskWorkflowImpl.class, MapWorkflowImpl.class);
    }
  }

  /** The task's commands are the same whether chunks spread or not; only what it hands its map node differs. */
  @Test
  void shouldHandTheMapNodeTheSpreadItWasRecordedWith() throws Exception {
    MapInput recorded = RecordedPayloads.first(ID, e -> e.getStartChildWorkflowExecutionInitiatedEventAttributes()
        .getInput(), "\"pools\"", MapInput.class);
    Map<String, Object> replayed = ReplayedChildren.replay(RecordedHistories.read(ID), TaskWorkflowImpl.class,
        MapWorkflowImpl.class);

    assertThat(recorded.work().placement().pools()).extracting(PoolShare::poolId).containsExactly("left", "right");
    // what map-spread decides: where chunks go and what each holds (pools now also carry their speed and price,
    // which recorded inputs lack and which do not change where a chunk runs)
    assertThat(replayed.get(ID + "/doubled")).isInstanceOfSatisfying(MapInput.class, in -> {
      assertThat(in.work().placement().taskQueue()).isEqualTo(recorded.work().placement().taskQueue());
      assertThat(in.work().placement().demand()).isEqualTo(recorded.work().placement().demand());
      assertThat(in.work().placement().pools()).extracting(PoolShare::poolId, PoolShare::slots)
          .isEqualTo(recorded.work().placement().pools().stream()
              .map(p -> tuple(p.poolId(), p.slots())).toList());
    });
  }

  @Test
  void shouldHaveRecordedTheSpreadingPathWithAChunkFailingOver() throws Exception {
    assertThat(RecordedPayloads.versionMarkers(ID)).containsEntry(StepLauncher.MAP_SPREAD, 1);
    List<HistoryEvent> node = RecordedPayloads.history(NODE).getEvents();
    List<String> queuesOfFailingChunk = node.stream().filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
        .map(HistoryEvent::getActivityTaskScheduledEventAttributes)
        .filter(a -> a.getInput().getPayloads(0).getData().toStringUtf8().contains(FAILING_CHUNK + "\""))
        .map(a -> a.getTaskQueue().getName()).toList();
    assertThat(queuesOfFailingChunk).containsExactly(BackendQueues.forPool("left"), BackendQueues.forPool("right"));
    assertThat(node).extracting(HistoryEvent::getEventType).contains(EventType.EVENT_TYPE_ACTIVITY_TASK_FAILED);
  }

  @Test
  @EnabledIfSystemProperty(named = "nightshift.recordHistories", matches = "true")
  void recordHistories(@TempDir Path dir) throws Exception {
    if (Files.exists(RecordedHistories.file(ID)) || Files.exists(RecordedHistories.file(NODE))) {
      return;
    }
    FileArtifactStore store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    TextTools tools = new TextTools();
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      TestWorkers.control(env, plan(), new StepActivitiesImpl(tools::find, ToolFiles.withoutInputs(store, dir.resolve("scratch")), 200),
          new MapActivitiesImpl(store));
      for (String pool : List.of("left", "right")) {
        TestWorkers.pool(env, TestWorkers.cpu(pool, 1, 1, pool.equals("left") ? 1.0 : 2.0))
            .registerActivitiesImplementations(new StepActivitiesImpl(
                name -> pool.equals("left") ? tools.find(name).map(FailsOnChunkTwo::new) : tools.find(name),
                ToolFiles.withoutInputs(store, dir.resolve("scratch-" + pool)), 200, new UnitGate(pool, 1)));
      }
      env.start();
      TaskWorkflow wf = TestWorkers.task(env, ID);
      TaskResult result = wf.run(TaskInput.builder(ID, "g").pipeline(ID, ID).pools(List.of("left", "right")).build());

      String table = new String(store.read(result.result()), StandardCharsets.UTF_8);
      assertThat(Csv.parse(table).rows()).hasSize(6).contains(List.of("3", "6"));
      assertThat(Plans.byName(wf.progress()).get("doubled").outcome().summary()).contains("over left, right");
      WorkflowClient client = env.getWorkflowClient();
      Files.writeString(RecordedHistories.file(ID), client.fetchHistory(ID).toJson(true));
      Files.writeString(RecordedHistories.file(NODE), client.fetchHistory(ID + "/doubled").toJson(true));
    }
  }

  /** Numbers 1 to 6 doubled in chunks of one row, at most four in flight, each chunk on a unit of a pool. */
  private static Plan plan() {
    PlannedStep numbers = PlannedStep.tool("numbers", "text.emit", Map.of("text", Plans.numbers(6)), List.of());
    PlannedStep doubled = new PlannedStep("doubled", StepKind.MAP, "table.double", Map.of(), List.of("numbers"),
        new StepPolicy(2, 10, 1.0, 10, List.of(), 0, 0, false), new MapSettings("${steps.numbers.output}", 1, 4,
        "input"), 0, null, new Requirements("cpu", 1, 0, "", 0, 0), null, false);
    return new Plan(ID, 1, Map.of(), List.of(numbers, doubled), PlacementSpec.of("cheapest", null), null);
  }

  /** A tool as pool "left" runs it: the device it would run chunk 2 on keeps failing. */
  private record FailsOnChunkTwo(Tool tool) implements Tool {
    @Override
    public ToolDescriptor descriptor() {
      return tool.descriptor();
    }

    @Override
    public ToolOutput execute(ToolContext context, ToolArguments arguments) {
      if (context.idempotencyKey().endsWith(FAILING_CHUNK)) {
        throw ToolException.retryable("device 0 of left fell off the bus", null);
      }
      return tool.execute(context, arguments);
    }
  }
}
