package io.nightshift.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.pipeline.ContextSettings;
import io.nightshift.models.ModelCall;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.testing.RecordedRequest;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import io.nightshift.tools.registry.ToolRegistry;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.agent.AgentBrief;
import io.nightshift.workflows.agent.AgentBudget;
import io.nightshift.workflows.agent.AgentInput;
import io.nightshift.workflows.agent.AgentLimits;
import io.nightshift.workflows.agent.AgentResult;
import io.nightshift.workflows.agent.AgentRouting;
import io.nightshift.workflows.agent.AgentWorkflow;
import io.nightshift.workflows.agent.Compaction;
import io.nightshift.workflows.agent.StopReason;
import io.nightshift.workflows.agent.TranscriptMessage;
import io.nightshift.workflows.agent.Transcripts;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent on a scripted endpoint with a 2,048-token window, through the real activities: each call measured by the
 * estimate, the conversation compacted by a summary from another endpoint, and the model's later calls shown the
 * summary instead of the turns it replaced.
 */
class AgentCompactionOnScriptedEndpointTest {
  private static final String QUEUE = "agents";
  private static final String SUMMARY = "- text.upper was called on long texts; the code word is HELLO.";
  private static final String LONG_TEXT = "hello world and some more words to make the text long ".repeat(8);
  @TempDir Path dir;
  private ScriptedOpenAiServer server;
  private TestWorkflowEnvironment env;
  private FileArtifactStore store;

  @BeforeEach
  void setUp() throws IOException {
    server = ScriptedOpenAiServer.start("model");
    store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    ModelCall models = new ModelCall(ModelEndpointRegistry.of(List.of(
        ModelEndpointConfig.custom().id("scripted").baseUrl(server.baseUrl()).modelName("model").maxConcurrency(4)
            .contextWindow(2_048).build(),
        ModelEndpointConfig.custom().id("summariser").baseUrl(server.baseUrl()).modelName("small-model")
            .contextWindow(4_096).build())));
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(QUEUE);
    AgentWorkers.register(worker, models, ToolRegistry.of(List.of(new TextTools())),
        ToolFiles.withoutInputs(store, dir.resolve("scratch")));
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
    server.close();
  }

  @Test
  void shouldCompactOnTheSummaryEndpointAndShowTheModelTheSummaryInsteadOfTheOldTurns() throws IOException {
    server.on(r -> firstMessage(r).startsWith("You compact the conversation"), ScriptedReply.text(SUMMARY, 400, 20));
    for (int i = 0; i < 9; i++) {
      server.enqueue(ScriptedReply.toolCall("text__upper", "{\"text\":\"" + LONG_TEXT + i + "\"}"));
    }
    server.enqueue(ScriptedReply.text("HELLO, all done", 300, 5));

    AgentResult result = run();

    assertThat(result.reason()).isEqualTo(StopReason.ANSWERED);
    assertThat(result.usage().compactions()).isPositive();
    List<RecordedRequest> summaries = server.chatRequests().stream()
        .filter(r -> firstMessage(r).startsWith("You compact")).toList();
    assertThat(summaries).hasSize(result.usage().compactions());
    assertThat(summaries.get(0).model()).isEqualTo("small-model");
    assertThat(summaries.get(0).lastMessageContent()).contains("result of text.upper", "HELLO WORLD");
    // the first call after the compaction: system prompt and task first, then the summary, and fewer messages
    List<RecordedRequest> calls = server.chatRequests().stream().filter(r -> !summaries.contains(r)).toList();
    int after = indexOfFirstWithSummary(calls);
    assertThat(after).isPositive();
    RecordedRequest next = calls.get(after);
    assertThat(next.json().path("messages").get(0).path("content").asText()).isEqualTo("You transform text with tools.");
    assertThat(next.json().path("messages").get(1).path("content").asText()).isEqualTo("Shout hello, many times.");
    assertThat(next.json().path("messages").get(2).path("content").asText()).startsWith(Compaction.SUMMARY_HEADING)
        .endsWith(SUMMARY);
    assertThat(next.messageCount()).isLessThan(calls.get(after - 1).messageCount() + 2);
    // the transcript keeps every turn and the event, whose artifacts a person can read
    List<TranscriptMessage> transcript = new Transcripts(store).messages(result.conversation().transcript());
    assertThat(transcript.stream().filter(m -> m.role() == TranscriptMessage.Role.TOOL)).hasSize(9);
    Compaction event = transcript.stream().filter(TranscriptMessage::hasCompaction).findFirst().orElseThrow()
        .compaction();
    assertThat(new String(store.read(event.summary()), StandardCharsets.UTF_8)).isEqualTo(SUMMARY);
    assertThat(new Transcripts(store).delta(event.replaced())).hasSize(2 * event.turns());
    assertThat(event.window()).isEqualTo(2_048);
    assertThat(event.promptTokens() + 64).isGreaterThan(2_048);
  }

  private static int indexOfFirstWithSummary(List<RecordedRequest> calls) {
    for (int i = 0; i < calls.size(); i++) {
      if (calls.get(i).body().contains("Summary of the earlier conversation")) {
        return i;
      }
    }
    return -1;
  }

  private static String firstMessage(RecordedRequest r) {
    return r.json() == null ? "" : r.json().path("messages").path(0).path("content").asText();
  }

  private AgentResult run() {
    AgentWorkflow agent = env.getWorkflowClient().newWorkflowStub(AgentWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId("compacting").setTaskQueue(QUEUE).build());
    return agent.run(AgentInput.fresh("compacting", new AgentBrief("You transform text with tools.",
            "Shout hello, many times.", List.of("text.upper")), AgentRouting.to("scripted"),
        new AgentLimits(12, 4, 64, 0), AgentBudget.unlimited()).withContext(new ContextSettings(
            ContextSettings.Strategy.COMPACT, 2, Optional.of("summariser"), Optional.empty())));
  }
}
