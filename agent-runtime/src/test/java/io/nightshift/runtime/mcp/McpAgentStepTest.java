package io.nightshift.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.models.ModelCall;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.testing.RecordedRequest;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import io.nightshift.runtime.agent.AgentWorkers;
import io.nightshift.tools.mcp.McpPython;
import io.nightshift.tools.mcp.McpToolSource;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.agent.AgentBrief;
import io.nightshift.workflows.agent.AgentBudget;
import io.nightshift.workflows.agent.AgentInput;
import io.nightshift.workflows.agent.AgentLimits;
import io.nightshift.workflows.agent.AgentResult;
import io.nightshift.workflows.agent.AgentRouting;
import io.nightshift.workflows.agent.AgentWorkflow;
import io.nightshift.workflows.agent.StopReason;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An agent on Temporal's test environment calls the tools of a real MCP server (official Python SDK, stdio),
 * configured the way the runtime reads it (the models file's mcp: section), with the model scripted over real HTTP.
 */
class McpAgentStepTest {
  private static final String QUEUE = "agents";
  @TempDir Path dir;
  private ScriptedOpenAiServer model;
  private McpToolSource mcp;
  private TestWorkflowEnvironment env;
  private FileArtifactStore store;

  @BeforeEach
  void setUp() throws Exception {
    List<String> command = McpPython.calcServerCommand(dir);
    Path modelsFile = Files.writeString(dir.resolve("models.yaml"), "endpoints:\n"
        + "  - {id: scripted, base_url: http://127.0.0.1:1/v1, model: m}\n"
        + "mcp:\n"
        + "  - name: calc\n"
        + "    command: " + command.get(0) + "\n"
        + "    args: [" + command.get(1) + "]\n"
        + "    call_timeout_seconds: 30\n");
    mcp = McpToolSource.of(McpServersFile.read(modelsFile));
    model = ScriptedOpenAiServer.start("model");
    store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    ModelCall models = new ModelCall(ModelEndpointRegistry.of(List.of(ModelEndpointConfig.custom()
        .id("scripted").baseUrl(model.baseUrl()).modelName("model").maxConcurrency(2).build())));
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(QUEUE);
    AgentWorkers.register(worker, models, McpServersFile.registryWith(mcp),
        ToolFiles.withoutInputs(store, dir.resolve("scratch")));
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
    model.close();
    mcp.close();
  }

  @Test
  void shouldCallAnMcpToolAndHandAnMcpErrorBackToTheModelAsAToolResult() throws Exception {
    model.enqueue(ScriptedReply.toolCalls(List.of(
            new ScriptedReply.ToolCall("sum", "mcp__calc__add", "{\"a\":\"40\",\"b\":2}"),
            new ScriptedReply.ToolCall("div", "mcp__calc__divide", "{\"numerator\":\"1\",\"denominator\":\"0\"}")),
            30, 9),
        ScriptedReply.text("40 + 2 is 42; 1/0 is undefined."));

    AgentWorkflow agent = env.getWorkflowClient().newWorkflowStub(AgentWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId("mcp-agent").setTaskQueue(QUEUE).build());
    AgentResult result = agent.run(AgentInput.fresh("mcp-agent", new AgentBrief("You compute with tools.",
        "What is 40 + 2, and 1 / 0?", List.of("mcp.calc.add", "mcp.calc.divide")), AgentRouting.to("scripted"),
        new AgentLimits(4, 4, 64, 0), AgentBudget.unlimited()));

    assertThat(result.reason()).isEqualTo(StopReason.ANSWERED);
    assertThat(new String(store.read(result.answer()), StandardCharsets.UTF_8))
        .isEqualTo("40 + 2 is 42; 1/0 is undefined.");
    List<RecordedRequest> requests = model.chatRequests();
    assertThat(requests).hasSize(2);
    assertThat(requests.get(0).toolNames()).containsExactlyInAnyOrder("mcp__calc__add", "mcp__calc__divide");
    JsonNode add = requests.get(0).json().path("tools").findValues("function").stream()
        .filter(f -> f.path("name").asText().equals("mcp__calc__add")).findFirst().orElseThrow();
    assertThat(add.path("description").asText()).contains("Adds two whole numbers");
    assertThat(add.path("parameters").path("properties").path("a").path("description").asText())
        .isEqualTo("a (integer)");
    JsonNode messages = requests.get(1).json().path("messages");
    assertThat(messages.get(3).path("tool_call_id").asText()).isEqualTo("sum");
    assertThat(messages.get(3).path("content").asText()).startsWith("ok: 42").endsWith("42");
    assertThat(messages.get(4).path("tool_call_id").asText()).isEqualTo("div");
    assertThat(messages.get(4).path("content").asText())
        .startsWith("error: MCP tool divide of server 'calc' failed").contains("cannot divide 1.0 by zero");
    assertThat(mcp.starts("calc")).isEqualTo(1);
  }
}
