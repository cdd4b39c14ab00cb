package io.nightshift.workflows.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.pipeline.AgentSettings;
import io.nightshift.core.pipeline.ChildPipeline;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.activities.PlanningActivitiesImpl;
import io.nightshift.workflows.activities.StepActivitiesImpl;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.map.MapActivitiesImpl;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.nightshift.workflows.task.TaskInput;
import io.nightshift.workflows.task.TaskProgress;
import io.nightshift.workflows.task.TaskResult;
import io.nightshift.workflows.task.TaskState;
import io.nightshift.workflows.task.TaskWorkflow;
import io.nightshift.workflows.task.TaskWorkflowImpl;
import io.nightshift.workflows.task.budget.TaskBudget;
import io.nightshift.workflows.task.budget.TaskBudgetStatus;
import io.nightshift.workflows.task.control.Decision;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task budget over several agent steps: the steps together may not spend more than it; the task pauses with
 * BUDGET_EXHAUSTED when it runs out and goes on when an approval raises it. Every model call here reports
 * 400 + 200 tokens (cost 0.000001 per token), and an agent reserves 512 tokens before its first call.
 */
class TaskBudgetInTaskTest {
  private static final long TOKENS_PER_CALL = 600;
  @TempDir Path dir;
  private TestWorkflowEnvironment env;
  private ScriptedModel model;

