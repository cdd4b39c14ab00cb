package io.nightshift.workflows.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.workflows.map.MapWorkflowImpl;
import io.nightshift.workflows.task.control.Decision;
import io.nightshift.workflows.task.replan.ReplanPolicy;
import io.nightshift.workflows.task.replan.Replanning;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays histories recorded from earlier versions of the task and map workflows, committed under
 * src/test/resources/histories. A change that would break tasks already running (non-determinism) fails here;
 * such a change must be guarded with {@code Workflow.getVersion}. Record new histories (never overwrite old ones)
 * with {@code ./mvnw -pl workflows test -Dtest=TaskWorkflowReplayTest -Dnightshift.recordHistories=true}.
 */
class TaskWorkflowReplayTest {
  private static final Path HISTORIES = Path.of("src/test/resources/histories");
  private static final List<String> RECORDED = List.of(Plans.DIAMOND, Plans.ONE_BAD_BRANCH, Plans.FLAKY);
  /** Recorded after step kinds, policies, pause and continue-as-new arrived (v2 of the engine). */
  private static final List<String> RECORDED_V2 = List.of(Plans.TOLERANT, Plans.MAP, Plans.NESTED, Plans.RESUMABLE,
      Plans.CHAIN, Plans.PAUSABLE);

  /** Recorded when replanning arrived (v3): v1 fails at 'bad', the planner's v2 is approved and succeeds. */
  private static final String REPLANNED = "replanned";

  @Test
  void shouldReplayEveryRecordedHistoryWithoutNondeterminism() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(HISTORIES)) {
      files = s.filter(p -> p.getFileName().toString().startsWith("task-")).sorted().toList();
    }
    assertThat(files).extracting(p -> p.getFileName().toString())
        .containsAll(Stream.concat(RECORDED.stream(), RECORDED_V2.stream()).map(n -> "task-" + n + ".json").toList())
        .contains("task-map_doubled.json", "task-chain-run1.json", "task-" + REPLANNED + ".json");
    for (Path f : files) {
      // the real workflow id matters: child workflow ids are derived from it
      WorkflowReplayer.replayWorkflowExecution(WorkflowExecutionHistory.fromJson(Files.readString(f), workflowId(f)),
          TaskWorkflowImpl.class, MapWorkflowImpl.class);
    }
  }

  /** {@code task-map_doubled.json} was recorded from workflow {@code task-map/doubled}; {@code -run1} marks a first run. */
  private static String workflowId(Path file) {
    return file.getFileName().toString().replaceFirst("\\.json$", "").replaceFirst("-run1$", "").replace('_', '/');
  }

  @Test
  @EnabledIfSystemProperty(named = "nightshift.recordHistories", matches = "true")
  void recordHistories(@TempDir Path dir) throws Exception {
    try (EngineFixture engine = new EngineFixture(dir)) {
      WorkflowClient client = engine.env.getWorkflowClient();
      for (String plan : RECORDED_V2) {
        String id = "task-" + plan;
        TaskWorkflow wf = engine.stub(id);
        int budget = plan.equals(Plans.CHAIN) ? 40 : 0;
        WorkflowClient.start(wf::run, TaskInput.builder(id, "recorded").pipeline(plan, plan).historyBudget(budget).build());
        String firstRun = WorkflowStub.fromTyped(wf).getExecution().getRunId();
        if (plan.equals(Plans.PAUSABLE)) {
          wf.pause("recorded pause");
          wf.resume();
        }
        try {
          client.newUntypedWorkflowStub(id).getResult(TaskResult.class);
        } catch (RuntimeException expectedForFailingPlans) {
          // a failing plan's history is as valuable as a successful one's
        }
        write(id, client.fetchHistory(id).toJson(true));
        if (plan.equals(Plans.CHAIN)) {
          write(id + "-run1", client.fetchHistory(id, firstRun).toJson(true));
        }
        if (plan.equals(Plans.MAP)) {
          write(id + "_doubled", client.fetchHistory(id + "/doubled").toJson(true));
        }
      }
    }
  }

  @Test
  @EnabledIfSystemProperty(named = "nightshift.recordHistories", matches = "true")
  void recordReplannedHistory(@TempDir Path dir) throws Exception {
    try (EngineFixture engine = new EngineFixture(dir, (r, failed, step, error) ->
        ReplanTest.fixed(failed.version() + 1))) {
      String id = "task-" + REPLANNED;
      TaskWorkflow wf = engine.stub(id);
      WorkflowClient.start(wf::run, EngineFixture.builder(id, Plans.ONE_BAD_BRANCH)
          .replan(new ReplanPolicy(3, true)).build());
      engine.env.sleep(Duration.ofSeconds(5));
      wf.decide(new Decision(Replanning.approvalKey(2), true, "recorded approval", "recorder", 0, null, 0));
      engine.env.getWorkflowClient().newUntypedWorkflowStub(id).getResult(TaskResult.class);
      write(id, engine.env.getWorkflowClient().fetchHistory(id).toJson(true));
    }
  }

  private static void write(String name, String json) throws Exception {
    Files.createDirectories(HISTORIES);
    Path file = HISTORIES.resolve(name.replace('/', '_') + ".json");
    if (!Files.exists(file)) {
      Files.writeString(file, json);
    }
  }
}
