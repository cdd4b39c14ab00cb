package io.nightshift.workflows.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.workflows.map.MapWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays inner map nodes recorded under each version of the child-window rules ({@code map-child-window}): a
 * node that started under one rule must keep it after a deploy, or its children's ids and windows would change
 * mid-run. {@code task-map_doubled.json} (no marker) is replayed by {@link TaskWorkflowReplayTest}; version 1 was
 * recorded from commit 5fea387; versions 2 and 3 from the code that introduced each (3 from a wider map, whose
 * children are staggered). Record a new version's history (never
 * overwrite an old one) with
 * {@code ./mvnw -pl workflows test -Dtest=MapTreeReplayTest -Dnightshift.recordHistories=true}.
 */
class MapTreeReplayTest {
  private static final Path HISTORIES = Path.of("src/test/resources/histories");
  /** The root map node of {@link Plans#MAP}: 300 chunks, max_parallel 20, so two 150-chunk leaves. */
  private static final String NODE_ID = "map-tree/doubled";
  private static final List<String> VERSIONS = List.of("map-tree-v1.json", "map-tree-v2.json", "map-tree-v3.json");
  /** Version 3's node: {@link Plans#MAP_WIDE}, two leaves sharing a window of 50, staggered. */
  private static final String WIDE_NODE_ID = "map-tree-wide/doubled";

  @Test
  void shouldReplayInnerMapNodesOfEveryChildWindowVersion() throws Exception {
    for (String file : VERSIONS) {
      String json = Files.readString(HISTORIES.resolve(file));
      String id = switch (file) {
        case "map-tree-v1.json" -> "task-map/doubled";
        case "map-tree-v3.json" -> WIDE_NODE_ID;
        default -> NODE_ID;
      };
      WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(json, id), MapWorkflowImpl.class);
    }
  }

  @Test
  void shouldRecordTheVersionEachNodeStartedUnder() throws Exception {
    assertThat(versionOf("map-tree-v1.json")).isEqualTo(1);
    assertThat(versionOf("map-tree-v2.json")).isEqualTo(2);
    assertThat(versionOf("map-tree-v3.json")).isEqualTo(3);
  }

  /** The version recorded by the node's {@code map-child-window} marker. */
  private static int versionOf(String file) throws Exception {
    var history = WorkflowExecutionHistory.fromJson(Files.readString(HISTORIES.resolve(file)));
    return history.getEvents().stream()
        .filter(e -> e.hasMarkerRecordedEventAttributes()
            && e.getMarkerRecordedEventAttributes().getMarkerName().equals("Version"))
        .map(e -> e.getMarkerRecordedEventAttributes().getDetailsMap().get("version").getPayloads(0).getData()
            .toStringUtf8())
        .mapToInt(Integer::parseInt)
        .findFirst()
        .orElse(-1);
  }

  @Test
  @EnabledIfSystemProperty(named = "nightshift.recordHistories", matches = "true")
  void recordCurrentVersion(@TempDir Path dir) throws Exception {
    Path file = HISTORIES.resolve("map-tree-v3.json");
    if (Files.exists(file)) {
      return;
    }
    try (EngineFixture engine = new EngineFixture(dir)) {
      WorkflowClient client = engine.env.getWorkflowClient();
      engine.stub("map-tree-wide").run(EngineFixture.input("map-tree-wide", Plans.MAP_WIDE));
      Files.writeString(file, client.fetchHistory(WIDE_NODE_ID).toJson(true));
    }
  }
}
