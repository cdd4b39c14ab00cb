package io.nightshift.workflows.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.pipeline.ContextSettings;
import io.nightshift.core.pipeline.LoopGuardSettings;
import io.nightshift.workflows.engine.RecordedPayloads;
import io.nightshift.workflows.engine.ReplayedCalls;
import io.nightshift.workflows.agent.ScriptedModel.Reply;
import io.nightshift.workflows.agent.TranscriptMessage.Role;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.history.v1.HistoryEvent;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.common.WorkflowExecutionHistory;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.testing.WorkflowReplayer;
import io.temporal.worker.Worker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;

/**
 * Replays agent runs recorded from earlier versions of {@link AgentWorkflowImpl} (src/test/resources/histories/
 * agent-*.json): a change that would break agents already running fails here. Recording writes only the
 * histories that are missing (add a scenario to RECORDED, or delete a file for a deliberately versioned change):
 * {@code ./mvnw -o -f workflows/pom.xml test -Dtest=AgentWorkflowReplayTest -Dnightshift.recordHistories=true}.
 */
class AgentWorkflowReplayTest {
  private static final Path HISTORIES = Path.of("src/test/resources/histories");
  private static final List<String> RECORDED = List.of("agent-tools", "agent-budget", "agent-continued",
      "agent-affinity", "agent-memory", "agent-compacting", "agent-forced", "agent-loop-guard");
  /** The tools of the loop-guard agent, and the bounds it ran under. */
  private static final List<String> LOOP_TOOLS = List.of("text.bad", "memory.search");
  private static final LoopGuardSettings LOOP_BOUNDS = new LoopGuardSettings(3, 5);

  @Test
  void shouldReplayEveryRecordedAgentHistoryWithoutNondeterminism() throws Exception {
    List<Path> files;
    try (Stream<Path> s = Files.list(HISTORIES)) {
      files = s.filter(p -> p.getFileName().toString().matches("agent-.*\\.json")).sorted().toList();
    }
    assertThat(files).extracting(p -> p.getFileName().toString())
        .containsAll(RECORDED.stream().map(n -> n + ".json").toList());
    for (Path f : files) {
      WorkflowReplayer.replayWorkflowExecution(Files.readString(f), AgentWorkflowImpl.class);
    }
  }

  @Test
  void shouldHoldACompactionActivityUnderItsVersionMarkerInTheCompactingHistory() throws Exception {
    List<HistoryEvent> events = RecordedPayloads.history("agent-compacting").getEvents();

    assertThat(events).anyMatch(e -> e.hasActivityTaskScheduledEventAttributes()
        && e.getActivityTaskScheduledEventAttributes().getActivityType().getName().equals("Compact"));
    assertThat(RecordedPayloads.versionMarkers("agent-compacting"))
        .containsEntry(AgentWorkflowImpl.CONTEXT_MANAGEMENT, 1);
  }

  @Test
  void shouldForceTheToolAToolResultNamedOnReplayAsWhenItWasRecorded() throws Exception {
    List<ModelTurnInput> recorded = recordedModelCalls("agent-forced");

    assertThat(recorded).extracting(ModelTurnInput::requiredTool)
        .containsExactly(Optional.empty(), Optional.of("text.echo"), Optional.empty());
    assertReplayedModelCallsAsRecorded("agent-forced");
  }

  @Test
  void shouldEndTheLoopingAgentWithItsNotesOnReplayAsWhenItWasRecorded() throws Exception {
    WorkflowExecutionHistory history = RecordedPayloads.history("agent-loop-guard");
    HistoryEvent last = history.getLastEvent();

    assertThat(RecordedPayloads.versionMarkers("agent-loop-guard")).containsEntry(AgentWorkflowImpl.LOOP_GUARD, 1);
    assertThat(last.hasWorkflowExecutionFailedEventAttributes()).isTrue();
    Failure failure = last.getWorkflowExecutionFailedEventAttributes().getFailure();
    assertThat(failure.getApplicationFailureInfo().getType()).isEqualTo(LoopGuard.LOOP_DETECTED);
    assertThat(failure.getMessage()).contains("tool 'memory.search'").contains("after 3 calls in a row")
        .contains("(max_repeats: 3)");
    List<String> notes = recordedModelCalls("agent-loop-guard").stream().flatMap(call -> call.append().stream())
        .flatMap(entry -> entry.note().stream()).toList();
    assertThat(notes).hasSize(3).allSatisfy(note -> assertThat(note).startsWith(LoopGuard.NOTE_PREFIX));
    assertThat(notes.get(0)).contains("Tool text.bad has now failed 2 times in a row");
    assertThat(notes.get(2)).contains("made 3 times in a row");
    assertReplayedModelCallsAsRecorded("agent-loop-guard");
  }

