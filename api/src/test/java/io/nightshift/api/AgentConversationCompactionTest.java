package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nightshift.api.v1.AgentConversation;
import io.nightshift.api.v1.AgentMessage;
import io.nightshift.api.v1.GetAgentConversationRequest;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.api.v1.TaskState;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.models.ModelCall;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import io.nightshift.planners.declarative.DeclarativePlanner;
import io.nightshift.runtime.pipelines.PipelineCatalog;
import io.nightshift.runtime.worker.ControlWorker;
import io.nightshift.tools.registry.ToolRegistry;
import io.nightshift.workflows.activities.ToolFiles;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
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
 * A pipeline's agent step with a {@code context:} block, on an endpoint with a small window, through the API: the
 * step's settings reach the agent, its conversation is compacted, and GetAgentConversation shows the compaction
 * event with both artifacts and the count.
 */
class AgentConversationCompactionTest {
  private static final String PIPELINE = """
      name: chat
      steps:
        - name: load
          tool: data.read_csv
          params: {source: "classpath:planning/small.csv"}
        - name: analyst
          kind: agent
          needs: [load]
          model: scripted
          instructions: "You are brief."
          prompt: "Describe ${steps.load.output} again and again"
          tools: [table.describe]
          max_turns: 12
          max_output_tokens: 64
          context: {strategy: compact, keep_last_turns: 1}
      """;
  private static final String SUMMARY = "The table has two columns and three rows; described several times.";

  @TempDir Path dir;
  private ScriptedOpenAiServer model;
  private TestWorkflowEnvironment env;
  private WorkerFactory workers;
  private TaskApiOnSocket socket;
  private TaskServiceGrpc.TaskServiceBlockingStub api;
  private FileArtifactStore artifacts;

  @BeforeEach
  void setUp() throws Exception {
    model = ScriptedOpenAiServer.start("model");
    ModelCall models = new ModelCall(ModelEndpointRegistry.of(List.of(ModelEndpointConfig.custom().id("scripted")
        .baseUrl(model.baseUrl()).modelName("model").contextWindow(900).build())));
    env = TestWorkflowEnvironment.newInstance();
    ToolRegistry tools = ToolRegistry.fromClassPath();
    artifacts = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    workers = ControlWorker.start(env.getWorkflowClient(), tools, new DeclarativePlanner(tools),
        ToolFiles.withoutInputs(artifacts, dir.resolve("scratch")), true, Optional.of(models));
    var client = env.getWorkflowClient();
    TaskSubmitter submitter = new TaskSubmitter(client, new DeclarativePlanner(tools),
        PipelineCatalog.load(dir.resolve("pipelines")), 8, false, List.of(), Optional.empty());
    socket = TaskApiOnSocket.start(client, submitter, artifacts);
    api = socket.api();
  }

  @AfterEach
  void tearDown() {
    socket.close();
    workers.shutdownNow();
    env.close();
    model.close();
  }

  @Test
  void shouldShowTheCompactionEventItsArtifactsAndTheCountInTheConversation() throws Exception {
    model.on(r -> r.body().contains("You compact the conversation"), ScriptedReply.text(SUMMARY));
    for (int i = 0; i < 8; i++) {
      model.enqueue(ScriptedReply.toolCall("table__describe", "{\"input\":\"PLACEHOLDER\"}"));
    }
    model.enqueue(ScriptedReply.text("Two columns, three rows."));
    String id = api.submitTask(SubmitTaskRequest.newBuilder().setSpec(TaskSpec.newBuilder()
        .setPipelineYaml(PIPELINE)).build()).getTaskId();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
        () -> api.getTask(GetTaskRequest.newBuilder().setTaskId(id).build()).getState(),
        s -> s == TaskState.TASK_STATE_SUCCEEDED || s == TaskState.TASK_STATE_FAILED);

    AgentConversation c = api.getAgentConversation(GetAgentConversationRequest.newBuilder().setTaskId(id)
        .setStep("analyst").build());
    assertThat(c.getStopReason()).isEqualTo("ANSWERED");
    assertThat(c.getCompactions()).isPositive();
    List<AgentMessage> events = c.getMessagesList().stream().filter(AgentMessage::hasCompaction).toList();
    assertThat(events).hasSize(c.getCompactions());
    AgentMessage first = events.get(0);
    assertThat(first.getRole()).isEqualTo("USER");
    assertThat(first.getText()).endsWith(SUMMARY);
    assertThat(first.getCompaction().getWindow()).isEqualTo(900);
    assertThat(first.getCompaction().getTurns()).isPositive();
    ArtifactRef summary = new ArtifactRef(first.getCompaction().getSummary().getDigest(),
        first.getCompaction().getSummary().getSize(), first.getCompaction().getSummary().getMediaType());
    assertThat(new String(artifacts.read(summary), StandardCharsets.UTF_8)).isEqualTo(SUMMARY);
    assertThat(first.getCompaction().getReplaced().getDigest()).startsWith("sha256:");
    // the task view says how many compactions the step did
    assertThat(api.getTask(GetTaskRequest.newBuilder().setTaskId(id).build()).getStepsList().stream()
        .filter(s -> s.getName().equals("analyst")).findFirst().orElseThrow().getSummary())
        .contains(", " + c.getCompactions() + " compaction(s): answered");
  }
}
