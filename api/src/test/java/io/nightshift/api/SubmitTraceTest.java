package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.nightshift.api.OtlpReceiver.ReceivedSpan;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.api.v1.TaskState;
import io.nightshift.models.testing.RecordedRequest;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import io.nightshift.runtime.NightshiftRuntime;
import io.nightshift.runtime.Role;
import io.nightshift.runtime.config.ApiAuth;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.config.TraceExport;
import io.nightshift.runtime.worker.WorkerRole;
import io.opentelemetry.api.GlobalOpenTelemetry;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collector;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tracing end to end, as {@code nightshift dev --otlp-endpoint URL} runs it: a whole runtime (temporal, worker and
 * API roles; Temporal's in-memory server, so it starts in seconds) whose models file names a scripted endpoint, and
 * a receiver on a real socket standing in for the collector. A task submitted over real gRPC runs a tool step and
 * an agent step. One trace must run from the API's SubmitTask span through the workflow start, the workflow run and
 * its activities down to the model call and its HTTP request, every span's parent in that trace.
 */
class SubmitTraceTest {
  private static final String CALLER_TRACE = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN = "00f067aa0ba902b7";
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
  private ScriptedOpenAiServer model;
  private NightshiftRuntime runtime;
  private ManagedChannel channel;

  @BeforeEach
  void setUp() throws Exception {
    // earlier tests in this JVM may have read the global already, which fixes it as the no-op
    GlobalOpenTelemetry.resetForTest();
    collector = OtlpReceiver.start();
    model = ScriptedOpenAiServer.start("model");
    Path models = Files.writeString(dir.resolve("models.yaml"), """
        endpoints:
          - id: scripted
            base_url: %s
            model: model
        """.formatted(model.baseUrl()));
    RuntimeConfig config = RuntimeConfig.builder(dir.resolve("data")).temporalPort(TestPorts.free())
        .temporalUiPort(TestPorts.free()).apiHost("127.0.0.1").apiPort(TestPorts.free()).apiAuth(ApiAuth.NONE)
        .temporalServer(RuntimeConfig.LocalServerKind.IN_MEMORY).modelsFile(models)
        .traceExport(TraceExport.of(collector.baseUrl())).build();
    ApiRole api = new ApiRole();
    runtime = NightshiftRuntime.start(config, EnumSet.allOf(Role.class), List.of(new WorkerRole(), api));
    channel = NettyChannelBuilder.forTarget(api.target()).usePlaintext().build();
  }

  @AfterEach
  void tearDown() {
    channel.shutdownNow();
    runtime.close();
    model.close();
    collector.close();
    GlobalOpenTelemetry.resetForTest();
  }

  @Test
  void shouldTraceOneTaskFromTheSubmitCallToTheModelRequestAndJoinATracingCallersTrace() {
    model.enqueue(ScriptedReply.text("Two columns, three rows.", 12, 3));
    TaskServiceGrpc.TaskServiceBlockingStub api = TaskServiceGrpc.newBlockingStub(channel);
    String id = api.submitTask(SubmitTaskRequest.newBuilder().setSpec(TaskSpec.newBuilder()
        .setPipelineYaml(PIPELINE)).build()).getTaskId();
    await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(
        () -> api.getTask(GetTaskRequest.newBuilder().setTaskId(id).build()).getState(),
        s -> s == TaskState.TASK_STATE_SUCCEEDED || s == TaskState.TASK_STATE_FAILED);
    assertThat(api.getTask(GetTaskRequest.newBuilder().setTaskId(id).build()).getState())
        .isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
    // a caller that traces: its context is the parent; a refused call keeps its code and the task id it named
    Metadata caller = new Metadata();
    caller.put(Metadata.Key.of("traceparent", Metadata.ASCII_STRING_MARSHALLER),
        "00-" + CALLER_TRACE + "-" + CALLER_SPAN + "-01");
    assertThat(catchThrowableOfType(StatusRuntimeException.class, () -> api
        .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(caller))
        .getTask(GetTaskRequest.newBuilder().setTaskId("task-nobody-submitted").build())).getStatus().getCode())
        .isEqualTo(Status.Code.NOT_FOUND);
    HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance());
    channel.shutdownNow();
    runtime.close(); // shuts the SDK down too, which exports what its batch still holds

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

    // the chat request; the prompt meter's probe of the server's tokenizer is a request of its own in the trace
    ReceivedSpan http = trace.stream().filter(s -> s.name().equals("POST"))
        .filter(s -> String.valueOf(s.attributes().get("url.path")).endsWith("/chat/completions")).collect(single());
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
    // sticky execution is off on the in-memory server, so every workflow task and every GetTask query replayed the
    // run from the start:
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

    ReceivedSpan refused = received.stream().filter(s -> s.traceId().equals(CALLER_TRACE)).collect(single());
    assertThat(refused.name()).isEqualTo("nightshift.v1.TaskService/GetTask");
    assertThat(refused.parentSpanId()).isEqualTo(CALLER_SPAN);
    assertThat(refused.attributes()).containsEntry("rpc.grpc.status_code", (long) Status.Code.NOT_FOUND.value())
        .containsEntry("nightshift.task.id", "task-nobody-submitted");
    assertThat(received).as("probes of gRPC's health service make no traces")
        .noneMatch(s -> s.name().startsWith("grpc.health"));
  }
  private static <T> Collector<T, ?, T> single() {
    return Collectors.collectingAndThen(Collectors.toList(), list -> {
      assertThat(list).hasSize(1);
      return list.get(0);
    });
  }
}
