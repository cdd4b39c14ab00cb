package io.nightshift.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.models.ModelCall;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.endpoint.PriceBasis;
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
import io.nightshift.workflows.agent.StopReason;
import io.nightshift.workflows.agent.TranscriptMessage;
import io.nightshift.workflows.agent.Transcripts;
import io.temporal.client.WorkflowFailedException;
import io.temporal.client.WorkflowOptions;
import io.temporal.failure.ApplicationFailure;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The agent workflow with the real activities: LangChain4j over real sockets to a scripted endpoint, real tools. */
class AgentOnScriptedEndpointTest {
  private static final String QUEUE = "agents";
  @TempDir Path dir;
  private ScriptedOpenAiServer server;
  private TestWorkflowEnvironment env;
  private FileArtifactStore store;

  @BeforeEach
  void setUp() throws IOException {
    server = ScriptedOpenAiServer.start("model");
    store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    ModelCall models = new ModelCall(ModelEndpointRegistry.of(List.of(ModelEndpointConfig.custom()
        .id("scripted").baseUrl(server.baseUrl()).modelName("model").maxConcurrency(4)
        .priceBasis(PriceBasis.per1k("1", "2")).build())));
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(QUEUE);
    AgentWorkers.register(worker, models, ToolRegistry.of(List.of(new TextTools())), ToolFiles.withoutInputs(store, dir.resolve("scratch")));
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
    server.close();
  }

  @Test
  void shouldCallARegistryToolTheModelAsksForAndHandItsResultBack() throws IOException {
    server.enqueue(ScriptedReply.toolCall("text__upper", "{\"text\":\"hello\",\"suffix\":\"!\"}"),
        ScriptedReply.text("The tool says HELLO!", 60, 7));

    AgentResult result = run("upper", List.of("text.upper"));

    assertThat(result.reason()).isEqualTo(StopReason.ANSWERED);
    assertThat(new String(store.read(result.answer()), StandardCharsets.UTF_8)).isEqualTo("The tool says HELLO!");
    List<RecordedRequest> requests = server.chatRequests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).toolNames()).containsExactly("text__upper");
    assertThat(requests.get(0).json().path("tools").get(0).path("function").path("parameters").path("required")
        .toString()).isEqualTo("[\"text\"]");
    String toolResult = requests.get(1).lastMessageContent();
    assertThat(toolResult).startsWith("ok: 6 characters").contains("output: artifact:sha256:").endsWith("HELLO!");
    assertThat(requests.get(1).json().path("messages").get(3).path("tool_call_id").asText()).isEqualTo("call_1");
    // usage 20+8 (tool call) and 60+7 (answer), priced at 1 and 2 per 1k
    assertThat(result.usage().budget().tokensSpent()).isEqualTo(95);
    assertThat(result.usage().budget().costSpent()).isEqualByComparingTo("0.110");
    assertThat(new Transcripts(store).messages(result.conversation().transcript())).extracting(TranscriptMessage::role)
        .containsExactly(TranscriptMessage.Role.SYSTEM, TranscriptMessage.Role.USER, TranscriptMessage.Role.ASSISTANT,
            TranscriptMessage.Role.TOOL, TranscriptMessage.Role.ASSISTANT);
  }

  @Test
  void shouldAnswerToolErrorsAndMalformedArgumentsToTheModel() {
    server.enqueue(ScriptedReply.toolCalls(List.of(
            new ScriptedReply.ToolCall("a", "text__strict", "{\"text\":\"x\"}"),
            new ScriptedReply.ToolCall("b", "text__upper", "{text"),
            new ScriptedReply.ToolCall("c", "text__missing", "{}")), 30, 9),
        ScriptedReply.text("I see the errors"));

    AgentResult result = run("errors", List.of("text.strict", "text.upper", "text.missing"));

    assertThat(result.reason()).isEqualTo(StopReason.ANSWERED);
    var messages = server.chatRequests().get(1).json().path("messages");
    assertThat(messages.get(3).path("content").asText()).isEqualTo("error: 'x' is not acceptable");
    assertThat(messages.get(4).path("content").asText()).startsWith("error: the arguments are not valid JSON");
    assertThat(messages.get(5).path("content").asText()).isEqualTo("error: there is no tool 'text.missing'");
  }

  @Test
  void shouldAnswerAToolCallWithAKeyTheToolDoesNotTakeWithAnErrorAndNotRunTheTool() throws Exception {
    server.enqueue(ScriptedReply.toolCall("text__upper", "{\"text\":\"hello\",\"nim_url\":\"http://10.0.0.5\"}"),
        ScriptedReply.text("I will not pass that", 30, 5));

    AgentResult result = run("unknown-key", List.of("text.upper"));

    assertThat(result.reason()).isEqualTo(StopReason.ANSWERED);
    assertThat(server.chatRequests().get(1).lastMessageContent()).isEqualTo("error: tool 'text.upper' has no"
        + " parameter 'nim_url'; it takes: text, suffix; call it again with only those");
    String hello = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
        .digest("HELLO".getBytes(StandardCharsets.UTF_8)));
    assertThat(store.find("sha256:" + hello)).as("the tool did not run, so stored no output").isEmpty();
  }

  @Test
  void shouldRetryATransientToolFailureResumingFromItsLastHeartbeat() {
    server.enqueue(ScriptedReply.toolCall("text__resumable", "{}"), ScriptedReply.text("fine"));

    AgentResult result = run("resumable", List.of("text.resumable"));

    assertThat(result.reason()).isEqualTo(StopReason.ANSWERED);
    assertThat(server.chatRequests().get(1).lastMessageContent()).startsWith("ok: resumed from half done");
  }

  @Test
  void shouldRetryARateLimitedCallAndFailABadRequestAtOnce() {
    server.enqueue(ScriptedReply.rateLimited("1"), ScriptedReply.text("after waiting"));
    assertThat(run("rate-limited", List.of()).reason()).isEqualTo(StopReason.ANSWERED);
    assertThat(server.chatRequests()).hasSize(2);

    server.enqueue(ScriptedReply.status(400, "unsupported parameter"));
    WorkflowFailedException failed = catchThrowableOfType(WorkflowFailedException.class,
        () -> run("bad-request", List.of()));
    assertThat(server.chatRequests()).as("not retried").hasSize(3);
    ApplicationFailure agentFailure = (ApplicationFailure) failed.getCause();
    assertThat(agentFailure.getType()).isEqualTo(AgentModelActivities.MODEL_CALL_FAILED);
    assertThat(agentFailure.getOriginalMessage()).contains("model call 1 failed").contains("BAD_REQUEST (HTTP 400)");
  }

  private AgentResult run(String id, List<String> tools) {
    AgentWorkflow agent = env.getWorkflowClient().newWorkflowStub(AgentWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(QUEUE).build());
    return agent.run(AgentInput.fresh(id, new AgentBrief("You transform text with tools.", "Shout hello.", tools),
        AgentRouting.to("scripted"), new AgentLimits(4, 4, 64, 0), AgentBudget.unlimited()));
  }
}