  /** The model calls the history's workflow scheduled, with the inputs it gave them. */
  private static List<ModelTurnInput> recordedModelCalls(String id) throws Exception {
    return RecordedPayloads.history(id).getEvents().stream()
        .filter(HistoryEvent::hasActivityTaskScheduledEventAttributes)
        .map(HistoryEvent::getActivityTaskScheduledEventAttributes)
        .filter(a -> a.getActivityType().getName().equals("NextTurn"))
        .map(a -> RecordedPayloads.read(a.getInput().getPayloads(0), ModelTurnInput.class)).toList();
  }

  /**
   * Replaying the history hands every model call the input it was recorded with: Temporal's replay checks the
   * commands, not what they carry, and the forced tool and the loop guard's notes travel in the model call's input.
   */
  private static void assertReplayedModelCallsAsRecorded(String id) throws Exception {
    List<JsonNode> replayed = new ArrayList<>();
    for (ReplayedCalls.Call call : ReplayedCalls.replay(RecordedPayloads.history(id), AgentWorkflowImpl.class)) {
      if (call.input() instanceof ModelTurnInput in) {
        replayed.add(RecordedPayloads.written(in));
      }
    }
    List<JsonNode> recorded = new ArrayList<>();
    for (ModelTurnInput in : recordedModelCalls(id)) {
      recorded.add(RecordedPayloads.written(in));
    }
    assertThat(replayed).isEqualTo(recorded);
  }

