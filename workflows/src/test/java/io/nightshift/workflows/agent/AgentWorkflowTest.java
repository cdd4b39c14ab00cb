package io.nightshift.workflows.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.workflows.agent.ScriptedModel.Reply;
import io.nightshift.workflows.agent.TranscriptMessage.Role;
import io.temporal.api.enums.v1.EventType;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentWorkflowTest {
  static final String QUEUE = "agent-test";
  static final List<String> ALLOWED = List.of("text.echo", "text.fail", "text.steer");
  static final List<String> ALLOWED_WITH_SLOW = List.of("text.echo", "text.fail", "text.steer", "text.slow");

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
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(AgentWorkflowImpl.class);
    worker.registerActivitiesImplementations(model, tools);
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
  }

  @Test
  void shouldRunToolsUntilTheModelAnswersKeepingTheConversationInTheStore() throws IOException {
    brain = conversation -> ScriptedModel.count(conversation, Role.TOOL) == 0
        ? Reply.call(new AgentToolCall("c1", "text.echo", "{\"text\":\"hi\"}"))
        : Reply.answer("the tool said " + conversation.get(conversation.size() - 1).text());

    AgentResult result = stub("answers").run(input("answers", 5, AgentBudget.unlimited()));

    assertThat(result.reason()).isEqualTo(StopReason.ANSWERED);
    assertThat(text(result)).isEqualTo("the tool said echo {\"text\":\"hi\"}");
    assertThat(result.usage().turns()).isEqualTo(2);
    assertThat(result.usage().toolCalls()).isEqualTo(1);
    List<TranscriptMessage> transcript = new Transcripts(store).messages(result.conversation().transcript());
    assertThat(transcript).extracting(TranscriptMessage::role)
        .containsExactly(Role.SYSTEM, Role.USER, Role.ASSISTANT, Role.TOOL, Role.ASSISTANT);
    assertThat(transcript.get(3).toolCallId()).isEqualTo("c1");
    assertThat(result.usage().budget().tokensSpent()).isEqualTo(30);
  }

  @Test
  void shouldStickToTheEndpointThatServedTheLastCallAndOfferTheOthersOnlyAsFallbacks() {
    brain = conversation -> ScriptedModel.count(conversation, Role.TOOL) < 3
        ? Reply.call(new AgentToolCall("c" + ScriptedModel.count(conversation, Role.TOOL), "text.echo", "{}"))
        : Reply.answer("done");
    // "a" serves the first two calls; then its circuit is open and the activity's fallback "b" takes over
    model.servedBy = in -> in.turn() > 2 && in.endpoint().equals("a") ? in.fallbacks().get(0) : in.endpoint();
    AgentInput input = AgentInput.fresh("sticky", new AgentBrief("be brief", "go", ALLOWED),
        new AgentRouting("a", List.of("a", "b", "c"), Optional.empty()), new AgentLimits(6, 4, 50, 0),
        AgentBudget.unlimited());

    AgentResult result = stub("sticky").run(input);

    assertThat(result.reason()).isEqualTo(StopReason.ANSWERED);
    assertThat(model.inputs).extracting(ModelTurnInput::endpoint).containsExactly("a", "a", "a", "b");
    assertThat(model.inputs.get(0).fallbacks()).containsExactly("b", "c");
    assertThat(model.inputs.get(3).fallbacks()).as("the agent's first endpoint comes back first if b fails")
        .containsExactly("a", "c");
    assertThat(result.conversation().servedBy()).isEqualTo("b");
  }

  @Test
  void shouldAnswerAFailingOrForbiddenToolBackToTheModelInsteadOfFailing() {
    brain = conversation -> ScriptedModel.count(conversation, Role.TOOL) == 0
        ? Reply.call(new AgentToolCall("c1", "text.fail", "{}"), new AgentToolCall("c2", "shell.exec", "{\"cmd\":\"rm\"}"),
            new AgentToolCall("c3", "text.echo", "{}"))
        : Reply.answer("understood");

    AgentResult result = stub("tool-errors").run(input("tool-errors", 5, AgentBudget.unlimited()));

    assertThat(result.reason()).isEqualTo(StopReason.ANSWERED);
    List<TranscriptMessage> seen = model.latestConversation.stream().filter(m -> m.role() == Role.TOOL).toList();
    assertThat(seen).extracting(TranscriptMessage::toolCallId).containsExactly("c1", "c2", "c3");
    assertThat(seen.get(0).text()).contains("error").contains("disk on fire");
    assertThat(seen.get(1).text()).contains("refused").contains("'shell.exec' is not allowed")
        .contains("text.echo, text.fail, text.steer");
    assertThat(seen.get(2).text()).startsWith("echo");
    assertThat(tools.count("shell.exec")).isZero();
    assertThat(result.usage().toolCalls()).isEqualTo(2);
  }

  @Test
  void shouldStopAtTheTurnLimitWithAResultSayingSo() {
    brain = conversation -> Reply.call(new AgentToolCall("c", "text.echo", "{}"));

    AgentResult result = stub("limit").run(input("limit", 3, AgentBudget.unlimited()));

    assertThat(result.reason()).isEqualTo(StopReason.STEP_LIMIT);
    assertThat(result.answer()).isNull();
    assertThat(result.usage().turns()).isEqualTo(3);
    assertThat(result.detail()).isEqualTo("no answer after 3 model calls (the last one, offered no tools, still "
        + "asked for 1 tool call(s))");
    // the third call offered no tools, so its request was not run
    assertThat(tools.count("text.echo")).isEqualTo(2);
    assertThat(model.inputs).extracting(ModelTurnInput::tools).last().asList().isEmpty();
  }

  @Test
  void shouldAskForTheAnswerOnTheLastAllowedTurnWithoutOfferingTools() {
    brain = conversation -> conversation.get(conversation.size() - 1).text()
        .equals(AgentWorkflowImpl.FINAL_TURN_PROMPT) ? Reply.answer("echoed twice")
        : Reply.call(new AgentToolCall("c" + conversation.size(), "text.echo", "{}"));

    AgentResult result = stub("final-turn").run(input("final-turn", 3, AgentBudget.unlimited()));

    assertThat(result.reason()).isEqualTo(StopReason.ANSWERED);
    assertThat(result.usage().turns()).isEqualTo(3);
    assertThat(tools.count("text.echo")).isEqualTo(2);
    assertThat(model.inputs).extracting(ModelTurnInput::tools)
        .containsExactly(model.inputs.get(0).tools(), model.inputs.get(0).tools(), List.of());
    assertThat(model.inputs.get(0).tools()).isNotEmpty();
  }

  @Test
  void shouldStopOnBudgetBeforeTheCallThatWouldBreakItAndResumeWhenRaised() throws IOException {
    // prompts grow by 100 tokens a turn; the third call's reservation (220 + 50) no longer fits 500
    brain = conversation -> ScriptedModel.count(conversation, Role.ASSISTANT) < 2
        ? Reply.call(new AgentToolCall("c", "text.echo", "{}")).usage(100L * conversation.size() / 2, 20)
        : Reply.answer("finished after resuming");

    AgentInput first = input("budget", 10, AgentBudget.ofTokens(500));
    AgentResult stopped = stub("budget").run(first);

    assertThat(stopped.reason()).isEqualTo(StopReason.BUDGET_EXHAUSTED);
    assertThat(stopped.usage().turns()).isEqualTo(2);
    assertThat(stopped.detail()).contains("token budget").contains("> 500");
    assertThat(stopped.usage().budget().tokensSpent()).isLessThanOrEqualTo(500);
    assertThat(stopped.conversation().unsent()).hasSize(1);
    assertThat(model.lastSeen).hasSize(2);

    AgentResult resumed = stub("budget-resumed").run(first.resumedFrom(stopped, AgentBudget.ofTokens(5_000)));

    assertThat(resumed.reason()).isEqualTo(StopReason.ANSWERED);
    assertThat(text(resumed)).isEqualTo("finished after resuming");
    assertThat(resumed.usage().turns()).as("turns carry over").isEqualTo(3);
    assertThat(resumed.usage().budget().tokensSpent()).as("so does spending")
        .isEqualTo(stopped.usage().budget().tokensSpent() + 15);
    assertThat(model.lastSeen.get(2).role()).as("the unsent tool result reached the model").isEqualTo(Role.TOOL);
    assertThat(ScriptedModel.count(model.latestConversation, Role.TOOL)).isEqualTo(2);
  }

  @Test
  void shouldStopWhenTheWallClockBudgetIsUsedUp() {
    brain = conversation -> Reply.call(new AgentToolCall("c", "text.slow", "{}"));
    AgentInput input = AgentInput.fresh("clock", new AgentBrief("", "Do the thing.", ALLOWED_WITH_SLOW),
        AgentRouting.to("scripted"), new AgentLimits(10, 4, 50, 0),
        new AgentBudget(Long.MAX_VALUE, BigDecimal.TEN, 100));

    AgentResult result = stub("clock").run(input);

    assertThat(result.reason()).isEqualTo(StopReason.BUDGET_EXHAUSTED);
    assertThat(result.detail()).startsWith("wall-clock budget:").endsWith("of 100 ms used");
    assertThat(result.usage().turns()).isEqualTo(1);
    assertThat(result.conversation().unsent()).as("the slow tool's result, kept for a resumption").hasSize(1);
  }

  @Test
  void shouldShowSteeringGuidanceToTheNextModelCall() throws IOException {
    brain = conversation -> ScriptedModel.count(conversation, Role.TOOL) == 0
        ? Reply.call(new AgentToolCall("c", "text.steer", "{}"))
        : Reply.answer("ok: " + conversation.get(conversation.size() - 1).text());

    AgentWorkflow agent = stub("steered");
    AgentResult result = agent.run(input("steered", 5, AgentBudget.unlimited()));

    assertThat(text(result)).isEqualTo("ok: Guidance from the operator: focus on the blue ones");
    AgentProgress progress = agent.progress();
    assertThat(progress.phase()).isEqualTo(AgentProgress.Phase.ENDED);
    assertThat(progress.pendingGuidance()).isZero();
    assertThat(progress.usage().turns()).isEqualTo(2);
    assertThat(progress.lastTools()).containsExactly("text.steer");
    assertThat(progress.stopReason()).isEqualTo(StopReason.ANSWERED);
  }

  @Test
  void shouldContinueAsNewEveryFewTurnsKeepingTranscriptCountersGuidanceAndSpending() throws IOException {
    brain = conversation -> {
      long assistants = ScriptedModel.count(conversation, Role.ASSISTANT);
      if (assistants == 2) {
        return Reply.call(new AgentToolCall("s", "text.steer", "{}"));
      }
      return assistants < 6 ? Reply.call(new AgentToolCall("e" + assistants, "text.echo", "{}"))
          : Reply.answer("done, guided: " + conversation.stream().anyMatch(m -> m.role() == Role.USER
              && m.text().contains("blue ones")));
    };
    AgentInput input = AgentInput.fresh("renewed", new AgentBrief("You are a test agent.", "Do the thing.", ALLOWED),
        AgentRouting.to("scripted"), new AgentLimits(10, 4, 50, 3), AgentBudget.ofTokens(1_000));

    AgentResult result = stub("renewed").run(input);

    assertThat(result.reason()).isEqualTo(StopReason.ANSWERED);
    assertThat(text(result)).isEqualTo("done, guided: true");
    assertThat(result.usage().turns()).isEqualTo(7);
    assertThat(result.usage().toolCalls()).isEqualTo(6);
    assertThat(result.usage().budget().tokensSpent()).isEqualTo(7 * 15);
    assertThat(new Transcripts(store).messages(result.conversation().transcript())).hasSize(2 + 7 + 6 + 1);
    long modelCallsInLastRun = env.getWorkflowClient().fetchHistory("renewed").getHistory().getEventsList().stream()
        .filter(e -> e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED).count();
    assertThat(modelCallsInLastRun).as("the last run holds only its own turn").isEqualTo(1);
  }

  @Test
  void shouldForceTheToolAToolResultNamesOnTheNextCallOnlyAcrossAContinueAsNew() {
    brain = conversation -> switch ((int) ScriptedModel.count(conversation, Role.ASSISTANT)) {
      case 0 -> Reply.call(new AgentToolCall("n1", "text.next", "{\"tool\": \"text.echo\"}"));
      case 1 -> Reply.call(new AgentToolCall("e1", "text.echo", "{}"));
      case 2 -> Reply.call(new AgentToolCall("n2", "text.next", "{\"tool\": \"shell.exec\"}"));
      default -> Reply.answer("done");
    };
    List<String> allowed = List.of("text.echo", "text.next");
    // a continue-as-new after every turn: the directive must travel with the unsent tool result
    AgentInput input = AgentInput.fresh("forced", new AgentBrief("You are a test agent.", "Do the thing.", allowed),
        AgentRouting.to("scripted"), new AgentLimits(10, 4, 50, 1), AgentBudget.unlimited());

    AgentResult result = stub("forced").run(input);

    assertThat(result.reason()).isEqualTo(StopReason.ANSWERED);
    assertThat(model.inputs).extracting(ModelTurnInput::requiredTool).as("the turn after text.next only; a tool the "
        + "step does not allow is never forced").containsExactly(Optional.empty(), Optional.of("text.echo"),
        Optional.empty(), Optional.empty());
  }

  @Test
  void shouldAddAFlatNumberOfHistoryBytesPerTurnOver200Turns() {
    int turns = 200;
    brain = conversation -> ScriptedModel.count(conversation, Role.ASSISTANT) < turns - 1
        // a new argument each turn: the same call 200 times in a row is a loop its guard would end (issue 19)
        ? Reply.call(new AgentToolCall("c", "text.echo", "{\"text\":\"" + "x".repeat(200) + "\",\"turn\":"
            + conversation.size() + "}"))
            .usage(40L * conversation.size(), 30)
        : Reply.answer("done");

    AgentResult result = stub("long").run(input("long", turns, AgentBudget.unlimited()));
    assertThat(result.usage().turns()).isEqualTo(turns);

    List<Long> perTurn = historyBytesPerTurn("long");
    long first = average(perTurn.subList(1, 51));
    long last = average(perTurn.subList(perTurn.size() - 50, perTurn.size()));
    long total = perTurn.stream().mapToLong(Long::longValue).sum();
    System.out.printf("[agent-history] %d turns, %d history bytes: %d bytes/turn over turns 2-51, %d over the last 50,"
        + " max %d; transcript grew to %d messages%n", turns, total, first, last,
        perTurn.stream().mapToLong(Long::longValue).max().orElse(0), model.latestConversation.size());
    // flat: the late turns cost what the early ones did (the conversation by then is 600 messages long)
    assertThat(last).isLessThanOrEqualTo(first + first / 20);
    assertThat(perTurn.subList(1, perTurn.size() - 1)).allSatisfy(b -> assertThat(b).isLessThan(6_000));
  }

  /** Bytes of history events between the starts of consecutive model calls. */
  private List<Long> historyBytesPerTurn(String id) {
    List<HistoryEvent> events = env.getWorkflowClient().fetchHistory(id).getHistory().getEventsList();
    List<Long> perTurn = new ArrayList<>();
    long bytes = 0;
    boolean started = false;
    for (HistoryEvent e : events) {
      boolean modelCall = e.getEventType() == EventType.EVENT_TYPE_ACTIVITY_TASK_SCHEDULED
          && e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals("NextTurn");
      if (modelCall && started) {
        perTurn.add(bytes);
        bytes = 0;
      }
      started |= modelCall;
      bytes += e.getSerializedSize();
    }
    perTurn.add(bytes);
    return perTurn;
  }

  private static long average(List<Long> xs) {
    return (long) xs.stream().mapToLong(Long::longValue).average().orElse(0);
  }

  static AgentInput input(String id, int maxTurns, AgentBudget budget) {
    return AgentInput.fresh(id, new AgentBrief("You are a test agent.", "Do the thing.", ALLOWED),
        AgentRouting.to("scripted"), new AgentLimits(maxTurns, 4, 50, 0), budget);
  }

  private AgentWorkflow stub(String id) {
    return env.getWorkflowClient().newWorkflowStub(AgentWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(QUEUE).build());
  }

  private String text(AgentResult result) throws IOException {
    return new String(store.read(result.answer()), StandardCharsets.UTF_8);
  }
}
