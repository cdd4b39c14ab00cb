package io.nightshift.workflows.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.pipeline.AgentSettings;
import io.nightshift.core.pipeline.ChildPipeline;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.core.planner.Planner;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.activities.PlanningActivitiesImpl;
import io.nightshift.workflows.agent.AgentModelActivities;
import io.nightshift.workflows.agent.AgentWorkflowImpl;
import io.nightshift.workflows.agent.ModelTurnOutput;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.nightshift.workflows.task.budget.TaskBudget;
import io.nightshift.workflows.task.control.Decision;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays a task recorded with a task budget: two agent steps run at once, the second gets what the first left,
 * which cannot hold its first call, so the task pauses with BUDGET_EXHAUSTED; an approval raises the budget and the
 * task finishes; and a task whose child pipeline spends from the parent's budget (task-budget-child). Record them with {@code ./mvnw -o -f workflows/pom.xml test -Dtest=TaskBudgetReplayTest
 * -Dnightshift.recordHistories=true} (TaskWorkflowReplayTest replays it too, as it does every task-*.json).
 */
class TaskBudgetReplayTest {
  private static final Path HISTORIES = Path.of("src/test/resources/histories");
  private static final String ID = "task-budget-raised";
  private static final String CHILD_ID = "task-budget-child";

  @Test
  void shouldReplayATaskThatRanOutOfItsBudgetAndWasRaisedWithoutNondeterminism() throws Exception {
    Path f = HISTORIES.resolve(ID + ".json");
    assertThat(f).exists();
    WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(Files.readString(f), ID);
    // the recording really is of a budget stop and a raise: the second agent resumed after a decision raising 5,000
    assertThat(history.getEvents()).filteredOn(HistoryEvent::hasStartChildWorkflowExecutionInitiatedEventAttributes)
        .extracting(e -> e.getStartChildWorkflowExecutionInitiatedEventAttributes().getWorkflowId())
        .containsExactlyInAnyOrder(ID + "/first", ID + "/second", ID + "/second/resumed-2");
    assertThat(history.getEvents()).filteredOn(HistoryEvent::hasWorkflowExecutionSignaledEventAttributes)
        .singleElement().satisfies(e -> assertThat(e.getWorkflowExecutionSignaledEventAttributes().getInput()
            .getPayloads(0).getData().toStringUtf8()).contains("\"maxTokens\":5000"));
    WorkflowReplayer.replayWorkflowExecution(history, TaskWorkflowImpl.class, MapWorkflowImpl.class);
  }

  @Test
  @EnabledIfSystemProperty(named = "nightshift.recordHistories", matches = "true")
  void recordHistories(@TempDir Path dir) throws Exception {
    record(dir, ID, r -> plan(), 1_000, (env, wf) -> {
      for (int i = 0; i < 100 && (wf.progress() == null || !wf.progress().approvals().awaiting().containsKey("second")); i++) {
        env.sleep(Duration.ofMillis(200));
      }
      wf.decide(new Decision("second", true, "raise", "lead", 5_000, null, 0));
      WorkflowStub.fromTyped(wf).getResult(TaskResult.class);
      assertThat(wf.progress().budget().orElseThrow().tokensSpent()).isEqualTo(1_200);
    });
  }

