package io.nightshift.workflows.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.activities.PlanningActivitiesImpl;
import io.nightshift.workflows.activities.StepActivitiesImpl;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays histories recorded from earlier versions of {@link TaskWorkflowImpl}, committed under
 * src/test/resources/histories. A change that would break tasks already running (non-determinism) fails here.
 * Re-record only when a change is deliberately versioned:
 * {@code ./mvnw -pl workflows test -Dtest=TaskWorkflowReplayTest -Dnightshift.recordHistories=true}.
 */
class TaskWorkflowReplayTest {
  private static final Path HISTORIES = Path.of("src/test/resources/histories");
  private static final List<String> RECORDED = List.of(Plans.DIAMOND, Plans.ONE_BAD_BRANCH, Plans.FLAKY);

  @Test
  void shouldReplayEveryRecordedHistoryWithoutNondeterminism() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(HISTORIES)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertThat(files).extracting(p -> p.getFileName().toString())
        .containsAll(RECORDED.stream().map(n -> "task-" + n + ".json").toList());
    for (Path f : files) {
      WorkflowReplayer.replayWorkflowExecution(Files.readString(f), TaskWorkflowImpl.class);
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "nightshift.recordHistories", matches = "true")
  void recordHistories(@TempDir Path dir) throws Exception {
    TextTools tools = new TextTools();
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker(TaskQueues.CONTROL);
      worker.registerWorkflowImplementationTypes(TaskWorkflowImpl.class);
      worker.registerActivitiesImplementations(
          new PlanningActivitiesImpl(request -> Plans.parse(request.pipelineYaml())),
          new StepActivitiesImpl(tools::find, new FileArtifactStore(dir), dir.resolve("scratch"), 200));
      env.start();
      for (String plan : RECORDED) {
        String id = "task-" + plan;
        TaskWorkflow wf = env.getWorkflowClient().newWorkflowStub(TaskWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.CONTROL).build());
        try {
          wf.run(new TaskInput(id, "recorded", plan, plan, Map.of(), 8, false));
        } catch (RuntimeException expectedForFailingPlans) {
          // the failing plan's history is as valuable as the successful one's
        }
        Files.createDirectories(HISTORIES);
        Files.writeString(HISTORIES.resolve(id + ".json"), env.getWorkflowClient().fetchHistory(id).toJson(true));
      }
    }
  }
}
