package io.nightshift.dist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nightshift.api.v1.AcceleratorKind;
import io.nightshift.api.v1.Backend;
import io.nightshift.api.v1.BackendServiceGrpc;
import io.nightshift.api.v1.Device;
import io.nightshift.api.v1.GetBackendRequest;
import io.nightshift.api.v1.HealthState;
import io.nightshift.api.v1.ListBackendsRequest;
import io.nightshift.api.v1.ModelEndpoint;
import io.nightshift.cli.NightshiftCli;
import io.temporal.api.enums.v1.TaskQueueType;
import io.temporal.api.taskqueue.v1.TaskQueue;
import io.temporal.api.workflowservice.v1.DescribeTaskQueueRequest;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import picocli.CommandLine;

/**
 * {@code nightshift dev --backends FILE} with fake nvidia-smi / neuron-ls / neuron-monitor tools (real output
 * formats), a stand-in vLLM server attached as an endpoint, a GPU pool whose driver is missing, and simulated
 * pools: BackendService over real gRPC, the per-pool task queues on the real Temporal dev server, and the CLI. The
 * runtime is the {@link SharedPoolsRuntime}, which PlacementIT runs its steps on.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SharedPoolsRuntime.class)
class BackendsIT {
  private final Path dir = ItData.newDir(getClass());
  private RuntimeProcess runtime;

  @BeforeAll
  void start(PoolsRuntime pools) {
    runtime = pools.runtime;
  }

  private BackendServiceGrpc.BackendServiceBlockingStub backends() {
    return BackendServiceGrpc.newBlockingStub(runtime.channel()).withDeadlineAfter(60, TimeUnit.SECONDS);
  }

  @Test
  void shouldListEveryPoolWithDevicesTelemetryHealthAndPriceAndTheBrokenOneDownWithItsReason() {
    Map<String, Backend> pools = backends().listBackends(ListBackendsRequest.getDefaultInstance()).getBackendsList()
        .stream().collect(Collectors.toMap(Backend::getId, b -> b));
    assertThat(backends().listBackends(ListBackendsRequest.getDefaultInstance()).getBackendsList())
        .extracting(Backend::getId).containsExactlyElementsOf(PoolsRuntime.POOLS);

    Backend gpu = pools.get("gpu-node");
    assertThat(gpu.getKind()).isEqualTo(AcceleratorKind.ACCELERATOR_KIND_NVIDIA_GPU);
    assertThat(gpu.getHealth().getState()).isEqualTo(HealthState.HEALTH_STATE_UP);
    assertThat(gpu.getPrice().getPerUnitHour()).isEqualTo(6.15);
    assertThat(gpu.getPrice().getCurrency()).isEqualTo("USD");
    assertThat(gpu.getTaskQueue()).isEqualTo("backend-gpu-node");
    assertThat(gpu.getSpeed()).isEqualTo(4.0);
    assertThat(gpu.getModelsList()).containsExactly("llama");
    assertThat(gpu.getSimulated()).isFalse();
    assertThat(gpu.getTotalUnits()).isEqualTo(8);
    assertThat(gpu.getFreeUnits()).isEqualTo(8);
    Device gpu0 = gpu.getDevices(0);
    assertThat(gpu0.getId()).isEqualTo("GPU-5e0d4a4b-0b52-2d86-5bd1-4c6e4d1f6a01");
    assertThat(gpu0.getName()).isEqualTo("NVIDIA H100 80GB HBM3");
    assertThat(gpu0.getMemoryBytes()).isEqualTo(81559L << 20);
    assertThat(gpu0.getTelemetry().getUtilizationPercent()).isEqualTo(97.0);
    assertThat(gpu0.getTelemetry().getMemoryUsedBytes()).isEqualTo(74213L << 20);
    assertThat(gpu0.getTelemetry().getPowerWatts()).isEqualTo(688.41);
    assertThat(gpu0.getTelemetry().getTemperatureCelsius()).isEqualTo(61.0);

    Backend trn = pools.get("trn1");
    assertThat(trn.getKind()).isEqualTo(AcceleratorKind.ACCELERATOR_KIND_NEURON_CORE);
    assertThat(trn.getHealth().getState()).isEqualTo(HealthState.HEALTH_STATE_UP);
    assertThat(trn.getDevicesCount()).isEqualTo(32);
    assertThat(trn.getDevices(0).getId()).isEqualTo("nc0");
    assertThat(trn.getDevices(0).getTelemetry().getUtilizationPercent()).isEqualTo(87.5);
    assertThat(trn.getDevices(0).getTelemetry().hasPowerWatts()).as("neuron-monitor reports no power").isFalse();
    assertThat(trn.getPrice().getPerUnitHour()).isEqualTo(0.67);

    Backend broken = pools.get("gpu-no-driver");
    assertThat(broken.getHealth().getState()).isEqualTo(HealthState.HEALTH_STATE_DOWN);
    assertThat(broken.getHealth().getDetail()).contains("exited with 9")
        .contains("couldn't communicate with the NVIDIA driver");
    assertThat(broken.getDevicesCount()).isZero();
    assertThat(broken.getPrice().getPerUnitHour()).isEqualTo(4.10);

    Backend sim = pools.get("sim-h100");
    assertThat(sim.getSimulated()).isTrue();
    assertThat(sim.getDevicesList()).hasSize(4).allSatisfy(d -> assertThat(d.getName()).startsWith("simulated "));
  }

  @Test
  void shouldProbeAttachedModelEndpointsForHealthAndLoad() {
    Backend gpu = backends().getBackend(GetBackendRequest.newBuilder().setBackendId("gpu-node").build());
    Map<String, ModelEndpoint> endpoints = gpu.getEndpointsList().stream()
        .collect(Collectors.toMap(ModelEndpoint::getModel, e -> e));

    ModelEndpoint llama = endpoints.get("llama");
    assertThat(llama.getAttached()).isTrue();
    assertThat(llama.getHealth().getState()).isEqualTo(HealthState.HEALTH_STATE_UP);
    assertThat(llama.getLoad().getRequestsRunning()).isEqualTo(3.0);
    assertThat(llama.getLoad().getRequestsWaiting()).isEqualTo(5.0);
    assertThat(llama.getLoad().getKvCacheUsage()).isEqualTo(0.42);
    ModelEndpoint gone = endpoints.get("gone");
    assertThat(gone.getHealth().getState()).isEqualTo(HealthState.HEALTH_STATE_DOWN);
    assertThat(gone.hasLoad()).isFalse();
  }

  @Test
  void shouldAnswerNotFoundNamingTheConfiguredPools() {
    assertThatThrownBy(() -> backends().getBackend(GetBackendRequest.newBuilder().setBackendId("nope").build()))
        .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
          assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
          assertThat(e.getStatus().getDescription()).contains("'nope'").contains("gpu-node").contains("sim-h100");
        });
  }

  @Test
  void shouldPollOneActivityTaskQueuePerPool() {
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
        .setTarget("127.0.0.1:" + runtime.temporalPort).build());
    try {
      for (String pool : PoolsRuntime.POOLS) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(stubs.blockingStub()
            .describeTaskQueue(DescribeTaskQueueRequest.newBuilder().setNamespace("default")
                .setTaskQueue(TaskQueue.newBuilder().setName("backend-" + pool))
                .setTaskQueueType(TaskQueueType.TASK_QUEUE_TYPE_ACTIVITY).build())
            .getPollersList()).as("pollers of backend-" + pool).isNotEmpty());
      }
    } finally {
      stubs.shutdownNow();
    }
  }

  @Test
  void shouldPrintPoolsAsATableAndAsJson() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit = cli(out, err, "backends");
    assertThat(exit).as(err.toString()).isZero();
    assertThat(out.toString()).contains("POOL").contains("PRICE/UNIT-H")
        .containsPattern("gpu-node\\s+NVIDIA_GPU\\s+UP\\s+8\\s+8\\s+6.15 USD")
        .containsPattern("trn1\\s+NEURON_CORE\\s+UP\\s+32\\s+32\\s+0.67 USD")
        .containsPattern("gpu-no-driver\\s+NVIDIA_GPU\\s+DOWN\\s+0\\s+0\\s+4.10 USD .*NVIDIA driver")
        .containsPattern("sim-h100\\s+NVIDIA_GPU\\s+UP .*\\[SIMULATED]")
        .contains("NVIDIA H100 80GB HBM3").contains("util 97%")
        .containsPattern("endpoint llama .* UP\\s+running 3 waiting 5 kv-cache 42%");

    StringWriter json = new StringWriter();
    assertThat(cli(json, new StringWriter(), "backends", "--json")).isZero();
    assertThat(json.toString()).startsWith("{\"backends\":[").contains("\"id\":\"gpu-no-driver\"")
        .contains("\"state\":\"HEALTH_STATE_DOWN\"");
  }

  @Test
  void shouldRefuseToStartWithABadBackendsFileNamingFilePoolAndKey() throws Exception {
    Path bad = Files.writeString(Files.createDirectories(dir).resolve("bad-backends.yaml"), """
        pools:
          - id: gpu
            type: nvidia
            properties: {price-per-unit-hour: cheap}
        """);
    RuntimeProcess refused = new RuntimeProcess(dir.resolve("refused"), "IN_MEMORY")
        .withArgs(List.of("--backends", bad.toString()));
    try {
      assertThatThrownBy(refused::start).isInstanceOf(IOException.class)
          .hasMessageContaining("runtime exited with")
          .hasMessageContaining("backends file " + bad + ": pools[gpu].properties.price-per-unit-hour (line 4)")
          .hasMessageContaining("must be a number >= 0, was 'cheap'");
    } finally {
      refused.close();
    }
  }

  private int cli(StringWriter out, StringWriter err, String... args) {
    String[] full = new String[args.length + 4];
    System.arraycopy(args, 0, full, 0, args.length);
    full[args.length] = "--api";
    full[args.length + 1] = "127.0.0.1:" + runtime.apiPort;
    full[args.length + 2] = "--data-dir"; // whose admin token the CLI sends, as on the runtime's machine
    full[args.length + 3] = runtime.dataDir.toString();
    return new CommandLine(new NightshiftCli()).setOut(new PrintWriter(out)).setErr(new PrintWriter(err))
        .execute(full);
  }
}