  @BeforeEach
  void setUp() throws Exception {
    env = TestWorkflowEnvironment.newInstance();
    FileArtifactStore store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    model = new ScriptedModel(store, conversation -> ScriptedModel.Reply.answer("done: "
        + conversation.get(conversation.size() - 1).text()).usage(400, 200));
    Worker worker = env.newWorker(TaskQueues.CONTROL);
    worker.registerWorkflowImplementationTypes(TaskWorkflowImpl.class, MapWorkflowImpl.class, AgentWorkflowImpl.class);
    worker.registerActivitiesImplementations(new PlanningActivitiesImpl(r -> plan(r.pipelineYaml())),
        new StepActivitiesImpl(name -> Optional.empty(), ToolFiles.withoutInputs(store, dir.resolve("scratch")), 200),
        new MapActivitiesImpl(store), model, new FakeTools(store, env.getWorkflowClient()));
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void shouldPauseTwoAgentStepsThatTogetherPassTheTaskBudgetAndFinishAfterARaise() {
    // each step alone fits 1,000 tokens; together they need 1,200: the second gets only what the first left
    TaskWorkflow wf = start("pair", "two-agents", new TaskBudget(1_000, null, 0));

    TaskProgress paused = awaitState(wf, TaskState.PAUSED);
    assertThat(paused.status().error()).startsWith("paused: BUDGET_EXHAUSTED: task budget (tokens 600 spent + 0 reserved of"
        + " 1000");
    assertThat(paused.approvals().awaiting()).containsOnlyKeys("second");
    assertThat(paused.budget().orElseThrow().tokensSpent()).isEqualTo(TOKENS_PER_CALL);
    assertThat(paused.budget().orElseThrow().maxTokens()).isEqualTo(1_000);
    assertThat(model.inputs).hasSize(1);

    wf.decide(new Decision("second", true, "worth it", "lead", 5_000, null, 0));
    WorkflowStub.fromTyped(wf).getResult(TaskResult.class);

    TaskProgress done = wf.progress();
    assertThat(done.status().state()).isEqualTo(TaskState.SUCCEEDED);
    TaskBudgetStatus budget = done.budget().orElseThrow();
    assertThat(budget.maxTokens()).isEqualTo(5_000);
    // settled = what the agents themselves spent: one reported call each
    assertThat(model.inputs).hasSize(2);
    assertThat(budget.tokensSpent()).isEqualTo(model.inputs.size() * TOKENS_PER_CALL);
    assertThat(new BigDecimal(budget.costSpent())).isEqualByComparingTo("0.0012");
    assertThat(budget.tokensReserved()).isZero();
    assertThat(done.approvals().decisions()).singleElement().satisfies(d -> assertThat(d.maxTokens()).isEqualTo(5_000));
  }

  @Test
  void shouldNeverLetAgentStepsHoldMoreThanACostBudgetAndFailTheStepWhenTheRaiseIsRejected() {
    // 0.0008 fits one call (0.0006) but not two
    TaskWorkflow wf = start("cost", "two-agents", new TaskBudget(0, "0.0008", 0));

    TaskProgress paused = awaitState(wf, TaskState.PAUSED);
    assertThat(paused.status().error()).contains("BUDGET_EXHAUSTED: task budget");
    assertThat(new BigDecimal(paused.budget().orElseThrow().costSpent())).isEqualByComparingTo("0.0006");
    wf.decide(new Decision("second", false, "enough spent", "cfo", 0, null, 0));

    assertThatThrownBy(() -> WorkflowStub.fromTyped(wf).getResult(TaskResult.class))
        .isInstanceOf(WorkflowFailedException.class).rootCause()
        .hasMessageContaining("step 'second' failed: task budget raise for step 'second' rejected by cfo: enough spent");
    assertThat(model.inputs).hasSize(1);
  }

  @Test
  void shouldHoldStepsBackOnceTheTaskWallClockRanOutUntilApproved() {
    TaskWorkflow wf = start("clock", "wait-then-agent", new TaskBudget(0, null, 1_000));

    TaskProgress paused = awaitState(wf, TaskState.PAUSED);
    assertThat(paused.status().error()).startsWith("paused: BUDGET_EXHAUSTED: task budget: its wall clock of 1 s ran out"
        + " before step 'first' could start");
    assertThat(model.inputs).isEmpty();
    wf.decide(new Decision("first", true, "one more second", "lead", 0, null, 0));

    WorkflowStub.fromTyped(wf).getResult(TaskResult.class);
    assertThat(wf.progress().status().state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(wf.progress().budget().orElseThrow().deadlineMillis()).isPositive();
    assertThat(model.inputs).hasSize(1);
  }

  @Test
  void shouldCarryTheLedgerOverContinueAsNewSoLaterRunsSeeWhatEarlierOnesSpent() {
    // a chain of three agents, each run cut over after its first step: 1,500 tokens hold two agents (1,200), so the
    // third, two runs later, finds 300 left and pauses
    TaskWorkflow wf = env.getWorkflowClient().newWorkflowStub(TaskWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId("chain").setTaskQueue(TaskQueues.CONTROL).build());
    WorkflowClient.start(wf::run, TaskInput.builder("chain", "g").pipeline("budgeted", "chain").historyBudget(10)
        .budget(new TaskBudget(1_500, null, 0)).build());

    TaskProgress paused = awaitState(wf, TaskState.PAUSED);
    assertThat(paused.approvals().awaiting()).containsOnlyKeys("third");
    assertThat(paused.budget().orElseThrow().tokensSpent()).isEqualTo(2 * TOKENS_PER_CALL);
    assertThat(continuedFrom("chain")).as("the paused run continued as new from an earlier one").isNotEmpty();
    wf.decide(new Decision("third", true, "finish it", "lead", 2_000, null, 0));

    WorkflowStub.fromTyped(wf).getResult(TaskResult.class);
    TaskProgress done = wf.progress();
    assertThat(done.budget().orElseThrow().tokensSpent()).isEqualTo(3 * TOKENS_PER_CALL);
    assertThat(done.budget().orElseThrow().maxTokens()).isEqualTo(2_000);
    assertThat(model.inputs).hasSize(3);
  }

  /** The run the latest run of {@code workflowId} continued from; empty for a first run. */
  private String continuedFrom(String workflowId) {
    return env.getWorkflowClient().fetchHistory(workflowId).getEvents().get(0)
        .getWorkflowExecutionStartedEventAttributes().getContinuedExecutionRunId();
  }

  @Test
  void shouldLetEveryStepWaitingOnTheTaskBudgetGoOnWhenOneApprovalRaisesIt() {
    // 500 tokens cannot hold any agent's first call (it reserves 512): all three end up waiting on the task budget
    TaskWorkflow wf = start("three", "three-agents", new TaskBudget(500, null, 0));
    for (int i = 0; i < 100 && (wf.progress() == null || wf.progress().approvals().awaiting().size() < 3); i++) {
      env.sleep(Duration.ofMillis(200));
    }
    TaskProgress paused = wf.progress();
    assertThat(paused.approvals().awaiting()).containsOnlyKeys("first", "second", "third");
    assertThat(paused.approvals().awaiting().values()).allSatisfy(why -> assertThat(why).startsWith("BUDGET_EXHAUSTED: task budget"));
    assertThat(model.inputs).isEmpty();

    wf.decide(new Decision("second", true, "raise for all", "lead", 10_000, null, 0));

    WorkflowStub.fromTyped(wf).getResult(TaskResult.class);
    TaskProgress done = wf.progress();
    assertThat(done.approvals().awaiting()).isEmpty();
    assertThat(done.approvals().decisions()).hasSize(1);
    assertThat(model.inputs).hasSize(3);
    assertThat(done.budget().orElseThrow().tokensSpent()).isEqualTo(3 * TOKENS_PER_CALL);
  }

  @Test
  void shouldRunAsBeforeWithoutATaskBudget() {
    TaskWorkflow wf = start("free", "two-agents", Optional.empty());
    WorkflowStub.fromTyped(wf).getResult(TaskResult.class);
    assertThat(wf.progress().budget()).isEmpty();
    assertThat(model.inputs).hasSize(2);
  }

  @Test
  void shouldChargeWhatAChildPipelineSpentToItsParentsTaskBudget() {
    // the first agent spends 600 of 5,000; the child pipeline gets the 4,400 left as its own budget, its two agents
    // spend 1,200 of it, and the parent settles those: nesting a pipeline is no way around the task budget
    TaskWorkflow wf = start("parent", "agent-then-child", new TaskBudget(5_000, null, 0));
    WorkflowStub.fromTyped(wf).getResult(TaskResult.class);

    TaskProgress done = wf.progress();
    assertThat(done.status().state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(model.inputs).hasSize(3);
    assertThat(done.budget().orElseThrow().tokensSpent()).isEqualTo(3 * TOKENS_PER_CALL);
    assertThat(new BigDecimal(done.budget().orElseThrow().costSpent())).isEqualByComparingTo("0.0018");
    assertThat(done.budget().orElseThrow().tokensReserved()).isZero();
    TaskProgress child = childProgress("parent.inner");
    assertThat(child.budget().orElseThrow().maxTokens()).as("the child's budget: what the parent had left").isEqualTo(4_400);
    assertThat(child.budget().orElseThrow().tokensSpent()).isEqualTo(2 * TOKENS_PER_CALL);
    assertThat(done.steps()).filteredOn(st -> st.name().equals("inner")).singleElement()
        .satisfies(st -> assertThat(st.outcome().summary()).endsWith("spent 1200 tokens, cost 0.0012"));
  }

  @Test
  void shouldPauseAChildPipelineThatRunsOutOfWhatItsParentHadLeft() {
    // 1,000 tokens: the first agent spends 600, the child gets 400, which cannot hold its agent's first call
    TaskWorkflow wf = start("short", "agent-then-child", new TaskBudget(1_000, null, 0));
    TaskWorkflow child = env.getWorkflowClient().newWorkflowStub(TaskWorkflow.class, "short.inner");
    awaitState(wf, TaskState.RUNNING);
    for (int i = 0; i < 50 && !started("short.inner"); i++) {
      env.sleep(Duration.ofMillis(200));
    }
    TaskProgress paused = awaitState(child, TaskState.PAUSED);
    assertThat(paused.status().error()).contains("BUDGET_EXHAUSTED: task budget (tokens 0 spent + 0 reserved of 400");
    assertThat(wf.progress().budget().orElseThrow().tokensReserved()).as("the parent holds the child's share").isEqualTo(400);

    child.decide(new Decision(paused.approvals().awaiting().keySet().iterator().next(), true, "go on", "lead", 3_000, null, 0));
    WorkflowStub.fromTyped(wf).getResult(TaskResult.class);
    TaskProgress done = wf.progress();
    // the raise approved on the child lets it spend past its share: the parent is charged in full, so later steps
    // of the parent would find nothing left
    assertThat(done.budget().orElseThrow().tokensSpent()).isEqualTo(3 * TOKENS_PER_CALL);
    assertThat(done.budget().orElseThrow().tokensReserved()).isZero();
  }

  @Test
  void shouldSettleWhatAFailedChildPipelineSpentBeforeItFailed() {
    TaskWorkflow wf = start("failing", "agent-then-failing-child", new TaskBudget(5_000, null, 0));
    assertThatThrownBy(() -> WorkflowStub.fromTyped(wf).getResult(TaskResult.class))
        .isInstanceOf(WorkflowFailedException.class);
    TaskProgress done = wf.progress();
    assertThat(done.status().state()).isEqualTo(TaskState.FAILED);
    // the first agent, and the child's agent that ran before its tool step failed
    assertThat(done.budget().orElseThrow().tokensSpent()).isEqualTo(2 * TOKENS_PER_CALL);
    assertThat(done.budget().orElseThrow().tokensReserved()).isZero();
  }

  private boolean started(String workflowId) {
    try {
      env.getWorkflowClient().fetchHistory(workflowId);
      return true;
    } catch (RuntimeException e) { // not found (yet), however the client words it
      return false;
    }
  }

  private TaskProgress childProgress(String id) {
    return env.getWorkflowClient().newWorkflowStub(TaskWorkflow.class, id).progress();
  }

  private static PlannedStep agent(String name, List<String> needs) {
    return new PlannedStep(name, StepKind.AGENT, null, Map.of(), needs, StepPolicy.DEFAULT, null, 0, null, null,
        AgentSettings.builder("scripted", "work on " + name).instructions("be brief").maxTurns(4).build(), false);
  }

  private Plan plan(String which) {
    if (which.equals("wait-then-agent")) {
      PlannedStep wait = new PlannedStep("nap", StepKind.WAIT, null, Map.of(), List.of(), StepPolicy.DEFAULT, null,
          2_000, null, null, null, false);
      return Plan.of("budgeted", 1, Map.of(), List.of(wait, agent("first", List.of("nap"))));
    }
    if (which.equals("agent-then-child") || which.equals("agent-then-failing-child")) {
      String inner = which.equals("agent-then-child") ? "inner-agents" : "inner-failing";
      PlannedStep child = new PlannedStep("inner", StepKind.PIPELINE, null, Map.of(), List.of("first"),
          StepPolicy.DEFAULT, null, 0, new ChildPipeline(inner, inner), null, null, false);
      return Plan.of("budgeted", 1, Map.of(), List.of(agent("first", List.of()), child));
    }
    if (which.equals("inner-agents")) {
      return Plan.of("inner", 1, Map.of(), List.of(agent("a", List.of()), agent("b", List.of("a"))));
    }
    if (which.equals("inner-failing")) {
      // the worker has no tools at all, so this step fails for good after the agent ran
      return Plan.of("inner", 1, Map.of(), List.of(agent("a", List.of()),
          PlannedStep.tool("broken", "no.such.tool", Map.of(), List.of("a"))));
    }
    if (which.equals("three-agents")) {
      return Plan.of("budgeted", 1, Map.of(), List.of(agent("first", List.of()), agent("second", List.of()),
          agent("third", List.of())));
    }
    if (which.equals("chain")) {
      return Plan.of("budgeted", 1, Map.of(), List.of(agent("first", List.of()), agent("second", List.of("first")),
          agent("third", List.of("second"))));
    }
    // independent steps: both start at once, so the first holds the whole budget and the second waits for it
    return Plan.of("budgeted", 1, Map.of(), List.of(agent("first", List.of()), agent("second", List.of())));
  }

  private TaskWorkflow start(String id, String plan, TaskBudget budget) {
    return start(id, plan, Optional.of(budget));
  }

  private TaskWorkflow start(String id, String plan, Optional<TaskBudget> budget) {
    TaskWorkflow wf = env.getWorkflowClient().newWorkflowStub(TaskWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.CONTROL).build());
    TaskInput.Builder input = TaskInput.builder(id, "g").pipeline("budgeted", plan);
    budget.ifPresent(input::budget);
    WorkflowClient.start(wf::run, input.build());
    return wf;
  }

  private TaskProgress awaitState(TaskWorkflow wf, TaskState state) {
    for (int i = 0; i < 100; i++) {
      TaskProgress p = wf.progress();
      if (p != null && p.status().state() == state) {
        return p;
      }
      env.sleep(Duration.ofMillis(200));
    }
    throw new AssertionError("never reached " + state + "; last: " + wf.progress());
  }
}
