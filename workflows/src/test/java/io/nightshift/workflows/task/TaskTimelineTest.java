package io.nightshift.workflows.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import io.nightshift.core.pipeline.MapSettings;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.workflows.map.MapProgress;
import io.nightshift.workflows.map.MapWorkflow;
import io.nightshift.workflows.task.timeline.AttemptRecord;
import io.nightshift.workflows.task.timeline.ItemCount;
import io.nightshift.workflows.task.timeline.StepClock;
import io.nightshift.workflows.task.timeline.TimelineEntry;
import io.nightshift.workflows.task.timeline.TimelineKind;
import io.nightshift.workflows.task.timeline.TimelineState;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowStub;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The task's own record of its life: step times and attempts as the workflow observed them, a map's items, and a
 * timeline whose sequence only grows, over continue-as-new too.
 */
class TaskTimelineTest {
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
  void shouldRecordEveryAttemptOfAStepTemporalRetriedInsideOneCallWithItsTimesAndError() {
    TaskWorkflow wf = engine.stub("flaky");
    wf.run(EngineFixture.input("flaky", Plans.FLAKY));

    TaskProgress p = wf.progress();
    StepClock clock = Plans.byName(p).get("flaky").clock().orElseThrow();
    assertThat(clock.startedAtMillis()).isPositive();
    // two failed attempts, each followed by Temporal's 1 s back-off (time skipped): the call took at least 1 s
    assertThat(clock.endedAtMillis() - clock.startedAtMillis()).isGreaterThanOrEqualTo(1000);
    // the call kept its attempts and reported them with its result: each has its start, end and error
    assertThat(clock.attempts()).extracting(AttemptRecord::number, AttemptRecord::outcome, AttemptRecord::error)
        .containsExactly(
            tuple(1, AttemptRecord.RETRIED, "endpoint busy"),
            tuple(2, AttemptRecord.RETRIED, "endpoint busy"),
            tuple(3, AttemptRecord.SUCCEEDED, ""));
    assertInOrderWithTimes(clock.attempts());
    assertThat(kinds(p, "flaky")).containsExactly(TimelineKind.STEP_STARTED, TimelineKind.STEP_RETRIED,
        TimelineKind.STEP_SUCCEEDED);
    assertThat(entries(p)).filteredOn(e -> e.kind().equals(TimelineKind.STEP_RETRIED.name()))
        .extracting(TimelineEntry::detail).containsExactly("2 failed attempts retried by Temporal; ended on attempt 3");
  }

  @Test
  void shouldRecordEveryAttemptOfAStepWhenTemporalGaveUpAtItsMostAttempts() {
    TaskWorkflow wf = engine.stub("two-attempts");
    assertThatThrownBy(() -> wf.run(EngineFixture.input("two-attempts", Plans.FLAKY_TWO_ATTEMPTS)))
        .isInstanceOf(WorkflowFailedException.class);

    TaskProgress p = wf.progress();
    StepStatus flaky = Plans.byName(p).get("flaky");
    assertThat(flaky.attempts()).isEqualTo(2);
    StepClock clock = flaky.clock().orElseThrow();
    // the last attempt's failure carried the call's attempts as its details
    assertThat(clock.attempts()).extracting(AttemptRecord::number, AttemptRecord::outcome, AttemptRecord::error)
        .containsExactly(
            tuple(1, AttemptRecord.RETRIED, "endpoint busy"),
            tuple(2, AttemptRecord.FAILED, "endpoint busy"));
    assertInOrderWithTimes(clock.attempts());
    assertThat(clock.endedAtMillis()).isPositive();
    assertThat(kinds(p, "")).containsExactly(TimelineKind.TASK_STATE, TimelineKind.PLAN_VERSION,
        TimelineKind.TASK_STATE, TimelineKind.TASK_STATE);
    assertThat(entries(p)).filteredOn(e -> e.kind().equals(TimelineKind.TASK_STATE.name()))
        .extracting(TimelineEntry::detail).containsExactly("PLANNING", "RUNNING", "FAILED");
  }

