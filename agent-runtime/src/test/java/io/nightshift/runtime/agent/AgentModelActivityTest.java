package io.nightshift.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.pipeline.ContextSettings;
import io.nightshift.models.ModelCall;
import io.nightshift.models.context.EstimatedPromptMeter;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.testing.RecordedRequest;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import io.nightshift.tools.registry.ToolRegistry;
import io.nightshift.workflows.agent.AgentModelActivities;
import io.nightshift.workflows.agent.AgentToolCall;
import io.nightshift.workflows.agent.ContextPolicy;
import io.nightshift.workflows.agent.ModelTurnInput;
import io.nightshift.workflows.agent.ModelTurnOutput;
import io.nightshift.workflows.agent.PendingEntry;
import io.nightshift.workflows.agent.TranscriptMessage;
import io.nightshift.workflows.agent.Transcripts;
import io.temporal.activity.ActivityOptions;
import io.temporal.testing.TestActivityEnvironment;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model activity on its own: it heartbeats during a call, shows the model a runaway answer cut, and forces the
 * tool its input requires.
 */
class AgentModelActivityTest {
  @TempDir Path dir;
  private ScriptedOpenAiServer server;
  private FileArtifactStore store;
  private AgentModelActivitiesImpl activity;

  @BeforeEach
  void setUp() throws IOException {
    server = ScriptedOpenAiServer.start("model");
    store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    ModelCall models = new ModelCall(ModelEndpointRegistry.of(List.of(ModelEndpointConfig.custom().id("scripted")
        .baseUrl(server.baseUrl()).modelName("model").contextWindow(2_048).build())));
    activity = new AgentModelActivitiesImpl(models, new ToolBridge(ToolRegistry.of(List.of(new TextTools()))),
        store, new EstimatedPromptMeter(models.endpoints()));
  }

  @AfterEach
  void tearDown() {
    server.close();
  }

  @Test
  void shouldHeartbeatWhileTheModelCallRuns() {
    server.enqueue(ScriptedReply.slow(Duration.ofMillis(2_600), ScriptedReply.text("done", 20, 2)));
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    AtomicInteger beats = new AtomicInteger();
    env.setActivityHeartbeatListener(Object.class, details -> beats.incrementAndGet());
    env.registerActivitiesImplementations(activity);
    try {
      AgentModelActivities stub = env.newActivityStub(AgentModelActivities.class, ActivityOptions.newBuilder()
          .setStartToCloseTimeout(Duration.ofMinutes(1)).setHeartbeatTimeout(Duration.ofSeconds(10)).build());

      ModelTurnOutput out = stub.nextTurn(input(List.of(TranscriptMessage.user("say done"))));

      assertThat(out.toolCalls()).isEmpty();
      assertThat(beats).as("a beat every 2 s during a 2.6 s call").hasPositiveValue();
    } finally {
      env.close();
    }
  }

  @Test
  void shouldSendARunawayAnswerCutAndKeepItWholeInTheTranscriptWhenCalledOutsideAnActivity() {
    String runaway = "{\"text\":\"" + "a".repeat(4_860) + "\"}";
    AgentToolCall call = new AgentToolCall("c1", "text.upper", runaway);
    server.enqueue(ScriptedReply.text("done", 20, 2));

    ModelTurnOutput out = activity.nextTurn(input(List.of(TranscriptMessage.system("You shout."),
        TranscriptMessage.user("shout"), TranscriptMessage.assistant(null, List.of(call)),
        TranscriptMessage.toolResult(call, "error: text too long"))));

    RecordedRequest sent = server.chatRequests().get(0);
    String arguments = sent.json().path("messages").get(2).path("tool_calls").get(0).path("function")
        .path("arguments").asText();
    assertThat(arguments).startsWith("{\"cut_arguments\":")
        .contains("[... answer cut: " + runaway.length() + " characters; the full answer is in the transcript]")
        .hasSizeLessThan(1_000);
    List<TranscriptMessage> transcript = new Transcripts(store).messages(out.transcript());
    assertThat(transcript.get(2).toolCalls().get(0).argumentsJson()).isEqualTo(runaway);
  }

  @Test
  void shouldForceTheRequiredToolByItsWireNameAndLetTheModelChooseOtherwise() {
    server.enqueue(ScriptedReply.text("done", 20, 2));
    server.enqueue(ScriptedReply.text("done", 20, 2));
    ModelTurnInput free = input(List.of(TranscriptMessage.user("shout")));

    activity.nextTurn(free);
    activity.nextTurn(new ModelTurnInput(free.agentId(), 2, free.endpoint(), null, free.append(), free.tools(),
        free.maxOutputTokens(), free.fallbacks(), free.context(), Optional.of("text.upper")));

    assertThat(server.chatRequests().get(0).json().path("tool_choice").asText()).isEqualTo("auto");
    JsonNode forced = server.chatRequests().get(1).json().path("tool_choice");
    assertThat(forced.path("type").asText()).isEqualTo("function");
    assertThat(forced.path("function").path("name").asText()).isEqualTo("text__upper");
  }

  private static ModelTurnInput input(List<TranscriptMessage> messages) {
    return new ModelTurnInput("agent-1", 1, "scripted", null, messages.stream().map(PendingEntry::message).toList(),
        List.of("text.upper"), 64, List.of(), Optional.of(ContextPolicy.of(
            new ContextSettings(ContextSettings.Strategy.COMPACT, 2, Optional.empty(), Optional.empty()), 64)));
  }
}
