package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.nightshift.api.OtlpReceiver.ReceivedSpan;
import io.nightshift.api.edge.UnparseableRequests;
import io.nightshift.api.tracing.TracedCalls;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.api.v1.TaskState;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.models.ModelCall;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.testing.RecordedRequest;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import io.nightshift.planners.declarative.DeclarativePlanner;
import io.nightshift.runtime.config.TraceExport;
import io.nightshift.runtime.lifecycle.Closer;
import io.nightshift.runtime.pipelines.PipelineCatalog;
import io.nightshift.runtime.temporal.tracing.TemporalTracing;
import io.nightshift.runtime.tracing.RuntimeTracing;
import io.nightshift.runtime.worker.ControlWorker;
import io.nightshift.tools.registry.ToolRegistry;
import io.nightshift.workflows.activities.ToolFiles;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.testing.TestEnvironmentOptions;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tracing end to end, as a collector sees it: a task submitted over real gRPC runs a tool step and an agent step on
 * a scripted model endpoint, with the runtime's OpenTelemetry exporting over OTLP/HTTP to a receiver on a real
 * socket. One trace must run from the API's SubmitTask span through the workflow start, the workflow run and its
 * activities down to the model call and its HTTP request, every span's parent in that trace.
 */
class SubmitTraceTest {
  private static final String PROMPT_MARK = "Summarise-this-secret-table";
  private static final String PIPELINE = """
      name: traced
      steps:
        - name: load
          tool: data.read_csv
          params: {source: "classpath:planning/small.csv"}
        - name: analyst
          kind: agent
          needs: [load]
          model: scripted
          instructions: "You are brief."
          prompt: "%s ${steps.load.output}"
          max_turns: 2
      """.formatted(PROMPT_MARK);

  @TempDir Path dir;
  private OtlpReceiver collector;
  private Closer tracing;
  private ScriptedOpenAiServer model;
  private TestWorkflowEnvironment env;
  private WorkerFactory workers;
  private Server server;
  private ManagedChannel channel;

  @BeforeEach
  void setUp() throws Exception {
    // earlier tests in this JVM may have read the global already, which fixes it as the no-op
    GlobalOpenTelemetry.resetForTest();
    collector = OtlpReceiver.start();
    tracing = new Closer();
    RuntimeTracing.start(TraceExport.of(collector.baseUrl()), List.of("worker", "api"), tracing);
    model = ScriptedOpenAiServer.start("model");
    ModelCall models = new ModelCall(ModelEndpointRegistry.of(List.of(ModelEndpointConfig.custom().id("scripted")
        .baseUrl(model.baseUrl()).modelName("model").build())));
    // the plugin as TemporalConnection sets it: on the client, reaching the workers built on it
    env = TestWorkflowEnvironment.newInstance(TestEnvironmentOptions.newBuilder().setWorkflowClientOptions(
        WorkflowClientOptions.newBuilder().setPlugins(TemporalTracing.plugin()).build()).build());
    WorkflowClient client = env.getWorkflowClient();
    ToolRegistry tools = ToolRegistry.fromClassPath();
    FileArtifactStore artifacts = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    workers = ControlWorker.start(client, tools, new DeclarativePlanner(tools),
        ToolFiles.withoutInputs(artifacts, dir.resolve("scratch")), true, Optional.of(models));
    TaskSubmitter submitter = new TaskSubmitter(client, new DeclarativePlanner(tools),
        PipelineCatalog.load(dir.resolve("pipelines")), 8, false, List.of(), Optional.empty());
    // the API as ApiServer builds it, tracing interceptor outermost
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(UnparseableRequests.answeredInvalid(new TaskServiceImpl(client, submitter,
            new TaskWatcher(client, Duration.ofMillis(300)), artifacts).bindService()))
        .intercept(new TracedCalls())
        .build().start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
  }

  @AfterEach
  void tearDown() {
    channel.shutdownNow();
    server.shutdownNow();
    workers.shutdownNow();
    env.close();
    model.close();
    tracing.close();
    collector.close();
    GlobalOpenTelemetry.resetForTest();
  }

