package io.nightshift.workflows.task;

import static io.nightshift.workflows.task.TaskWorkflowTest.plan;
import static io.nightshift.workflows.task.TaskWorkflowTest.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.nightshift.workflows.task.control.Decision;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.client.WorkflowUpdateException;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ThrowingConsumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Decisions as an update: the task itself refuses one for a step that is not waiting (so an API that looked first
 * and then signalled can no longer race a step that stopped waiting meanwhile), and returns an accepted one as
 * recorded. Tasks that received decisions as the decide signal before still replay.
 */
class DecisionUpdateTest {
  private static final Path HISTORIES = Path.of("src/test/resources/histories");
  /** Recorded with the update: 'publish' waits at its gate, an update approves it, the task ends. */
  private static final String RECORDED = "task-decided";
  /** Recorded before the update (ListedStateTest): the same gate, approved with the decide signal. */
  private static final String SIGNALLED = "task-listed";
  private static final String GATED = "decided-gated";
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
  void shouldRefuseADecisionOnAStepThatIsNotWaitingAndNameTheStepsThatAre() {
    TaskWorkflow wf = startGated(GATED);
    assertThatThrownBy(() -> wf.submitDecision(new Decision("first", true, "too early", "ops", 0, null, 0)))
        .satisfies(refused("step 'first' of task '" + GATED + "' is not waiting for a decision; waiting: [publish]"));
    assertThat(wf.progress().approvals().decisions()).isEmpty();
    WorkflowStub.fromTyped(wf).cancel();
  }

  @Test
  void shouldRefuseARaisedCostTheTaskCouldNotReadAndKeepTheStepWaiting() {
    TaskWorkflow wf = startGated(GATED);
    // a caller that goes around the API: each of these once reached the workflow, which then failed on every try
    for (String cost : List.of("1d", "Infinity", "NaN", "0x1p3", "1e999999999", "-1")) {
      assertThatThrownBy(() -> wf.submitDecision(new Decision("publish", true, "more", "ops", 0, cost, 0)))
          .as(cost).isInstanceOf(WorkflowUpdateException.class).cause().isInstanceOfSatisfying(ApplicationFailure.class,
              f -> assertThat(f.getOriginalMessage()).startsWith("max_cost must be a decimal number greater than 0"));
    }
    assertThat(wf.progress().approvals().awaiting()).containsOnlyKeys("publish");

    assertThat(wf.submitDecision(new Decision("publish", true, "fine", "ops", 0, "2.50", 0)).maxCost())
        .isEqualTo("2.50");
    WorkflowStub.fromTyped(wf).cancel();
  }

  @Test
  void shouldDeliverADecisionOnceAndReturnItAsTheTaskRecordedIt() {
    TaskWorkflow wf = startGated(GATED, step("after", "text.block", Map.of(), "publish"));

    Decision recorded = wf.submitDecision(new Decision("publish", true, "fine", "lead", 0, null, 0));

    assertThat(recorded.atMillis()).isPositive();
    assertThat(recorded.by()).isEqualTo("lead");
    assertThatThrownBy(() -> wf.submitDecision(new Decision("publish", false, "changed my mind", "lead", 0, null, 0)))
        .satisfies(refused("step 'publish' of task '" + GATED + "' is not waiting for a decision; waiting: none"));
    assertThat(wf.progress().approvals().decisions()).containsExactly(recorded);
    WorkflowStub.fromTyped(wf).cancel();
  }

  @Test
  void shouldReplayATaskDecidedByTheUpdateWithoutNondeterminism() throws Exception {
    WorkflowExecutionHistory history = history(RECORDED);
    assertThat(history.getEvents()).extracting(HistoryEvent::getEventType)
        .contains(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_ACCEPTED,
            EventType.EVENT_TYPE_WORKFLOW_EXECUTION_UPDATE_COMPLETED)
        .doesNotContain(EventType.EVENT_TYPE_WORKFLOW_EXECUTION_SIGNALED);
    WorkflowReplayer.replayWorkflowExecution(history, TaskWorkflowImpl.class, MapWorkflowImpl.class);
  }

  @Test
  void shouldReplayATaskDecidedByTheDecideSignalBeforeTheUpdateWithoutNondeterminism() throws Exception {
    WorkflowExecutionHistory history = history(SIGNALLED);
    assertThat(history.getEvents()).filteredOn(HistoryEvent::hasWorkflowExecutionSignaledEventAttributes)
        .extracting(e -> e.getWorkflowExecutionSignaledEventAttributes().getSignalName()).contains("decide");
    WorkflowReplayer.replayWorkflowExecution(history, TaskWorkflowImpl.class, MapWorkflowImpl.class);
  }

  /** Records {@code task-decided.json}; a history recorded before is kept, since replaying that is the point. */
  @Test
  @EnabledIfSystemProperty(named = "nightshift.recordHistories", matches = "true")
  void recordHistory() throws Exception {
    Path file = HISTORIES.resolve(RECORDED + ".json");
    if (Files.exists(file)) {
      return;
    }
    TaskWorkflow wf = startGated(RECORDED);
    wf.submitDecision(new Decision("publish", true, "recorded", "recorder", 0, null, 0));
    WorkflowStub.fromTyped(wf).getResult(TaskResult.class);
    Files.writeString(file, engine.env.getWorkflowClient().fetchHistory(RECORDED).toJson(true));
  }

  /** A task whose step 'publish' waits at its approval gate after 'first' ran; {@code later} run after it. */
  private TaskWorkflow startGated(String id, PlannedStep... later) {
    PlannedStep publish = step("publish", "text.upper", Map.of("input", "${steps.first.output}"), "first");
    List<PlannedStep> steps = new ArrayList<>(List.of(step("first", "text.emit", Map.of("text", "a")),
        new PlannedStep(publish.name(), publish.kind(), publish.tool(), publish.params(), publish.needs(),
            publish.policy(), null, 0, null, null, null, true)));
    steps.addAll(List.of(later));
    Plans.extra.put(id, plan(steps.toArray(PlannedStep[]::new)));
    TaskWorkflow wf = engine.stub(id);
    WorkflowClient.start(wf::run, EngineFixture.input(id, id));
    for (int i = 0; i < 100 && (wf.progress() == null || wf.progress().approvals().awaiting().isEmpty()); i++) {
      engine.env.sleep(Duration.ofMillis(100));
    }
    assertThat(wf.progress().approvals().awaiting()).containsOnlyKeys("publish");
    return wf;
  }

  /** The update failed in the task's validator with {@code message}. */
  private static ThrowingConsumer<Throwable> refused(String message) {
    return e -> assertThat(e).isInstanceOf(WorkflowUpdateException.class).cause()
        .isInstanceOfSatisfying(ApplicationFailure.class, f -> assertThat(f.getOriginalMessage()).isEqualTo(message));
  }

  private static WorkflowExecutionHistory history(String id) throws Exception {
    return WorkflowExecutionHistory.fromJson(Files.readString(HISTORIES.resolve(id + ".json")), id);
  }
}
