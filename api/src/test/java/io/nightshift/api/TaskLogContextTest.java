package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.nightshift.api.edge.TaskIdInLogs;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.api.v1.TaskState;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.models.ModelCall;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import io.nightshift.planners.declarative.DeclarativePlanner;
import io.nightshift.runtime.agent.AgentModelActivitiesImpl;
import io.nightshift.runtime.pipelines.PipelineCatalog;
import io.nightshift.runtime.worker.ControlWorker;
import io.nightshift.tools.registry.ToolRegistry;
import io.nightshift.workflows.activities.StepActivitiesImpl;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.logging.TaskLogContext;
import io.nightshift.workflows.logging.TaskLogPropagator;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task submitted over real gRPC runs a tool step and an agent step on the runtime's control worker, the agent
 * calling a scripted endpoint over real sockets whose first answer is a 429: every line about the task, from the
 * API, the tool step's activity and each attempt of the model call, carries the task's id, its step and attempt.
 */
class TaskLogContextTest {
  private static final String PIPELINE = """
      name: logged
      steps:
        - name: load
          tool: data.read_csv
          params: {source: "classpath:planning/small.csv"}
        - name: analyst
          kind: agent
          needs: [load]
          model: scripted
          instructions: "You are brief."
          prompt: "Describe ${steps.load.output}"
          max_turns: 2
      """;

  @TempDir Path dir;
  private ScriptedOpenAiServer model;
  private TestWorkflowEnvironment env;
  private WorkerFactory workers;
  private Server server;
  private ManagedChannel channel;
  private CapturedLines captured;

  @BeforeEach
  void setUp() throws Exception {
    model = ScriptedOpenAiServer.start("model");
    ModelCall models = new ModelCall(ModelEndpointRegistry.of(List.of(ModelEndpointConfig.custom().id("scripted")
        .baseUrl(model.baseUrl()).modelName("model").build())));
    // the client the runtime builds (TemporalConnection) carries the task's log context in headers; so does this
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setWorkflowClientOptions(
        WorkflowClientOptions.newBuilder().setContextPropagators(List.of(new TaskLogPropagator())).build()).build());
    ToolRegistry tools = ToolRegistry.fromClassPath();
    FileArtifactStore artifacts = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    workers = ControlWorker.start(env.getWorkflowClient(), tools, new DeclarativePlanner(tools),
        ToolFiles.withoutInputs(artifacts, dir.resolve("scratch")), true, Optional.of(models));
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new TaskServiceImpl(env.getWorkflowClient(), new TaskSubmitter(env.getWorkflowClient(),
            new DeclarativePlanner(tools), PipelineCatalog.load(dir.resolve("pipelines")), 8, false, List.of(),
            Optional.empty()), new TaskWatcher(env.getWorkflowClient(), Duration.ofMillis(300)), artifacts))
        .intercept(new TaskIdInLogs()).build().start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
    captured = CapturedLines.open();
  }

  @AfterEach
  void tearDown() {
    captured.close();
    channel.shutdownNow();
    server.shutdownNow();
    workers.shutdownNow();
    workers.awaitTermination(30, TimeUnit.SECONDS); // no activity left writing into the temporary directory
    env.close();
    model.close();
  }

  @Test
  void shouldTagLinesFromTheApiActivitiesAndModelCallsWithTaskStepAndAttempt() {
    model.enqueue(ScriptedReply.rateLimited("1"), ScriptedReply.text("Two columns, three rows."));
    var api = TaskServiceGrpc.newBlockingStub(channel);
    String id = api.submitTask(SubmitTaskRequest.newBuilder().setSpec(TaskSpec.newBuilder()
        .setPipelineYaml(PIPELINE)).build()).getTaskId();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
        () -> api.getTask(GetTaskRequest.newBuilder().setTaskId(id).build()).getState(),
        s -> s == TaskState.TASK_STATE_SUCCEEDED || s == TaskState.TASK_STATE_FAILED);
    List<CapturedLines.Line> lines = captured.lines();

    assertThat(lines).filteredOn(l -> l.message().startsWith("submitted"))
        .singleElement().satisfies(l -> assertThat(l.mdc()).containsEntry(TaskLogContext.TASK_ID, id));
    assertThat(lines).filteredOn(l -> l.logger().equals(StepActivitiesImpl.class.getName()))
        .isNotEmpty().allSatisfy(l -> assertThat(l.mdc()).containsAllEntriesOf(Map.of(TaskLogContext.TASK_ID, id,
            TaskLogContext.STEP, "load", TaskLogContext.ATTEMPT, "1", TaskLogContext.WORKFLOW_ID, id)));
    // the 429 on the first attempt, the answer on the second: each line says which attempt it is
    List<CapturedLines.Line> modelLines = lines.stream()
        .filter(l -> l.logger().equals(AgentModelActivitiesImpl.class.getName())).toList();
    assertThat(modelLines).extracting(l -> l.mdc().get(TaskLogContext.ATTEMPT)).containsExactly("1", "2");
    assertThat(modelLines).allSatisfy(l -> assertThat(l.mdc()).containsEntry(TaskLogContext.TASK_ID, id)
        .containsEntry(TaskLogContext.STEP, "analyst").containsEntry(TaskLogContext.ACTIVITY_TYPE, "NextTurn"));
    assertThat(modelLines.get(1).message()).contains("answered");
  }
}