  @Test
  @EnabledIfSystemProperty(named = "nightshift.recordHistories", matches = "true")
  void recordHistories(@TempDir Path dir) throws Exception {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir);
    // tools: a forbidden call, a failing one and steering in turn 1, an answer in turn 2
    ScriptedModel.Brain brain = conversation -> {
      long assistants = ScriptedModel.count(conversation, Role.ASSISTANT);
      if (conversation.get(0).text().contains("forced")) { // a tool's result names the tool to call next
        return assistants == 0 ? Reply.call(new AgentToolCall("n0", "text.next", "{\"tool\":\"text.echo\"}"))
            : assistants == 1 ? Reply.call(new AgentToolCall("e1", "text.echo", "{\"after\":\"next\"}"))
            : Reply.answer("done");
      }
      if (conversation.get(0).text().contains("loop-guard")) {
        // two refused calls (the second noted), then one search, its keys reordered, until the guard ends the step
        return assistants < 2 ? Reply.call(new AgentToolCall("b" + assistants, "text.bad", "{\"n\":\"x" + assistants
            + "\"}")) : Reply.call(new AgentToolCall("s" + assistants, "memory.search",
                assistants % 2 == 0 ? "{\"query\":\"grid\",\"limit\":3}" : "{\"limit\":3,\"query\":\"grid\"}"));
      }
      if (conversation.get(0).text().contains("compacting")) {
        // echoes long texts until the window (800) overflows and the conversation is compacted, then answers
        boolean compacted = conversation.stream().anyMatch(TranscriptMessage::hasCompaction);
        return compacted && ScriptedModel.count(conversation, Role.TOOL) >= 3 ? Reply.answer("done")
            : Reply.call(new AgentToolCall("p" + ScriptedModel.count(conversation, Role.TOOL), "text.echo",
                "{\"pad\":\"" + "x".repeat(180) + "\"}"));
      }
      if (conversation.get(0).text().contains("affinity")) {
        return assistants < 2 ? Reply.call(new AgentToolCall("f" + assistants, "text.echo", "{}")) : Reply.answer("done");
      }
      if (conversation.get(0).text().contains("memory")) { // a note saved, then searched for, in a shared scope
        return assistants == 0 ? Reply.call(new AgentToolCall("m0", "memory.save", "{\"text\":\"grid 17 is dry\"}"))
            : assistants == 1 ? Reply.call(new AgentToolCall("m1", "memory.search", "{\"query\":\"grid\"}"))
            : Reply.answer("done");
      }
      if (conversation.get(0).text().contains("continued")) {
        return assistants < 3 ? Reply.call(new AgentToolCall("k" + assistants, "text.echo", "{}")) : Reply.answer("done");
      }
      if (conversation.get(0).text().contains("budget")) {
        return Reply.call(new AgentToolCall("b" + assistants, "text.echo", "{}")).usage(200, 40);
      }
      return assistants == 0
          ? Reply.call(new AgentToolCall("c1", "text.steer", "{}"), new AgentToolCall("c2", "shell.exec", "{}"),
              new AgentToolCall("c3", "text.fail", "{}"), new AgentToolCall("c4", "text.echo", "{\"a\":1}"))
          : Reply.answer("done");
    };
    try (TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance()) {
      Worker worker = env.newWorker(AgentWorkflowTest.QUEUE);
      worker.registerWorkflowImplementationTypes(AgentWorkflowImpl.class);
      ScriptedModel model = new ScriptedModel(store, brain);
      // agent-affinity: the first endpoint's circuit opens after its first call; the fallback serves the rest
      model.servedBy = in -> in.agentId().equals("agent-affinity") && in.turn() > 1 && in.endpoint().equals("a")
          ? in.fallbacks().get(0) : in.endpoint();
      // agent-compacting: a context window of 800 scripted tokens, which its conversation outgrows
      model.windowOf = agentId -> agentId.equals("agent-compacting") ? 800 : Integer.MAX_VALUE;
      worker.registerActivitiesImplementations(model, new FakeTools(store, env.getWorkflowClient()));
      env.start();
      for (String id : RECORDED) {
        if (Files.exists(HISTORIES.resolve(id + ".json"))) {
          continue; // recorded by an earlier version: keep it, that is the point
        }
        AgentBrief brief = new AgentBrief("recorded " + id, "Do the thing.", AgentWorkflowTest.ALLOWED);
        AgentInput input = AgentInput.fresh(id, brief, AgentRouting.to("scripted"),
            new AgentLimits(5, 4, 50, id.equals("agent-continued") ? 2 : 0),
            id.equals("agent-budget") ? AgentBudget.ofTokens(700) : AgentBudget.unlimited());
        if (id.equals("agent-compacting")) {
          input = AgentInput.fresh(id, brief, AgentRouting.to("scripted"), new AgentLimits(15, 4, 50, 0),
              AgentBudget.unlimited()).withContext(new ContextSettings(ContextSettings.Strategy.COMPACT, 2,
                  Optional.empty(), Optional.empty()));
        }
        if (id.equals("agent-memory")) {
          input = AgentInput.fresh(id, new AgentBrief("recorded " + id, "Do the thing.",
              List.of("memory.save", "memory.search"), Optional.of(MemoryScope.shared(id, "team"))),
              AgentRouting.to("scripted"), new AgentLimits(5, 4, 50, 0), AgentBudget.unlimited());
        }
        if (id.equals("agent-affinity")) {
          input = AgentInput.fresh(id, brief, new AgentRouting("a", List.of("a", "b"), Optional.empty()),
              new AgentLimits(5, 4, 50, 0), AgentBudget.unlimited());
        }
        if (id.equals("agent-forced")) {
          input = AgentInput.fresh(id, new AgentBrief("recorded " + id, "Do the thing.", List.of("text.next",
              "text.echo")), AgentRouting.to("scripted"), new AgentLimits(5, 4, 50, 0), AgentBudget.unlimited());
        }
        if (id.equals("agent-loop-guard")) {
          input = AgentInput.fresh(id, new AgentBrief("recorded " + id, "Do the thing.", LOOP_TOOLS),
              AgentRouting.to("scripted"), new AgentLimits(10, 4, 50, 0), AgentBudget.unlimited())
              .withLoopGuard(LOOP_BOUNDS);
        }
        AgentWorkflow agent = env.getWorkflowClient().newWorkflowStub(AgentWorkflow.class,
            WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(AgentWorkflowTest.QUEUE).build());
        if (id.equals("agent-loop-guard")) {
          AgentInput looping = input;
          assertThatThrownBy(() -> agent.run(looping)).isInstanceOf(WorkflowFailedException.class);
        } else {
          AgentResult result = agent.run(input);
          assertThat(result.reason()).isEqualTo(id.equals("agent-budget") ? StopReason.BUDGET_EXHAUSTED
              : StopReason.ANSWERED);
          if (id.equals("agent-compacting")) {
            assertThat(result.usage().compactions()).isPositive();
          }
        }
        Files.createDirectories(HISTORIES);
        // the first run of a continued agent: the one that ends in continue-as-new
        String runId = env.getWorkflowClient().fetchHistory(id).getHistory().getEvents(0)
            .getWorkflowExecutionStartedEventAttributes().getFirstExecutionRunId();
        Files.writeString(HISTORIES.resolve(id + ".json"), env.getWorkflowClient().fetchHistory(id, runId).toJson(true));
      }
    }
  }
}
