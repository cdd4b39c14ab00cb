package io.nightshift.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

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
import io.nightshift.workflows.agent.AgentModelActivities;
import io.nightshift.workflows.agent.AgentResult;
import io.nightshift.workflows.agent.AgentRouting;
import io.nightshift.workflows.agent.AgentWorkflow;
import io.nightshift.workflows.agent.Compaction;
import io.nightshift.workflows.agent.StopReason;
import io.nightshift.workflows.agent.TranscriptMessage;
import io.nightshift.workflows.agent.Transcripts;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server that refuses a call as over its context window though the runtime's measure said it fits (llama-cpp-python
 * renders a prompt differently from the measure): the agent compacts and goes on, or, where it may not compact,
 * fails for good naming the server's numbers. Through the real activities on a scripted endpoint.
 */
class AgentContextRefusalTest {
  private static final String QUEUE = "agents";
  /** llama-cpp-python's words, as in the long-agent bench. */
  private static final String REFUSAL = "This model's maximum context length is 2048 tokens. However, you requested "
      + "2113 tokens (2049 in the messages, 64 in the completion). Please reduce the length of the messages or "
      + "completion.";
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
            .contextWindow(2_048).build())));
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(QUEUE);
    AgentWorkers.register(worker, models, ToolRegistry.of(List.of(new TextTools())),
        ToolFiles.withoutInputs(store, dir.resolve("scratch")));
    env.start();
    server.on(r -> firstMessage(r).startsWith("You compact the conversation"),
        ScriptedReply.text("- text.upper shouted two texts.", 200, 10));
    server.enqueue(ScriptedReply.toolCall("text__upper", "{\"text\":\"one\"}"));
    server.enqueue(ScriptedReply.toolCall("text__upper", "{\"text\":\"two\"}"));
    server.enqueue(ScriptedReply.status(400, REFUSAL));
  }

  @AfterEach
  void tearDown() {
    env.close();
    server.close();
  }

  @Test
  void shouldCompactAndGoOnWhenTheServerRefusesThePromptForItsWindow() throws IOException {
    server.enqueue(ScriptedReply.text("ONE TWO", 300, 5));

    AgentResult result = run(ContextSettings.Strategy.COMPACT);

    assertThat(result.reason()).isEqualTo(StopReason.ANSWERED);
    assertThat(result.usage().compactions()).isEqualTo(1);
    List<TranscriptMessage> transcript = new Transcripts(store).messages(result.conversation().transcript());
    Compaction event = transcript.stream().filter(TranscriptMessage::hasCompaction).findFirst().orElseThrow()
        .compaction();
    assertThat(event.window()).isEqualTo(2_048);
    List<RecordedRequest> calls = server.chatRequests().stream()
        .filter(r -> !firstMessage(r).startsWith("You compact")).toList();
    assertThat(calls).hasSize(4); // two tool calls, the refused one, the answer after the compaction
    assertThat(calls.get(3).body()).contains("Summary of the earlier conversation");
  }

  @Test
  void shouldFailForGoodNamingTheServersNumbersWhenTheStrategyIsFail() {
    WorkflowFailedException failed = catchThrowableOfType(() -> run(ContextSettings.Strategy.FAIL),
        WorkflowFailedException.class);

    ApplicationFailure cause = (ApplicationFailure) failed.getCause();
    assertThat(cause.getType()).isEqualTo(AgentModelActivities.CONTEXT_TOO_SMALL);
    assertThat(cause.isNonRetryable()).isTrue();
    assertThat(cause.getOriginalMessage()).contains("endpoint 'scripted'", "context window of 2048 tokens",
        "2049 prompt tokens", "context strategy 'fail'");
    // refused once, not retried: the same prompt would be refused again
    assertThat(server.chatRequests()).hasSize(3);
  }

  private static String firstMessage(RecordedRequest r) {
    return r.json() == null ? "" : r.json().path("messages").path(0).path("content").asText();
  }

  private AgentResult run(ContextSettings.Strategy strategy) {
    AgentWorkflow agent = env.getWorkflowClient().newWorkflowStub(AgentWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId("refused").setTaskQueue(QUEUE).build());
    return agent.run(AgentInput.fresh("refused", new AgentBrief("You transform text with tools.",
            "Shout two texts.", List.of("text.upper")), AgentRouting.to("scripted"),
        new AgentLimits(12, 4, 64, 0), AgentBudget.unlimited()).withContext(new ContextSettings(
            strategy, 1, Optional.empty(), Optional.empty())));
  }
}
