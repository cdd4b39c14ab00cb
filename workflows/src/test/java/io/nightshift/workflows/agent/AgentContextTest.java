package io.nightshift.workflows.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.pipeline.ContextSettings;
import io.nightshift.core.pipeline.ContextSettings.Strategy;
import io.nightshift.core.pipeline.LoopGuardSettings;
import io.nightshift.workflows.agent.ScriptedModel.Reply;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent whose conversation outgrows a small context window, on the Temporal test environment: the scripted model
 * measures each prompt as an endpoint would and the engine compacts, windows or fails as the step's policy says.
 */
class AgentContextTest {
  /** Each turn takes about 110 of the scripted tokenizer's tokens: this window holds some 6 turns. */
  static final int WINDOW = 800;
  static final String PADDING = "x".repeat(180);

  @TempDir Path dir;
  private TestWorkflowEnvironment env;
  private FileArtifactStore store;
  private ScriptedModel model;
  private FakeTools tools;
  private final AtomicInteger calls = new AtomicInteger();
  private volatile ScriptedModel.Brain brain = this::echoUntilCall12;

  @BeforeEach
  void setUp() throws IOException {
    env = TestWorkflowEnvironment.newInstance();
    store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    model = new ScriptedModel(store, seen -> brain.next(seen));
    model.window = WINDOW;
    model.summariser = prompt -> "saw " + prompt.get(1).text().lines().filter(l -> l.startsWith("agent:")).count()
        + " turns; the code is 42";
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

  /** Calls text.echo with a long argument until the 12th call, which answers (a model call at a time). */
  private Reply echoUntilCall12(List<TranscriptMessage> seen) {
    int call = calls.incrementAndGet();
    return call >= 12 ? Reply.answer("done")
        : Reply.call(new AgentToolCall("e" + call, "text.echo", "{\"pad\":\"" + PADDING + "\"}"));
  }

  @Test
  void shouldCompactInAnActivityOfItsOwnAndGoOnToAnAnswerWithEveryCallInsideTheWindow() throws IOException {
    AgentResult result = run("compacting", new ContextSettings(Strategy.COMPACT, 2, Optional.empty(), Optional.empty()));

    assertThat(result.reason()).isEqualTo(StopReason.ANSWERED);
    assertThat(result.usage().compactions()).isGreaterThanOrEqualTo(1).isEqualTo(model.compactions.size());
    assertThat(model.views).allSatisfy(view -> assertThat(ScriptedModel.tokens(view) + 50).isLessThanOrEqualTo(WINDOW));
    assertThat(compactionActivities("compacting")).isEqualTo(model.compactions.size());
    assertThat(model.compactions.get(0).summaryEndpoint()).isEqualTo("scripted");
    List<TranscriptMessage> transcript = new Transcripts(store).messages(result.conversation().transcript());
    TranscriptMessage event = transcript.stream().filter(TranscriptMessage::hasCompaction).findFirst().orElseThrow();
    Compaction first = event.compaction();
    assertThat(new String(store.read(first.summary()), StandardCharsets.UTF_8)).startsWith("saw ").endsWith("code is 42");
    List<TranscriptMessage> replaced = new Transcripts(store).delta(first.replaced());
    assertThat(replaced).hasSize(first.turns() * 2); // each turn: the call and its result, together
    assertThat(replaced.get(0).role()).isEqualTo(TranscriptMessage.Role.ASSISTANT);
    assertThat(first.window()).isEqualTo(WINDOW);
    assertThat(first.promptTokens() + 50).isGreaterThan(WINDOW);
    // the full transcript keeps every turn: nothing was lost, only left out of view
    assertThat(ScriptedModel.count(transcript, TranscriptMessage.Role.TOOL)).isEqualTo(11);
    // after the compaction the model saw the task and the summary, not the turns it replaced
    List<TranscriptMessage> afterwards = model.views.get(model.views.size() - 1);
    assertThat(afterwards.get(0).role()).isEqualTo(TranscriptMessage.Role.SYSTEM);
    assertThat(afterwards.get(1).text()).isEqualTo("Do the thing.");
    assertThat(afterwards).anyMatch(TranscriptMessage::hasCompaction);
    assertThat(afterwards).doesNotContain(replaced.get(0));
    assertThat(model.summaryRequests.get(0).get(1).text()).contains("result of text.echo");
  }

  @Test
  void shouldRetryACompactionCutShortWithoutRedoingFinishedTurnsOrCompactions() {
    model.compactionCrashes.set(1);

    AgentResult result = run("crashed", new ContextSettings(Strategy.COMPACT, 2, Optional.empty(), Optional.empty()));

    assertThat(result.reason()).isEqualTo(StopReason.ANSWERED);
    // the model answered on its 12th call: no turn was made twice; the cut-short compaction ran again, once
    assertThat(calls.get()).isEqualTo(12);
    assertThat(result.usage().turns()).isEqualTo(12);
    assertThat(model.compactions).hasSize(result.usage().compactions() + 1);
    assertThat(compactionActivities("crashed")).isEqualTo(result.usage().compactions());
    // only the completed attempt's event is in the transcript the agent went on with
    assertThat(new Transcripts(store).messages(result.conversation().transcript()).stream()
        .filter(TranscriptMessage::hasCompaction)).hasSize(result.usage().compactions());
  }

  @Test
  void shouldLeaveOldTurnsOutOfViewWithTheWindowStrategyWithoutCompacting() {
    AgentResult result = run("windowed", new ContextSettings(Strategy.WINDOW, 2, Optional.empty(), Optional.empty()));

    assertThat(result.reason()).isEqualTo(StopReason.ANSWERED);
    assertThat(model.compactions).isEmpty();
    assertThat(result.usage().compactions()).isZero();
    assertThat(model.views).allSatisfy(view -> assertThat(ScriptedModel.tokens(view) + 50).isLessThanOrEqualTo(WINDOW));
    assertThat(result.usage().turnsLeftOut()).isPositive();
    assertThat(model.views.get(model.views.size() - 1)).anyMatch(m -> m.text() != null
        && m.text().contains("earlier turn(s) are not shown"));
  }

  @Test
  void shouldFailForGoodNamingTheWindowAndThePromptWithTheFailStrategy() {
    WorkflowFailedException failed = catchThrowableOfType(() -> run("failing",
        new ContextSettings(Strategy.FAIL, 2, Optional.empty(), Optional.of(100))), WorkflowFailedException.class);

    ApplicationFailure cause = (ApplicationFailure) failed.getCause();
    assertThat(cause.getType()).isEqualTo(AgentModelActivities.CONTEXT_TOO_SMALL);
    assertThat(cause.getOriginalMessage()).contains("context window of 800 tokens", "endpoint 'scripted'",
        "100 kept for the answer", "prompt tokens");
    // refused before the call, once: no retry loop
    assertThat(model.inputs.size()).isEqualTo(model.views.size() + 1);
  }

  @Test
  void shouldFailForGoodWhenEvenTheLastTurnDoesNotFitInsteadOfCompactingInALoop() {
    brain = (seen -> ScriptedModel.count(seen, TranscriptMessage.Role.TOOL) < 2
        ? Reply.call(new AgentToolCall("big" + seen.size(), "text.echo", "{\"pad\":\"" + "y".repeat(
            ScriptedModel.count(seen, TranscriptMessage.Role.TOOL) == 1 ? 4_000 : 10) + "\"}"))
        : Reply.answer("done"));

    WorkflowFailedException failed = catchThrowableOfType(() -> run("too-small",
        new ContextSettings(Strategy.COMPACT, 2, Optional.empty(), Optional.empty())), WorkflowFailedException.class);

    ApplicationFailure cause = (ApplicationFailure) failed.getCause();
    assertThat(cause.getType()).isEqualTo(AgentModelActivities.CONTEXT_TOO_SMALL);
    assertThat(cause.getOriginalMessage()).contains("the last turn alone", "context window of 800 tokens");
    assertThat(model.compactions).hasSize(1);
  }

  private AgentResult run(String id, ContextSettings context) {
    AgentInput input = AgentInput.fresh(id, new AgentBrief("You are a test agent.", "Do the thing.",
            AgentWorkflowTest.ALLOWED), AgentRouting.to("scripted"), new AgentLimits(20, 4, 50, 0),
        AgentBudget.unlimited()).withContext(context)
        // the scripted model pads its window with one call made again and again: a loop the guard would end
        .withLoopGuard(LoopGuardSettings.OFF);
    return env.getWorkflowClient().newWorkflowStub(AgentWorkflow.class, WorkflowOptions.newBuilder()
        .setWorkflowId(id).setTaskQueue(AgentWorkflowTest.QUEUE).build()).run(input);
  }

  private long compactionActivities(String id) {
    return env.getWorkflowClient().fetchHistory(id).getEvents().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED)
        .map(HistoryEvent::getActivityTaskScheduledEventAttributes)
        .filter(a -> a.getActivityType().getName().equals("Compact")).count();
  }
}