  @Test
  void shouldTraceOneTaskFromTheSubmitCallThroughItsWorkflowActivitiesAndModelCall() {
    model.enqueue(ScriptedReply.text("Two columns, three rows.", 12, 3));
    TaskServiceGrpc.TaskServiceBlockingStub api = TaskServiceGrpc.newBlockingStub(channel);
    String id = api.submitTask(SubmitTaskRequest.newBuilder().setSpec(TaskSpec.newBuilder()
        .setPipelineYaml(PIPELINE)).build()).getTaskId();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
        () -> api.getTask(GetTaskRequest.newBuilder().setTaskId(id).build()).getState(),
        s -> s == TaskState.TASK_STATE_SUCCEEDED || s == TaskState.TASK_STATE_FAILED);
    assertThat(api.getTask(GetTaskRequest.newBuilder().setTaskId(id).build()).getState())
        .isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
    tracing.close(); // shuts the SDK down, which exports what its batch still holds

    List<ReceivedSpan> received = collector.spans();
    ReceivedSpan submit = received.stream().filter(s -> s.name().equals("nightshift.v1.TaskService/SubmitTask"))
        .collect(single());
    assertThat(submit.root()).as("the submit starts the trace").isTrue();
    assertThat(submit.service()).isEqualTo("nightshift");
    assertThat(submit.attributes()).containsEntry("rpc.system", "grpc").containsEntry("rpc.grpc.status_code", 0L)
        .containsEntry("nightshift.task.id", id);

    List<ReceivedSpan> trace = received.stream().filter(s -> s.traceId().equals(submit.traceId())).toList();
    Map<String, ReceivedSpan> byId = trace.stream().collect(Collectors.toMap(ReceivedSpan::spanId,
        Function.identity()));
    assertThat(trace).as("a tree: one root, every other span's parent in the same trace")
        .filteredOn(ReceivedSpan::root).containsExactly(submit);
    assertThat(trace).filteredOn(s -> !s.root()).allSatisfy(s -> assertThat(byId).containsKey(s.parentSpanId()));

    ReceivedSpan http = trace.stream().filter(s -> s.name().equals("POST")).collect(single());
    ReceivedSpan chat = byId.get(http.parentSpanId());
    assertThat(chat.name()).isEqualTo("chat model");
    assertThat(chat.attributes()).containsEntry("nightshift.model.endpoint", "scripted")
        .containsEntry("gen_ai.request.model", "model")
        .containsEntry("gen_ai.usage.input_tokens", 12L).containsEntry("gen_ai.usage.output_tokens", 3L);
    List<String> path = new ArrayList<>();
    for (ReceivedSpan s = chat; s != null; s = byId.get(s.parentSpanId())) {
      path.add(s.name());
    }
    assertThat(path).as("from the model call up to the submit").last().isEqualTo(submit.name());
    assertThat(path.get(1)).startsWith("RunActivity:");
    assertThat(path).contains("RunWorkflow:TaskWorkflow", "StartWorkflow:TaskWorkflow");
    assertThat(trace).extracting(ReceivedSpan::name).as("the planning, the tool step and the agent's turn")
        .contains("RunActivity:Plan", "RunActivity:RunStep", "RunActivity:NextTurn", "RunWorkflow:AgentWorkflow");
    // sticky execution is off here, so every workflow task and every GetTask query replayed the run from the start:
    // each run still exports exactly one span
    assertThat(trace).extracting(ReceivedSpan::name).filteredOn(n -> n.startsWith("RunWorkflow:"))
        .containsExactlyInAnyOrder("RunWorkflow:TaskWorkflow", "RunWorkflow:AgentWorkflow");
    assertThat(trace).filteredOn(s -> s.name().startsWith("RunWorkflow:"))
        .allSatisfy(s -> assertThat(s.attributes()).containsKey("temporal.workflow.id"));

    RecordedRequest toModel = model.chatRequests().get(0);
    // the JDK's HTTP server capitalises header names: Traceparent
    List<String> traceparent = toModel.headers().entrySet().stream()
        .filter(h -> h.getKey().equalsIgnoreCase("traceparent")).flatMap(h -> h.getValue().stream()).toList();
    assertThat(traceparent).as("the model server is handed the HTTP span's context")
        .containsExactly("00-" + submit.traceId() + "-" + http.spanId() + "-01");
    assertThat(trace).as("no task content in any attribute").allSatisfy(s -> assertThat(s.attributes().values())
        .noneMatch(v -> v.toString().contains(PROMPT_MARK)));
    assertThat(collector.contentTypes()).isNotEmpty().allMatch(t -> t.equals("application/x-protobuf"));
  }

  private static <T> java.util.stream.Collector<T, ?, T> single() {
    return Collectors.collectingAndThen(Collectors.toList(), list -> {
      assertThat(list).hasSize(1);
      return list.get(0);
    });
  }
}