  @Test
  void shouldReplayATaskWhoseChildPipelineSpentFromItsBudgetWithoutNondeterminism() throws Exception {
    Path f = HISTORIES.resolve(CHILD_ID + ".json");
    assertThat(f).exists();
    WorkflowExecutionHistory history = WorkflowExecutionHistory.fromJson(Files.readString(f), CHILD_ID);
    // recorded under the marker, with the child started on the parent's remaining 4,400 tokens as its budget
    assertThat(history.getEvents()).filteredOn(HistoryEvent::hasMarkerRecordedEventAttributes)
        .anySatisfy(e -> assertThat(e.getMarkerRecordedEventAttributes().getDetailsMap().toString())
            .contains(ChildTaskStep.CHILD_TASK_BUDGET));
    assertThat(history.getEvents()).filteredOn(HistoryEvent::hasStartChildWorkflowExecutionInitiatedEventAttributes)
        .filteredOn(e -> e.getStartChildWorkflowExecutionInitiatedEventAttributes().getWorkflowId()
            .equals(CHILD_ID + ".inner")).singleElement()
        .satisfies(e -> assertThat(e.getStartChildWorkflowExecutionInitiatedEventAttributes().getInput()
            .getPayloads(0).getData().toStringUtf8()).contains("\"maxTokens\":4400"));
    WorkflowReplayer.replayWorkflowExecution(history, TaskWorkflowImpl.class, MapWorkflowImpl.class);
  }

  @Test
  @EnabledIfSystemProperty(named = "nightshift.recordHistories", matches = "true")
  void recordChildHistory(@TempDir Path dir) throws Exception {
    record(dir, CHILD_ID, r -> plan(r.pipelineYaml()), 5_000, (env, wf) -> {
      WorkflowStub.fromTyped(wf).getResult(TaskResult.class);
      assertThat(wf.progress().budget().orElseThrow().tokensSpent()).isEqualTo(1_800);
    });
  }

  /**
   * Runs task {@code id} with a task budget of {@code tokens} (every model call: 400 + 200 tokens at 0.0006) until
   * {@code drive} has seen it through, and writes its history; one recorded by an earlier version is kept, since
   * replaying that is the point.
   */
  private static void record(Path dir, String id, Planner planner, long tokens,
      BiConsumer<TestWorkflowEnvironment, TaskWorkflow> drive) throws Exception {
    if (Files.exists(HISTORIES.resolve(id + ".json"))) {
      return;
    }
    FileArtifactStore store = FileArtifactStore.unencrypted(dir);
    ArtifactRef said = store.put("ok".getBytes(StandardCharsets.UTF_8), "text/plain");
    AgentModelActivities model = in -> new ModelTurnOutput(said, said, List.of(), 400, 200, true,
        new BigDecimal("0.0006"), in.endpoint());
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker control = env.newWorker(TaskQueues.CONTROL);
      control.registerWorkflowImplementationTypes(TaskWorkflowImpl.class, MapWorkflowImpl.class,
          AgentWorkflowImpl.class);
      control.registerActivitiesImplementations(new PlanningActivitiesImpl(planner), model);
      env.start();
      TaskWorkflow wf = env.getWorkflowClient().newWorkflowStub(TaskWorkflow.class,
          WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.CONTROL).build());
      WorkflowClient.start(wf::run, TaskInput.builder(id, "g").pipeline(id, id)
          .budget(new TaskBudget(tokens, null, 0)).build());
      drive.accept(env, wf);
      Files.writeString(HISTORIES.resolve(id + ".json"), env.getWorkflowClient().fetchHistory(id).toJson(true));
    }
  }

  private static Plan plan() {
    return Plan.of(ID, 1, Map.of(), List.of(agent("first"), agent("second")));
  }

  /** The parent: an agent, then a child pipeline of two agents; the child's own plan is asked for by its name. */
  private static Plan plan(String which) {
    if (which.equals("inner")) {
      return Plan.of("inner", 1, Map.of(), List.of(agent("a"), agent("b")));
    }
    PlannedStep child = new PlannedStep("inner", StepKind.PIPELINE, null, Map.of(), List.of("first"),
        StepPolicy.DEFAULT, null, 0, new ChildPipeline("inner", "inner"), null, null, false);
    return Plan.of(CHILD_ID, 1, Map.of(), List.of(agent("first"), child));
  }

  private static PlannedStep agent(String name) {
    return new PlannedStep(name, StepKind.AGENT, null, Map.of(), List.of(), StepPolicy.DEFAULT, null, 0, null, null,
        AgentSettings.builder("llm", "work on " + name).instructions("be brief").maxTurns(4).build(), false);
  }
}
