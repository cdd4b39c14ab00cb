package io.nightshift.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.models.ModelCall;
import io.nightshift.models.endpoint.CircuitBreakerSettings;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
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
import io.nightshift.workflows.agent.StopReason;
import io.temporal.client.WorkflowOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.Worker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * KV-cache affinity with two endpoints serving the same model (real LangChain4j calls to two scripted servers,
 * real circuit breakers): an agent's calls stay on the endpoint that served its first call while that one's
 * breaker is closed, move to the other when it opens, and then stay on the new one even after the first recovers.
 */
class AgentEndpointAffinityTest {
  private static final String QUEUE = "agents";
  @TempDir Path dir;
  private ScriptedOpenAiServer first;
  private ScriptedOpenAiServer second;
  private TestWorkflowEnvironment env;
  private FileArtifactStore store;

  @BeforeEach
  void setUp() throws Exception {
    first = ScriptedOpenAiServer.start("smollm2");
    second = ScriptedOpenAiServer.start("smollm2");
    store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    ModelCall models = new ModelCall(ModelEndpointRegistry.of(List.of(endpoint("first", first),
        endpoint("second", second))));
    env = TestWorkflowEnvironment.newInstance();
    Worker worker = env.newWorker(QUEUE);
    AgentWorkers.register(worker, models, ToolRegistry.of(List.of(new TextTools())), ToolFiles.withoutInputs(store, dir.resolve("scratch")));
    env.start();
  }

  @AfterEach
  void tearDown() {
    env.close();
    first.close();
    second.close();
  }

  @Test
  void shouldKeepEveryCallOnTheEndpointThatServedTheFirstWhileItIsHealthy() throws Exception {
    first.enqueue(upper("a"), upper("b")).otherwise(ScriptedReply.text("from first"));
    second.otherwise(ScriptedReply.text("from second"));

    AgentResult result = run("healthy");

    assertThat(result.reason()).isEqualTo(StopReason.ANSWERED);
    assertThat(answer(result)).isEqualTo("from first");
    assertThat(first.chatRequests()).hasSize(3);
    assertThat(second.chatRequests()).isEmpty();
    assertThat(result.conversation().servedBy()).isEqualTo("first");
  }

  @Test
  void shouldMoveToTheOtherEndpointWhenTheBreakerOpensAndStayThereAfterTheFirstRecovers() throws Exception {
    // turn 1 on first; turn 2 fails there (1 of the last 2 calls failed: its breaker opens), so its retry goes to
    // second; by turn 3 first's breaker lets trial calls through again and first would answer, but the agent stays
    first.enqueue(upper("a"), ScriptedReply.status(500, "down"))
        .otherwise(ScriptedReply.text("from first"));
    second.enqueue(upper("b")).otherwise(ScriptedReply.text("from second"));

    AgentResult result = run("failover");

    assertThat(result.reason()).isEqualTo(StopReason.ANSWERED);
    assertThat(answer(result)).isEqualTo("from second");
    assertThat(first.chatRequests()).as("turn 1, then turn 2's first try").hasSize(2);
    assertThat(second.chatRequests()).as("turn 2's retry, turn 3").hasSize(2);
    assertThat(second.chatRequests().get(0).json().path("messages").size())
        .as("the whole conversation so far goes to the new endpoint").isEqualTo(4);
    assertThat(result.conversation().servedBy()).isEqualTo("second");
  }

  private AgentResult run(String id) {
    AgentWorkflow agent = env.getWorkflowClient().newWorkflowStub(AgentWorkflow.class,
        WorkflowOptions.newBuilder().setWorkflowId(id).setTaskQueue(QUEUE).build());
    return agent.run(AgentInput.fresh(id, new AgentBrief("You transform text with tools.", "Shout.",
        List.of("text.upper")), new AgentRouting("first", List.of("first", "second"), Optional.empty()),
        new AgentLimits(6, 4, 64, 0), AgentBudget.unlimited()));
  }

  private static ScriptedReply upper(String text) {
    return ScriptedReply.toolCall("text__upper", "{\"text\":\"" + text + "\"}");
  }

  private String answer(AgentResult result) throws Exception {
    return new String(store.read(result.answer()), StandardCharsets.UTF_8);
  }

  private static ModelEndpointConfig endpoint(String id, ScriptedOpenAiServer server) {
    return ModelEndpointConfig.custom().id(id).baseUrl(server.baseUrl()).modelName("smollm2").maxConcurrency(2)
        .requestTimeout(Duration.ofSeconds(5))
        .circuitBreaker(new CircuitBreakerSettings(50f, 2, 2, Duration.ofMillis(500))).build();
  }
}
