package io.nightshift.workflows.task;

import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The committed histories under src/test/resources/histories, by file name without {@code .json}. A name is the
 * workflow id it was recorded from, with {@code _} for {@code /} ({@code task-map-spread_doubled} is the map node
 * {@code task-map-spread/doubled}), as {@link TaskWorkflowReplayTest} reads them.
 */
final class RecordedHistories {
  static final Path DIR = Path.of("src/test/resources/histories");

  private RecordedHistories() {}

  /** The history, under its real workflow id: the ids of the children it starts are derived from it. */
  static WorkflowExecutionHistory read(String name) throws IOException {
    return WorkflowExecutionHistory.fromJson(Files.readString(file(name)), name.replace('_', '/'));
  }

  /** Replays the history with these workflow implementations; fails on any nondeterminism. */
  static void replay(String name, Class<?> workflow, Class<?>... more) throws Exception {
    WorkflowReplayer.replayWorkflowExecution(read(name), workflow, more);
  }

  static Path file(String name) {
    return DIR.resolve(name + ".json");
  }
}
