package io.nightshift.workflows.task;

import static io.nightshift.workflows.task.TaskWorkflowTest.plan;
import static io.nightshift.workflows.task.TaskWorkflowTest.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.nightshift.workflows.task.control.Decision;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.api.enums.v1.IndexedValueType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.api.workflowservice.v1.DescribeWorkflowExecutionRequest;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.testing.WorkflowReplayer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state a task is listed under (search attribute NightshiftState, what ListTasks and the UI's list show): a
 * task whose step waits for a person is listed AWAITING_APPROVAL, also again after a pause and resume, and goes
 * back to RUNNING when the decision comes.
 */
class ListedStateTest {
  private static final String GATED = "listed-gated";
  private static final String RECORDED = "task-listed";
  private static final Path HISTORIES = Path.of("src/test/resources/histories");
  @TempDir Path dir;
  private EngineFixture engine;

  @BeforeEach
  void setUp() {
    PlannedStep gate = step("publish", "text.upper", Map.of("input", "${steps.first.output}"), "first");
    Plans.extra.put(GATED, plan(step("first", "text.emit", Map.of("text", "a")),
        new PlannedStep(gate.name(), gate.kind(), gate.tool(), gate.params(), gate.needs(), gate.policy(), null, 0,
            null, null, null, true),
        step("after", "text.block", Map.of(), "publish")));
    engine = new EngineFixture(dir);
    engine.env.registerSearchAttribute(TaskSearchAttributes.STATE.getName(), IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
    engine.env.registerSearchAttribute(TaskSearchAttributes.PIPELINE.getName(),
        IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD);
  }

  @AfterEach
  void tearDown() {
    engine.close();
  }

  @Test
  void shouldListATaskWaitingForAPersonAsAwaitingApprovalUntilTheDecision() {
    TaskWorkflow wf = engine.stub("gated");
    WorkflowClient.start(wf::run, TaskInput.builder("gated", "g").pipeline("gated", GATED).searchAttributes(true).build());
    awaitListed("AWAITING_APPROVAL");

    wf.pause("lunch");
    awaitListed("PAUSED");
    wf.resume();
    awaitListed("AWAITING_APPROVAL");

    wf.decide(new Decision("publish", true, "fine", "lead", 0, null, 0));
    awaitListed("RUNNING"); // 'after' blocks until cancelled
    WorkflowStub.fromTyped(wf).cancel();
  }

  /** Replays a task recorded under the marker; TaskWorkflowReplayTest replays it too, as every task-*.json. */
  @Test
  void shouldReplayARecordedTaskListedAsAwaitingWithoutNondeterminism() throws Exception {
    Path f = HISTORIES.resolve(RECORDED + ".json");
    assertThat(f).exists();
    WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(Files.readString(f), RECORDED);
    assertThat(history.getEvents()).filteredOn(HistoryEvent::hasMarkerRecordedEventAttributes)
        .anySatisfy(e -> assertThat(e.getMarkerRecordedEventAttributes().getDetailsMap().toString())
            .contains(TaskWorkflowImpl.LISTED_AWAITING));
    assertThat(history.getEvents()).filteredOn(HistoryEvent::hasUpsertWorkflowSearchAttributesEventAttributes)
        .anySatisfy(e -> assertThat(e.getUpsertWorkflowSearchAttributesEventAttributes().toString())
            .contains("AWAITING_APPROVAL"));
    WorkflowReplayer.replayWorkflowExecution(history, TaskWorkflowImpl.class, MapWorkflowImpl.class);
  }

  /** Records {@code task-listed.json}: the gate, a pause and resume while it waits, the approval, the end. */
  @Test
  @EnabledIfSystemProperty(named = "nightshift.recordHistories", matches = "true")
  void recordHistory() throws Exception {
    if (Files.exists(HISTORIES.resolve(RECORDED + ".json"))) {
      return;
    }
    PlannedStep gate = step("publish", "text.upper", Map.of("input", "${steps.first.output}"), "first");
    Plans.extra.put(RECORDED, plan(step("first", "text.emit", Map.of("text", "a")),
        new PlannedStep(gate.name(), gate.kind(), gate.tool(), gate.params(), gate.needs(), gate.policy(), null, 0,
            null, null, null, true)));
    TaskWorkflow wf = engine.stub(RECORDED);
    WorkflowClient.start(wf::run, TaskInput.builder(RECORDED, "g").pipeline(RECORDED, RECORDED).searchAttributes(true).build());
    awaitListed(RECORDED, "AWAITING_APPROVAL");
    wf.pause("recorded pause");
    awaitListed(RECORDED, "PAUSED");
    wf.resume();
    awaitListed(RECORDED, "AWAITING_APPROVAL");
    wf.decide(new Decision("publish", true, "recorded", "recorder", 0, null, 0));
    WorkflowStub.fromTyped(wf).getResult(TaskResult.class);
    Files.writeString(HISTORIES.resolve(RECORDED + ".json"),
        engine.env.getWorkflowClient().fetchHistory(RECORDED).toJson(true));
  }

  private void awaitListed(String state) {
    awaitListed("gated", state);
  }

  private void awaitListed(String id, String state) {
    String seen = null;
    for (int i = 0; i < 100; i++) {
      seen = listed(id);
      if (state.equals(seen)) {
        return;
      }
      engine.env.sleep(Duration.ofMillis(100));
    }
    throw new AssertionError("never listed as " + state + "; last: " + seen);
  }

  private String listed(String id) {
    var info = engine.env.getWorkflowClient().getWorkflowServiceStubs().blockingStub()
        .describeWorkflowExecution(DescribeWorkflowExecutionRequest.newBuilder()
            .setNamespace(engine.env.getNamespace())
            .setExecution(WorkflowExecution.newBuilder().setWorkflowId(id)).build())
        .getWorkflowExecutionInfo();
    var payload = info.getSearchAttributes().getIndexedFieldsMap().get(TaskSearchAttributes.STATE.getName());
    return payload == null ? null
        : DefaultDataConverter.STANDARD_INSTANCE.fromPayload(payload, String.class, String.class);
  }
}
