package io.nightshift.accelerators.nvidia;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import io.nightshift.accelerators.FakeTools;
import io.nightshift.accelerators.Recorded;
import io.nightshift.accelerators.internal.PrometheusText;
import io.nightshift.core.accelerator.AcceleratorException;
import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.BackendSnapshot;
import io.nightshift.core.accelerator.Device;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.Lease;
import io.nightshift.core.accelerator.LeaseRequest;
import io.nightshift.core.accelerator.Telemetry;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NvidiaDiscoveryTest {
  @TempDir Path temp;

  private NvidiaBackend backend(String smi) {
    return new NvidiaBackend(NvidiaConfig.custom().id("nvidia-h100").nvidiaSmi(smi).pricePerGpuHour(6.15).build());
  }

  @Test
  void shouldDiscoverEveryGpuWithMemoryAndTelemetryFromNvidiaSmi() {
    NvidiaBackend gpus = backend(new FakeTools(temp).path("nvidia-smi"));

    BackendSnapshot s = gpus.snapshot();

    assertThat(s.health().state()).isEqualTo(HealthStatus.State.UP);
    assertThat(s.devices()).hasSize(8);
    assertThat(s.devices().get(0).name()).isEqualTo("NVIDIA H100 80GB HBM3");
    assertThat(s.devices().get(0).memoryBytes()).isEqualTo(81559L << 20);
    assertThat(s.devices().get(0).simulated()).isFalse();
    Telemetry busy = s.telemetry().get(0);
    assertThat(busy.deviceId()).isEqualTo("GPU-5e0d4a4b-0b52-2d86-5bd1-4c6e4d1f6a01");
    assertThat(busy.utilizationPercent()).hasValue(97);
    assertThat(busy.powerWatts()).hasValue(688.41);
    assertThat(busy.memoryUsedBytes()).hasValue(74213L << 20);
    assertThat(s.price().perUnitHour()).isEqualTo(6.15);
  }

  @Test
  void shouldLeaseTensorParallelGroupsPinnedWithCudaVisibleDevices() {
    NvidiaBackend gpus = backend(new FakeTools(temp).path("nvidia-smi"));

    Lease pair = gpus.allocate(LeaseRequest.of("task-1/a", 2));
    Lease four = gpus.allocate(LeaseRequest.of("task-1/b", 4));

    assertThat(pair.environment()).containsEntry("CUDA_VISIBLE_DEVICES", "0,1")
        .containsEntry("CUDA_DEVICE_ORDER", "PCI_BUS_ID");
    assertThat(four.environment()).containsEntry("CUDA_VISIBLE_DEVICES", "4,5,6,7");
    assertThat(gpus.snapshot().freeUnits()).isEqualTo(2);
    assertThatThrownBy(() -> gpus.allocate(LeaseRequest.of("task-1/c", 4)))
        .isInstanceOf(AcceleratorException.class)
        .hasMessageContaining("NO_CAPACITY").hasMessageContaining("2 free GPU(s)");
    assertThatThrownBy(() -> gpus.allocate(LeaseRequest.of("task-1/d", 3)))
        .hasMessageContaining("INVALID_REQUEST").hasMessageContaining("groups of [1, 2, 4, 8], not 3");

    gpus.release(pair);
    assertThat(gpus.allocate(LeaseRequest.of("task-1/e", 2)).environment())
        .containsEntry("CUDA_VISIBLE_DEVICES", "0,1");
  }

  @Test
  void shouldPlaceGroupsOnAlignedGpusSoSmallLeasesDoNotFragmentTheNode() {
    NvidiaBackend gpus = backend(new FakeTools(temp).path("nvidia-smi"));

    Lease single = gpus.allocate(LeaseRequest.of("a", 1));
    Lease pair = gpus.allocate(LeaseRequest.of("b", 2));
    Lease four = gpus.allocate(LeaseRequest.of("c", 4));

    assertThat(single.environment()).containsEntry("CUDA_VISIBLE_DEVICES", "0");
    assertThat(pair.environment()).containsEntry("CUDA_VISIBLE_DEVICES", "2,3");
    assertThat(four.environment()).containsEntry("CUDA_VISIBLE_DEVICES", "4,5,6,7");
    // Only GPU 1 is left; a second pair cannot be aligned or found.
    assertThatThrownBy(() -> gpus.allocate(LeaseRequest.of("d", 2))).hasMessageContaining("NO_CAPACITY");
    assertThat(gpus.allocate(LeaseRequest.of("e", 1)).environment()).containsEntry("CUDA_VISIBLE_DEVICES", "1");
  }

  @Test
  void shouldRefuseGpusWithTooLittleMemory() {
    NvidiaBackend gpus = backend(new FakeTools(temp).path("nvidia-smi"));

    assertThatThrownBy(() -> gpus.allocate(new LeaseRequest("t", 1, 100L << 30, "llama-405b")))
        .hasMessageContaining("0 free GPU(s) with 102400 MiB or more");
  }

  @Test
  void shouldMarkThePoolDownWithTheReasonWhenNvidiaSmiIsMissing() {
    NvidiaBackend gpus = backend(temp.resolve("no-such-nvidia-smi").toString());

    BackendSnapshot s = gpus.snapshot();

    assertThat(s.health().state()).isEqualTo(HealthStatus.State.DOWN);
    assertThat(s.health().detail()).contains("cannot run").contains("no-such-nvidia-smi");
    assertThat(s.devices()).isEmpty();
    assertThatThrownBy(() -> gpus.allocate(LeaseRequest.of("t", 1)))
        .isInstanceOf(AcceleratorException.class)
        .satisfies(e -> assertThat(((AcceleratorException) e).reason())
            .isEqualTo(AcceleratorException.Reason.DISCOVERY_FAILED));
  }

  @Test
  void shouldReportTheDriverMessageWhenNvidiaSmiFails() {
    BackendSnapshot s = backend(new FakeTools(temp).path("nvidia-smi-no-driver")).snapshot();

    assertThat(s.health().state()).isEqualTo(HealthStatus.State.DOWN);
    assertThat(s.health().detail()).contains("exited with 9")
        .contains("couldn't communicate with the NVIDIA driver");
  }

  @Test
  void shouldMarkThePoolDownWhenOutputIsNotTheExpectedCsv() {
    BackendSnapshot s = backend(new FakeTools(temp).path("nvidia-smi-garbled")).snapshot();

    assertThat(s.health().state()).isEqualTo(HealthStatus.State.DOWN);
    assertThat(s.health().detail()).contains("unexpected nvidia-smi output").contains("line 1 has");
  }

  @Test
  void shouldReadTelemetryFromADcgmExporterWhenConfigured() throws Exception {
    String metrics = """
        # HELP DCGM_FI_DEV_GPU_UTIL GPU utilization (in %).
        # TYPE DCGM_FI_DEV_GPU_UTIL gauge
        DCGM_FI_DEV_GPU_UTIL{gpu="0",UUID="GPU-5e0d4a4b-0b52-2d86-5bd1-4c6e4d1f6a01",device="nvidia0",modelName="NVIDIA H100 80GB HBM3",Hostname="p5"} 42
        DCGM_FI_DEV_FB_USED{gpu="0",UUID="GPU-5e0d4a4b-0b52-2d86-5bd1-4c6e4d1f6a01",device="nvidia0",modelName="NVIDIA H100 80GB HBM3",Hostname="p5"} 1024
        DCGM_FI_DEV_POWER_USAGE{gpu="0",UUID="GPU-5e0d4a4b-0b52-2d86-5bd1-4c6e4d1f6a01",device="nvidia0",modelName="NVIDIA H100 80GB HBM3",Hostname="p5"} 312.5
        """;
    HttpServer dcgm = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    dcgm.createContext("/metrics", ex -> {
      byte[] body = metrics.getBytes(StandardCharsets.UTF_8);
      ex.sendResponseHeaders(200, body.length);
      ex.getResponseBody().write(body);
      ex.close();
    });
    dcgm.start();
    try {
      NvidiaBackend gpus = new NvidiaBackend(NvidiaConfig.custom().nvidiaSmi(new FakeTools(temp).path("nvidia-smi"))
          .dcgmExporter(URI.create("http://127.0.0.1:" + dcgm.getAddress().getPort() + "/metrics")).build());

      BackendSnapshot s = gpus.snapshot();

      assertThat(s.telemetry()).hasSize(1);
      assertThat(s.telemetry().get(0).utilizationPercent()).hasValue(42);
      assertThat(s.telemetry().get(0).memoryUsedBytes()).hasValue(1024L << 20);
      assertThat(s.telemetry().get(0).powerWatts()).hasValue(312.5);
    } finally {
      dcgm.stop(0);
    }
  }

  @Test
  void shouldMatchARecordedDcgmExporterPageToItsGpuByUuid() {
    // DCGM exporter on one Tesla T4 (recorded/README.md says where it came from)
    PrometheusText t4 = PrometheusText.parse(Recorded.text("dcgm-exporter-tesla-t4.metrics.txt"));
    Device gpu = new Device("GPU-20c56d28-0da5-6d26-a36a-e7af1ce2586e", 3, AcceleratorKind.NVIDIA_GPU, "Tesla T4",
        15360L << 20, "node", false);

    List<Telemetry> telemetry = DcgmTelemetry.from(t4, List.of(gpu), Instant.EPOCH);

    assertThat(telemetry).singleElement().satisfies(t -> {
      assertThat(t.deviceId()).isEqualTo(gpu.id());
      assertThat(t.utilizationPercent()).hasValue(0);
      assertThat(t.memoryUsedBytes()).hasValue(0);
      assertThat(t.powerWatts()).hasValue(8.969);
      assertThat(t.temperatureCelsius()).hasValue(25);
    });
  }

  @Test
  void shouldStayUsableButDegradedWhenTheDcgmExporterIsUnreachable() {
    NvidiaBackend gpus = new NvidiaBackend(NvidiaConfig.custom().nvidiaSmi(new FakeTools(temp).path("nvidia-smi"))
        .dcgmExporter(URI.create("http://127.0.0.1:" + FakeTools.freePort() + "/metrics")).build());

    BackendSnapshot s = gpus.snapshot();

    assertThat(s.health().state()).isEqualTo(HealthStatus.State.DEGRADED);
    assertThat(s.health().detail()).startsWith("telemetry unavailable: DISCOVERY_FAILED: DCGM exporter");
    assertThat(s.freeUnits()).isEqualTo(8);
  }
}
