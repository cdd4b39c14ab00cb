package io.nightshift.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.models.ModelCall;
import io.nightshift.models.ModelCallRequest;
import io.nightshift.models.context.EstimatedPromptMeter;
import io.nightshift.models.context.PromptMeter;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.testing.RecordedRequest;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import io.nightshift.tools.artifact.ReadArtifactTool;
import io.nightshift.tools.registry.ToolRegistry;
import io.nightshift.workflows.activities.ActivityToolRunner;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.agent.AgentBrief;
import io.nightshift.workflows.agent.AgentBudget;
import io.nightshift.workflows.agent.AgentInput;
import io.nightshift.workflows.agent.AgentLimits;
import io.nightshift.workflows.agent.AgentResult;
import io.nightshift.workflows.agent.AgentRouting;
import io.nightshift.workflows.agent.AgentWorkflow;
import io.nightshift.workflows.agent.AgentWorkflowImpl;
import io.nightshift.workflows.agent.StopReason;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent whose tool answers with a log far larger than a small model's window: the model is shown the head and
 * the tail with a note, not the log, sized from the window of the endpoint that served the turn, and reads the
 * middle it needs with {@code artifact.read} and a range. Real activities, LangChain4j over sockets to the scripted
 * endpoint, the real artifact store.
 */
class AgentLargeToolOutputTest {
  private static final String QUEUE = "agents";
  /** A 7.7 MB instrument log: one line in the middle says what went wrong. */
  private static final String LOG = log();
  private static final String CULPRIT = "line 100000 ERROR pump 3 pressure 412 kPa above limit";
  @TempDir Path dir;
  private ScriptedOpenAiServer server;
  private TestWorkflowEnvironment env;
  private FileArtifactStore store;

  @BeforeEach
  void setUp() throws IOException {
    server = ScriptedOpenAiServer.start("model");
    store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    ModelCall models = new ModelCall(ModelEndpointRegistry.of(List.of(ModelEndpointConfig.custom()
        .id("scripted").baseUrl(server.baseUrl()).modelName("model").maxConcurrency(4).build())));
    ToolRegistry tools = ToolRegistry.of(List.of(() -> List.of(new InstrumentLog(), new ReadArtifactTool())));
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(AgentWorkflowImpl.class);
    // prompts measured by the estimate on the endpoint's default window; the tool results' budget from Window4k
    worker.registerActivitiesImplementations(new AgentModelActivitiesImpl(models, new ToolBridge(tools), store,
        new EstimatedPromptMeter(models.endpoints())),
        new AgentToolActivitiesImpl(tools, ToolFiles.withoutInputs(store, dir.resolve("scratch")),
            ActivityToolRunner.HEARTBEAT_EVERY_MILLIS, ToolResultBudget.shareOfWindow(new Window4k())));
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
    server.close();
  }

  @Test
  void shouldShowTheModelTheEndsOfALargeToolOutputAndLetItReadTheMiddleByRange() throws Exception {
    String logUri = "artifact:sha256:" + sha256(LOG);
    int culpritAt = LOG.indexOf(CULPRIT); // ASCII: characters are bytes
    server.enqueue(ScriptedReply.toolCall("lab__log", "{}"),
        ScriptedReply.toolCalls(List.of(
            new ScriptedReply.ToolCall("read-1", "artifact__read",
                "{\"uri\": \"" + logUri + "\", \"offset\": " + (culpritAt - 20) + ", \"length\": 200}"),
            new ScriptedReply.ToolCall("read-2", "artifact__read", "{\"uri\": \"" + logUri + "\", \"lines\": \"1-5\"}")),
            40, 12),
        ScriptedReply.text("Pump 3 went over its pressure limit.", 50, 9));

    AgentResult result = run();

    assertThat(result.reason()).isEqualTo(StopReason.ANSWERED);
    List<RecordedRequest> requests = server.chatRequests();
    assertThat(requests).hasSize(3);
    String shown = requests.get(1).lastMessageContent();
    assertThat(shown).startsWith("ok: 200001 lines\noutput: " + logUri + "\ncontent (" + LOG.length()
        + " bytes of text/plain; the first 768 and the last 768 bytes shown):\nline 0 ok")
        .contains("bytes omitted (bytes 768-").contains("read them with artifact.read {\"uri\": \"" + logUri
            + "\", \"offset\": 768, \"length\": 1536}")
        .endsWith("line 200000 done: 1 error\n")
        .doesNotContain(CULPRIT);
    assertThat(requests.get(1).body().length()).as("the request carries the excerpt, not the 7.7 MB log")
        .isLessThan(6_000);

    JsonNode answered = requests.get(2).json().path("messages");
    String slice = answered.get(answered.size() - 2).path("content").asText();
    assertThat(slice).startsWith("ok: bytes " + (culpritAt - 20) + "-" + (culpritAt + 179) + " of " + LOG.length()
        + " of " + logUri + " (text/plain); the rest from offset " + (culpritAt + 180))
        .contains(CULPRIT).endsWith(LOG.substring(culpritAt - 20, culpritAt + 180));
    assertThat(answered.get(answered.size() - 1).path("content").asText()).isEqualTo("error: tool "
        + "'artifact.read' has no parameter 'lines'; it takes: uri, offset, length; call it again with only those");
  }

  private AgentResult run() {
    AgentWorkflow agent = env.getWorkflowClient().newWorkflowStub(AgentWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId("large-output").setTaskQueue(QUEUE).build());
    return agent.run(AgentInput.fresh("large-output", new AgentBrief("You read instrument logs.",
        "Why did the run stop?", List.of("lab.log", "artifact.read")), AgentRouting.to("scripted"),
        new AgentLimits(4, 4, 64, 0), AgentBudget.unlimited()));
  }

  private static String log() {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < 200_000; i++) {
      out.append(i == 100_000 ? CULPRIT : "line " + i + " ok pump 3 pressure 300 kPa").append('\n');
    }
    return out.append("line 200000 done: 1 error\n").toString();
  }

  private static String sha256(String text) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  /**
   * The window of the scripted endpoint, as a server would report it: 4,096 tokens, so a tool result may take 1,536
   * bytes. It counts no prompts: nothing here asks it to.
   */
  private static final class Window4k implements PromptMeter {
    @Override
    public int contextWindow(String endpointId) {
      if (!endpointId.equals("scripted")) {
        throw new IllegalArgumentException("no endpoint " + endpointId);
      }
      return 4_096;
    }

    @Override
    public int promptTokens(String endpointId, ModelCallRequest request) {
      throw new UnsupportedOperationException("the tool result budget needs only the window");
    }
  }

  /** Answers with the whole log, as an instrument's export would. */
  private static final class InstrumentLog implements Tool {
    @Override
    public ToolDescriptor descriptor() {
      return new ToolDescriptor("lab.log", "The instrument's log of the last run", List.of());
    }

    @Override
    public ToolOutput execute(ToolContext context, ToolArguments args) {
      try {
        ArtifactRef ref = context.artifacts().put(LOG.getBytes(StandardCharsets.UTF_8), "text/plain");
        return new ToolOutput(ref, LOG.lines().count() + " lines");
      } catch (IOException e) {
        throw ToolException.retryable("store unavailable", e);
      }
    }
  }
}