  @Test
  void shouldLearnHowALongAttemptEndedFromItsFailureWhenItsLastBeatWasThrottled() {
    Plans.extra.put("slow-flaky", TaskWorkflowTest.plan(TaskWorkflowTest.step("slow", "text.slow-flaky", Map.of())));
    TaskWorkflow wf = engine.stub("slow-flaky");
    wf.run(EngineFixture.input("slow-flaky", "slow-flaky"));

    StepClock clock = Plans.byName(wf.progress()).get("slow").clock().orElseThrow();
    assertThat(clock.attempts()).extracting(AttemptRecord::number, AttemptRecord::outcome, AttemptRecord::error)
        .containsExactly(
            tuple(1, AttemptRecord.RETRIED, "busy after a long run"),
            tuple(2, AttemptRecord.RETRIED, "busy after a long run"),
            tuple(3, AttemptRecord.SUCCEEDED, ""));
    assertInOrderWithTimes(clock.attempts());
    assertThat(clock.attempts()).allSatisfy(a -> assertThat(a.endedAtMillis() - a.startedAtMillis())
        .as("attempt %d ran its 600 ms", a.number()).isGreaterThanOrEqualTo(550));
  }

  /** Every attempt has a start and an end, and each starts no earlier than the one before it ended. */
  private static void assertInOrderWithTimes(List<AttemptRecord> attempts) {
    long previousEnd = 0;
    for (AttemptRecord a : attempts) {
      assertThat(a.startedAtMillis()).as("start of attempt %d", a.number()).isPositive()
          .isGreaterThanOrEqualTo(previousEnd);
      assertThat(a.endedAtMillis()).as("end of attempt %d", a.number()).isGreaterThanOrEqualTo(a.startedAtMillis());
      previousEnd = a.endedAtMillis();
    }
  }

  @Test
  void shouldCountAMapStepsItemsFromItsSplitToItsEnd() {
    Plans.extra.put("small-map", TaskWorkflowTest.plan(
        TaskWorkflowTest.step("numbers", "text.emit", Map.of("text", Plans.numbers(10))),
        new PlannedStep("doubled", StepKind.MAP, "table.double", Map.of(), List.of("numbers"), StepPolicy.DEFAULT,
            new MapSettings("${steps.numbers.output}", 4, 2, "input"), 0, null, null, null, false)));
    TaskWorkflow wf = engine.stub("small-map");
    wf.run(EngineFixture.input("small-map", "small-map"));

    TaskProgress p = wf.progress();
    StepClock clock = Plans.byName(p).get("doubled").clock().orElseThrow();
    // 10 rows in chunks of 4: 3 chunks, all done
    assertThat(clock.items()).contains(new ItemCount(10, 10, 0, 0, 3));
    assertThat(Plans.byName(p).get("numbers").clock().orElseThrow().items()).isEmpty();
    assertThat(entries(p)).filteredOn(e -> e.kind().equals(TimelineKind.MAP_SPLIT.name()))
        .extracting(TimelineEntry::step, TimelineEntry::detail)
        .containsExactly(tuple("doubled", "10 items in 3 chunks"));
  }

  @Test
  void shouldAnswerARunningMapsFinishedChunksFromItsRootNode() throws Exception {
    Plans.extra.put("held-map", TaskWorkflowTest.plan(
        TaskWorkflowTest.step("numbers", "text.emit", Map.of("text", Plans.numbers(10))),
        new PlannedStep("held", StepKind.MAP, "table.held", Map.of(), List.of("numbers"), StepPolicy.DEFAULT,
            new MapSettings("${steps.numbers.output}", 4, 3, "input"), 0, null, null, null, false)));
    TaskWorkflow wf = engine.stub("held-map");
    WorkflowClient.start(wf::run, EngineFixture.input("held-map", "held-map"));
    MapWorkflow root = engine.env.getWorkflowClient().newWorkflowStub(MapWorkflow.class, "held-map/held");

    // rows 1-4 and 5-8 finish; the chunk with rows 9-10 is held
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(20);
    MapProgress progress = null;
    while (System.nanoTime() < deadline) {
      try {
        progress = root.progress();
        if (progress.done() == 2) {
          break;
        }
      } catch (io.temporal.client.WorkflowNotFoundException | io.temporal.client.WorkflowQueryException e) {
        // the root has not started yet
      }
      Thread.sleep(100);
    }
    assertThat(progress).isEqualTo(new MapProgress(3, 2));
    assertThat(Plans.byName(wf.progress()).get("held").clock().orElseThrow().items())
        .as("what the task itself knows while the tree runs").contains(new ItemCount(10, 0, 0, 10, 3));

    engine.tools.release.countDown();
    WorkflowStub.fromTyped(wf).getResult(TaskResult.class);
    assertThat(Plans.byName(wf.progress()).get("held").clock().orElseThrow().items())
        .contains(new ItemCount(10, 10, 0, 0, 3));
  }

