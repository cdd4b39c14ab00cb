package io.nightshift.workflows.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.table.Csv;
import io.nightshift.core.table.Table;
import io.nightshift.workflows.dag.StepState;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.BatchRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import io.temporal.worker.WorkerFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Step policies, pause/resume, map steps, continue-as-new, child pipelines and days-long tasks. */
class EngineFeaturesTest {
  @TempDir Path dir;
  private EngineFixture engine;

  @BeforeEach
  void setUp() {
    engine = new EngineFixture(dir);
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  @Test
  void shouldStartNoStepWhilePausedAndFinishAfterResume() {
    TaskWorkflow wf = engine.stub("paused");
    // signal-with-start: the pause is in the task's first workflow task, before any step could start (a separate
    // signal after start races the first steps on a loaded machine)
    WorkflowClient client = engine.env.getWorkflowClient();
    BatchRequest request = client.newSignalWithStartRequest();
    request.add(wf::run, EngineFixture.input("paused", Plans.PAUSABLE));
    request.add(wf::pause, "night shift over");
    client.signalWithStart(request);
    engine.env.sleep(Duration.ofMinutes(5));
    // the SDK delivered the pause before run() made its book: the early-pause path kept it (it was dropped before)
    assertThat(client.fetchHistory("paused").getEvents()).filteredOn(HistoryEvent::hasMarkerRecordedEventAttributes)
        .extracting(e -> e.getMarkerRecordedEventAttributes().getDetailsMap().get("changeId").getPayloads(0)
            .getData().toStringUtf8())
        .contains("\"" + TaskWorkflowImpl.EARLY_PAUSE + "\"");

    TaskProgress p = wf.progress();
    assertThat(p.status().state()).isEqualTo(TaskState.PAUSED);
    assertThat(p.status().error()).isEqualTo("paused: night shift over");
    assertThat(p.steps()).extracting(StepStatus::state).containsOnly(StepState.PENDING);

    wf.resume();
    TaskResult result = WorkflowStub.fromTyped(wf).getResult(TaskResult.class);
    assertThat(engine.text(result.result())).isEqualTo("A");
    assertThat(wf.progress().status().state()).isEqualTo(TaskState.SUCCEEDED);
  }

  @Test
  void shouldResumeRetriedStepFromItsLastHeartbeat() {
    TaskWorkflow wf = engine.stub("resumable");
    TaskResult result = wf.run(EngineFixture.input("resumable", Plans.RESUMABLE));
    assertThat(engine.text(result.result())).isEqualTo("first attempt started at 0, last at 5");
    assertThat(Plans.byName(wf.progress()).get("long").attempts()).isEqualTo(2);
  }

  @Test
  void shouldFinishTaskWhenFailedStepSaysContinueOnError() {
    TaskWorkflow wf = engine.stub("tolerant");
    wf.run(EngineFixture.input("tolerant", Plans.TOLERANT));
    Map<String, StepStatus> steps = Plans.byName(wf.progress());
    assertThat(wf.progress().status().state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(steps.get("bad").state()).isEqualTo(StepState.FAILED);
    assertThat(steps.get("bad").outcome().error()).isEqualTo("input rejected: nope");
    assertThat(steps.get("after_bad").state()).isEqualTo(StepState.SKIPPED);
    assertThat(steps.get("good").state()).isEqualTo(StepState.SUCCEEDED);
  }

  @Test
  void shouldStopRetryingAtTheStepsMaxAttempts() {
    TaskWorkflow wf = engine.stub("two-attempts");
    assertThatThrownBy(() -> wf.run(EngineFixture.input("two-attempts", Plans.FLAKY_TWO_ATTEMPTS)))
        .isInstanceOf(WorkflowFailedException.class).rootCause().hasMessageContaining("endpoint busy");
    assertThat(engine.tools.calls.get("text.flaky")).hasValue(2);
  }

  @Test
  void shouldMapToolOverChunksThroughChildTreeWithEachResultOnce() throws Exception {
    TaskWorkflow wf = engine.stub("map");
    TaskResult result = wf.run(EngineFixture.input("map", Plans.MAP));

    Table doubled = Csv.parse(engine.text(result.result()));
    assertThat(doubled.header()).containsExactly("x", "y");
    assertThat(doubled.rows()).hasSize(2400);
    for (int i = 0; i < 2400; i++) {
      assertThat(doubled.rows().get(i)).containsExactly(String.valueOf(i + 1), String.valueOf(2 * (i + 1)));
    }
    assertThat(engine.tools.calls.get("table.double")).hasValue(1200); // 2,400 rows in chunks of 2
    assertThat(engine.tools.byKey).allSatisfy((key, n) -> assertThat(n).as(key).hasValue(1));
    // 1,200 chunks exceed a leaf's 1,000: the root map node split into two leaves; with a window of 20 they run
    // one after the other, the remainder first (ChildRanges.staggered)
    assertThat(childIds("map/doubled")).containsExactly("map/doubled/0-200", "map/doubled/200-1200");
    // each chunk reached its tool as a slice of the table, and no chunk was copied into the store
    String firstCall = engine.env.getWorkflowClient().fetchHistory("map/doubled/0-200").getEvents().stream()
        .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
        .map(HistoryEvent::getActivityTaskScheduledEventAttributes)
        .filter(a -> a.getActivityType().getName().equals("RunStep")).findFirst().orElseThrow()
        .getInput().getPayloads(0).getData().toStringUtf8();
    assertThat(firstCall).contains("\"input\":\"table-slice:sha256:");
    assertThat(engine.store.find(digestOf("x\n1\n2\n"))).isEmpty();
  }

  @Test
  void shouldStaggerTheLeavesOfAMapWhoseWindowTwoShareWithEachResultOnce() throws Exception {
    // the MAP plan's 1,200 chunks with a window of 50: two leaves of 25 at once, the first half a leaf shorter so
    // the two hand over at different times
    TaskResult result = engine.stub("map-wide").run(EngineFixture.input("map-wide", Plans.MAP_WIDE));

    Table doubled = Csv.parse(engine.text(result.result()));
    assertThat(doubled.rows()).hasSize(2400);
    for (int i = 0; i < 2400; i++) {
      assertThat(doubled.rows().get(i)).containsExactly(String.valueOf(i + 1), String.valueOf(2 * (i + 1)));
    }
    assertThat(engine.tools.byKey).allSatisfy((key, n) -> assertThat(n).as(key).hasValue(1));
    assertThat(childIds("map-wide/doubled")).containsExactly("map-wide/doubled/0-500", "map-wide/doubled/500-1200");
  }

  /** The workflow ids of the children a map node started, in order. */
  private List<String> childIds(String node) {
    return engine.env.getWorkflowClient().fetchHistory(node).getEvents().stream()
        .filter(HistoryEvent::hasStartChildWorkflowExecutionInitiatedEventAttributes)
        .map(e -> e.getStartChildWorkflowExecutionInitiatedEventAttributes().getWorkflowId()).toList();
  }

  @Test
  void shouldContinueAsNewWhenHistoryPassesBudgetAndKeepResults() {
    TaskWorkflow wf = engine.stub("chain");
    WorkflowClient.start(wf::run, TaskInput.builder("chain", "g").pipeline("chain", Plans.CHAIN).historyBudget(40).build());
    String firstRun = WorkflowStub.fromTyped(wf).getExecution().getRunId();
    TaskResult result = engine.env.getWorkflowClient().newUntypedWorkflowStub("chain")
        .getResult(TaskResult.class);

    assertThat(engine.text(result.result())).isEqualTo("A");
    assertThat(result.outputs()).hasSize(12);
    List<HistoryEvent> first = engine.env.getWorkflowClient().fetchHistory("chain", firstRun).getEvents();
    assertThat(first.get(first.size() - 1).getEventType())
        .isEqualTo(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_CONTINUED_AS_NEW);
    assertThat(first.size()).isLessThan(60);
    assertThat(engine.tools.byKey).allSatisfy((key, n) -> assertThat(n).as(key).hasValue(1));
    assertThat(wf.progress().steps()).extracting(StepStatus::state).containsOnly(StepState.SUCCEEDED);
  }

  @Test
  void shouldRunPipelineStepAsChildTask() {
    TaskWorkflow wf = engine.stub("nested");
    TaskResult result = wf.run(EngineFixture.input("nested", Plans.NESTED));
    assertThat(engine.text(result.result())).isEqualTo("HELLO WORLD");
    assertThat(Plans.byName(wf.progress()).get("child").outcome().summary()).contains("child task nested.child");
  }

  @Test
  void shouldCompleteSevenDayTaskAcrossThreeWorkerRestarts() throws Exception {
    engine.env.getWorkerFactory().shutdownNow(); // this test runs its own "worker processes"
    WorkerFactory worker = engine.startWorkerProcess();
    TaskWorkflow wf = engine.stub("week");
    WorkflowClient.start(wf::run, EngineFixture.input("week", Plans.WEEK));
    for (int restart = 0; restart < 3; restart++) {
      engine.env.sleep(Duration.ofHours(40));
      worker.shutdownNow();
      worker.awaitTermination(10, TimeUnit.SECONDS);
      worker = engine.startWorkerProcess();
    }
    TaskResult result = engine.env.getWorkflowClient().newUntypedWorkflowStub("week").getResult(TaskResult.class);
    TaskProgress p = wf.progress();
    worker.shutdownNow();

    assertThat(p.status().state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(result.outputs()).hasSize(7 * 24 + 1); // every tick; waits have no output
    assertThat(p.times().endedAtMillis() - p.times().createdAtMillis()).isGreaterThanOrEqualTo(Duration.ofDays(7).toMillis());
    assertThat(engine.tools.calls.get("text.upper")).hasValueBetween(7 * 24, 7 * 24 + 3);
  }

  private static String digestOf(String text) throws Exception {
    return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest(text.getBytes(StandardCharsets.UTF_8)));
  }
}
