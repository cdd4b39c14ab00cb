package io.nightshift.workflows.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.pipeline.AgentSettings;
import io.nightshift.core.pipeline.LoopGuardSettings;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.workflows.TaskQueues;
import io.nightshift.workflows.activities.PlanningActivitiesImpl;
import io.nightshift.workflows.activities.StepActivitiesImpl;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.dag.StepState;
import io.nightshift.workflows.map.MapActivitiesImpl;
import io.nightshift.workflows.map.MapWorkflowImpl;
import io.nightshift.workflows.task.StepStatus;
import io.nightshift.workflows.task.TaskInput;
import io.nightshift.workflows.task.TaskProgress;
import io.nightshift.workflows.task.TaskResult;
import io.nightshift.workflows.task.TaskState;
import io.nightshift.workflows.task.TaskWorkflow;
import io.nightshift.workflows.task.TaskWorkflowImpl;
import io.nightshift.workflows.task.control.Decision;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.client.WorkflowStub;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.charset.StandardCharsets;
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
 * Agent steps inside a task, and the people around them: an approval gate before a step, an agent that runs out
 * of budget (the task pauses with BUDGET_EXHAUSTED until a raised budget is approved), steering guidance that
 * reaches the running agent's next model call, and an agent stuck on a tool that its loop guard ends.
 */
class AgentStepInTaskTest {
  private static final String LOOPING = "keep calling text.bad";
  @TempDir Path dir;
  private TestWorkflowEnvironment env;
  private FileArtifactStore store;
  private ScriptedModel model;

  @BeforeEach
  void setUp() throws Exception {
    env = TestWorkflowEnvironment.newInstance();
    store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    model = new ScriptedModel(store, conversation -> {
      if (conversation.get(0).text().equals(LOOPING)) { // a model stuck on a tool that refuses its arguments
        return ScriptedModel.Reply.call(new AgentToolCall("b" + conversation.size(), "text.bad",
            "{\"n\":" + conversation.size() + "}"));
      }
      String last = conversation.get(conversation.size() - 1).text();
      return ScriptedModel.Reply.answer("answer to: " + last);
    });
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
  void shouldPauseOnBudgetExhaustedAndResumeTheSameAgentAfterARaisedBudgetIsApproved() throws Exception {
    TaskWorkflow wf = start("budget", "tight-budget");
    TaskProgress paused = awaitState(wf, TaskState.PAUSED);
    assertThat(paused.status().error()).startsWith("paused: BUDGET_EXHAUSTED: agent step 'summarise'");
    assertThat(paused.approvals().awaiting()).containsKey("summarise");
    assertThat(step(paused, "summarise").state()).isEqualTo(StepState.AWAITING_APPROVAL);

    wf.decide(new Decision("nope", true, "not waiting: ignored", "ops", 0, null, 0));
    wf.decide(new Decision("summarise", true, "worth it", "dr. who", 100_000, null, 0));

    TaskResult result = WorkflowStub.fromTyped(wf).getResult(TaskResult.class);
    assertThat(new String(store.read(result.result()), StandardCharsets.UTF_8))
        .isEqualTo("answer to: summarise the screen");
    TaskProgress done = wf.progress();
    assertThat(done.status().state()).isEqualTo(TaskState.SUCCEEDED);
    assertThat(done.approvals().decisions()).singleElement().satisfies(d -> {
      assertThat(d.by()).isEqualTo("dr. who");
      assertThat(d.comment()).isEqualTo("worth it");
    });
  }

  @Test
  void shouldHoldGatedStepUntilApprovedAndFailItWhenRejected() {
    TaskWorkflow approved = start("gate-ok", "gated");
    awaitState(approved, TaskState.AWAITING_APPROVAL);
    approved.decide(new Decision("summarise", true, "go", "lead", 0, null, 0));
    WorkflowStub.fromTyped(approved).getResult(TaskResult.class);
    assertThat(approved.progress().status().state()).isEqualTo(TaskState.SUCCEEDED);

    TaskWorkflow rejected = start("gate-no", "gated");
    awaitState(rejected, TaskState.AWAITING_APPROVAL);
    rejected.decide(new Decision("summarise", false, "not on patient data", "dpo", 0, null, 0));
    assertThatThrownBy(() -> WorkflowStub.fromTyped(rejected).getResult(TaskResult.class))
        .isInstanceOf(WorkflowFailedException.class).rootCause()
        .hasMessageContaining("step 'summarise' failed: rejected by dpo: not on patient data");
  }

  @Test
  void shouldCapEachAnswerAtTheStepsMaxOutputTokensOrTheEngineDefault() {
    WorkflowStub.fromTyped(start("short", "short-answers")).getResult(TaskResult.class);
    WorkflowStub.fromTyped(start("default", "gated-free")).getResult(TaskResult.class);

    assertThat(model.inputs).extracting(in -> in.agentId() + "=" + in.maxOutputTokens())
        .containsExactlyInAnyOrder("short/summarise=64", "default/summarise=512");
  }

  @Test
  void shouldFailTheTaskNamingTheLoopGuardWhenItsAgentStepKeepsFailingATool() {
    TaskWorkflow looping = start("looping", "looping");

    assertThatThrownBy(() -> WorkflowStub.fromTyped(looping).getResult(TaskResult.class))
        .isInstanceOf(WorkflowFailedException.class).rootCause()
        .hasMessageContaining("step 'summarise' failed")
        .hasMessageContaining("agent 'looping/summarise': loop guard: tool 'text.bad' failed 2 times in a row"
            + " (max_consecutive_failures: 2)");
    assertThat(model.inputs).as("the step's loop_guard reached its agent: no third model call").hasSize(2);
  }

  private Plan plan(String which) {
    boolean looping = which.equals("looping");
    AgentSettings agent = AgentSettings.builder("scripted", "summarise the screen")
        .instructions(looping ? LOOPING : "be brief").tools(looping ? List.of("text.bad") : List.of())
        .maxTurns(looping ? 10 : 4).budget(which.equals("tight-budget") ? 1 : 0, null, 0)
        .maxOutputTokens(which.equals("short-answers") ? 64 : 0)
        .loopGuard(looping ? new LoopGuardSettings(5, 2) : LoopGuardSettings.DEFAULTS).build();
    PlannedStep step = new PlannedStep("summarise", StepKind.AGENT, null, Map.of(), List.of(), StepPolicy.DEFAULT,
        null, 0, null, null, agent, which.equals("gated"));
    return Plan.of("agentic", 1, Map.of(), List.of(step));
  }

  private TaskWorkflow start(String id, String plan) {
    TaskWorkflow wf = env.getWorkflowClient().newWorkflowStub(TaskWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(TaskQueues.CONTROL).build());
    WorkflowClient.start(wf::run, TaskInput.builder(id, "g").pipeline("agentic", plan).build());
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

  private static StepStatus step(TaskProgress p, String name) {
    return p.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow();
  }
}