  @Test
  void shouldNumberTheTimelineWithoutGapsOrRepeatsAcrossContinueAsNew() {
    TaskWorkflow wf = engine.stub("chain");
    WorkflowClient.start(wf::run, TaskInput.builder("chain", "g").pipeline("chain", Plans.CHAIN).historyBudget(40)
        .build());
    engine.env.getWorkflowClient().newUntypedWorkflowStub("chain").getResult(TaskResult.class);

    TaskProgress p = wf.progress();
    TimelineState timeline = p.timeline().orElseThrow();
    List<TimelineEntry> entries = timeline.entries();
    for (int i = 0; i < entries.size(); i++) {
      assertThat(entries.get(i).sequence()).isEqualTo(i + 1);
    }
    assertThat(timeline.sequence()).isEqualTo(entries.size());
    assertThat(timeline.dropped()).isZero();
    // twelve steps, each started and succeeded once, though the task ran in several runs
    assertThat(entries).filteredOn(e -> e.kind().equals(TimelineKind.STEP_STARTED.name())).hasSize(12);
    assertThat(entries).filteredOn(e -> e.kind().equals(TimelineKind.STEP_SUCCEEDED.name())).hasSize(12);
    assertThat(entries).filteredOn(e -> e.kind().equals(TimelineKind.TASK_STATE.name()))
        .extracting(TimelineEntry::detail).containsExactly("PLANNING", "RUNNING", "SUCCEEDED");
    assertThat(p.steps()).allSatisfy(s -> assertThat(s.clock()).hasValueSatisfying(c ->
        assertThat(c.endedAtMillis()).isGreaterThanOrEqualTo(c.startedAtMillis())));
    assertThat(WorkflowStub.fromTyped(wf).getExecution().getWorkflowId()).isEqualTo("chain");
  }

  @Test
  void shouldRecordPauseResumeTheWaitAtAGateAndTheDecisionInOrder() {
    PlannedStep publish = TaskWorkflowTest.step("publish", "text.upper", Map.of("input", "${steps.first.output}"),
        "first");
    Plans.extra.put("gated-timeline", TaskWorkflowTest.plan(
        TaskWorkflowTest.step("first", "text.emit", Map.of("text", "a")),
        new PlannedStep(publish.name(), publish.kind(), publish.tool(), publish.params(), publish.needs(),
            publish.policy(), null, 0, null, null, null, true)));
    TaskWorkflow wf = engine.stub("gated-timeline");
    WorkflowClient.start(wf::run, EngineFixture.input("gated-timeline", "gated-timeline"));
    for (int i = 0; i < 100 && (wf.progress() == null || wf.progress().approvals().awaiting().isEmpty()); i++) {
      engine.env.sleep(java.time.Duration.ofMillis(100));
    }
    wf.pause("lunch");
    wf.resume();
    wf.submitDecision(new io.nightshift.workflows.task.control.Decision("publish", true, "looks right", "lead", 0,
        null, 0));
    WorkflowStub.fromTyped(wf).getResult(TaskResult.class);

    List<TimelineEntry> entries = entries(wf.progress());
    assertThat(entries).extracting(TimelineEntry::kind, TimelineEntry::step, TimelineEntry::detail).containsSubsequence(
        tuple("STEP_AWAITING_APPROVAL", "publish",
            "approval required before step 'publish' starts"),
        tuple("PAUSED", "", "lunch"),
        tuple("RESUMED", "", ""),
        tuple("DECISION", "publish", "approved by lead: looks right"),
        tuple("STEP_SUCCEEDED", "publish", "1 chars"),
        tuple("TASK_STATE", "", "SUCCEEDED"));
    assertThat(entries).extracting(TimelineEntry::atMillis).isSorted();
  }

  private static List<TimelineEntry> entries(TaskProgress p) {
    return p.timeline().orElseThrow().entries();
  }

  private static List<TimelineKind> kinds(TaskProgress p, String step) {
    return entries(p).stream().filter(e -> e.step().equals(step)).map(e -> TimelineKind.valueOf(e.kind())).toList();
  }
}
