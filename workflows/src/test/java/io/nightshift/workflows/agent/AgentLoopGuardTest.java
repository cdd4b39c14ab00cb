package io.nightshift.workflows.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.pipeline.LoopGuardSettings;
import io.nightshift.workflows.agent.ScriptedModel.Reply;
import io.nightshift.workflows.agent.TranscriptMessage.Role;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent whose scripted model loops, on Temporal's test server (issue 19): the loop guard's note reaches the
 * model in the tool result, and past the bound the step ends with a failure naming the tool, the count and the
 * bound, with no further model call.
 */
class AgentLoopGuardTest {
  private static final List<String> TOOLS = List.of("text.echo", "text.bad", "memory.search");

  @TempDir Path dir;
  private TestWorkflowEnvironment env;
  private FileArtifactStore store;
  private ScriptedModel model;
  private FakeTools tools;
  private volatile ScriptedModel.Brain brain;

  @BeforeEach
  void setUp() throws IOException {
    env = TestWorkflowEnvironment.newInstance();
    store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    model = new ScriptedModel(store, conversation -> brain.next(conversation));
    tools = new FakeTools(store, env.getWorkflowClient());
    Worker worker = env.newWorker(AgentWorkflowTest.QUEUE);
    worker.registerWorkflowImplementationTypes(AgentWorkflowImpl.class);
    worker.registerActivitiesImplementations(model, tools);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void shouldTellTheModelItRepeatsItselfThenEndTheStepWithoutAnotherModelCallAcrossContinueAsNew() {
    // the same search, its keys in another order every other time, for ever (the fake answers it the same each time)
    brain = conversation -> Reply.call(new AgentToolCall("s" + conversation.size(), "memory.search",
        ScriptedModel.count(conversation, Role.ASSISTANT) % 2 == 0 ? "{\"q\":\"grid\",\"n\":3}"
            : "{\"n\":3,\"q\":\"grid\"}"));
    // a continue-as-new after every second turn: the counts must travel with it
    AgentInput input = input("repeats", new AgentLimits(20, 4, 50, 2), new LoopGuardSettings(3, 5));

    WorkflowFailedException failed = catchThrowableOfType(() -> stub("repeats").run(input),
        WorkflowFailedException.class);

    ApplicationFailure why = (ApplicationFailure) failed.getCause();
    assertThat(why.getType()).isEqualTo(LoopGuard.LOOP_DETECTED);
    assertThat(why.isNonRetryable()).isTrue();
    assertThat(why.getOriginalMessage()).startsWith("agent 'repeats': loop guard: the model asked again for tool"
        + " 'memory.search' with the same arguments after 3 calls in a row that returned the same result"
        + " (max_repeats: 3)");
    assertThat(tools.count("memory.search")).as("the fourth call was not run").isEqualTo(3);
    assertThat(model.inputs).as("no model call after the one that asked a fourth time").hasSize(4);
    assertThat(model.lastSeen).extracting(TranscriptMessage::text).satisfiesExactly(
        first -> assertThat(first).isEqualTo("Do the thing."),
        second -> assertThat(second).doesNotContain("[loop guard]"),
        third -> assertThat(third).startsWith("noted in ").endsWith("\n\n[loop guard] This exact call (tool"
            + " memory.search, the same arguments) has now been made 2 times in a row and returned the same result"
            + " each time. Asking for it again after 3 such results ends this step (max_repeats: 3): try something else."),
        fourth -> assertThat(fourth).contains("has now been made 3 times in a row"));
    assertThat(model.lastSeen.get(2).role()).as("the note is part of the tool result").isEqualTo(Role.TOOL);
    // the conversation as people read it (API, CLI, UI): the stored transcript, notes in their tool results
    AgentProgress ended = env.getWorkflowClient().newWorkflowStub(AgentWorkflow.class, "repeats").progress();
    assertThat(ended.phase()).isEqualTo(AgentProgress.Phase.ENDED);
    assertThat(new Transcripts(store).messages(ended.transcript())).filteredOn(m -> m.role() == Role.TOOL)
        .extracting(m -> m.text().contains("[loop guard]")).containsExactly(false, true, true);
  }

  @Test
  void shouldEndTheStepWhenOneToolFailsTheBoundNumberOfTimesInARowWhateverItsArguments() {
    brain = conversation -> Reply.call(new AgentToolCall("b" + conversation.size(), "text.bad",
        "{\"n\":\"" + "x".repeat(conversation.size()) + "\"}"));
    AgentInput input = input("failures", new AgentLimits(20, 4, 50, 0), new LoopGuardSettings(5, 3));

    WorkflowFailedException failed = catchThrowableOfType(() -> stub("failures").run(input),
        WorkflowFailedException.class);

    ApplicationFailure why = (ApplicationFailure) failed.getCause();
    assertThat(why.getType()).isEqualTo(LoopGuard.LOOP_DETECTED);
    assertThat(why.getOriginalMessage()).isEqualTo("agent 'failures': loop guard: tool 'text.bad' failed 3 times in a"
        + " row (max_consecutive_failures: 3); its last result: error: argument 'n' must be a number, was"
        + " {\"n\":\"xxxxxx\"}"); // the third call's: 6 messages in view
    assertThat(model.inputs).as("no model call after the third failure").hasSize(3);
    assertThat(model.lastSeen.get(2).text()).endsWith("[loop guard] Tool text.bad has now failed 2 times in a row."
        + " After 3 failures in a row this step ends (max_consecutive_failures: 3): fix the call or use another tool.");
  }

  @Test
  void shouldLetALoopRunToTheTurnLimitWithoutANoteWhenTheGuardIsOff() {
    brain = conversation -> Reply.call(new AgentToolCall("s", "text.echo", "{\"q\":\"grid\"}"));

    AgentResult result = stub("off").run(input("off", new AgentLimits(8, 4, 50, 0), LoopGuardSettings.OFF));

    assertThat(result.reason()).isEqualTo(StopReason.STEP_LIMIT);
    assertThat(tools.count("text.echo")).isEqualTo(7);
    assertThat(model.lastSeen).noneMatch(m -> m.text() != null && m.text().contains("[loop guard]"));
  }

  private static AgentInput input(String id, AgentLimits limits, LoopGuardSettings guard) {
    return AgentInput.fresh(id, new AgentBrief("You are a test agent.", "Do the thing.", TOOLS),
        AgentRouting.to("scripted"), limits, AgentBudget.unlimited()).withLoopGuard(guard);
  }

  private AgentWorkflow stub(String id) {
    return env.getWorkflowClient().newWorkflowStub(AgentWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(AgentWorkflowTest.QUEUE).build());
  }
}
