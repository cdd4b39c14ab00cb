package io.nightshift.accelerators.cpu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.accelerators.FakeTools;
import io.nightshift.accelerators.ServerRecord;
import io.nightshift.core.accelerator.AcceleratorException;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.Lease;
import io.nightshift.core.accelerator.LeaseRequest;
import io.nightshift.core.accelerator.ModelServerHandle;
import io.nightshift.core.accelerator.ModelServerSpec;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CpuBackendTest {
  @TempDir Path temp;

  private CpuBackend backend(List<String> launch) {
    return new CpuBackend(CpuConfig.custom().id("cpu").cores(4).memoryBytesPerCore(2L << 30).pricePerCoreHour(0.04)
        .launchCommand(launch).logDirectory(temp.resolve("logs")).startupTimeout(Duration.ofSeconds(20)).build());
  }

  @Test
  void shouldLeaseCoresExclusively() {
    CpuBackend cpu = backend(CpuConfig.LLAMA_CPP_PYTHON);

    Lease a = cpu.allocate(LeaseRequest.of("dock-1", 3));

    assertThat(a.environment()).containsEntry("OMP_NUM_THREADS", "3").containsEntry("NIGHTSHIFT_CPU_CORES", "0,1,2");
    assertThatThrownBy(() -> cpu.allocate(LeaseRequest.of("dock-2", 2))).hasMessageContaining("NO_CAPACITY");
    assertThatThrownBy(() -> cpu.allocate(LeaseRequest.of("huge", 5))).hasMessageContaining("INVALID_REQUEST");
    cpu.release(a);
    assertThat(cpu.snapshot().freeUnits()).isEqualTo(4);
  }

  @Test
  void shouldStartTheConfiguredServerOnTheLeaseAndStopItOnRelease() {
    String server = new FakeTools(temp).path("fake_model_server.py");
    CpuBackend cpu = backend(List.of(server, "--model", "{model}", "--host", "{host}", "--port", "{port}",
        "--n_threads", "{threads}"));
    Lease lease = cpu.allocate(LeaseRequest.of("agent-1", 2));
    int port = FakeTools.freePort();
    Path record = temp.resolve("llama.json");

    ModelServerHandle h = cpu.start(lease, new ModelServerSpec("/models/SmolLM2-135M-Instruct.Q4_1.gguf", "", port, 4,
        Duration.ZERO, List.of(), Map.of("FAKE_RECORD", record.toString(), "FAKE_READY_AFTER", "0.3")));

    ServerRecord r = ServerRecord.read(record);
    assertThat(r.argv()).containsExactly("--model", "/models/SmolLM2-135M-Instruct.Q4_1.gguf", "--host", "127.0.0.1",
        "--port", String.valueOf(port), "--n_threads", "2");
    assertThat(r.env()).containsEntry("OMP_NUM_THREADS", "2");
    assertThat(h.healthUrl().getPath()).isEqualTo("/v1/models");
    assertThat(cpu.health(h).state()).isEqualTo(HealthStatus.State.UP);

    cpu.release(lease);
    assertThat(cpu.health(h).state()).isEqualTo(HealthStatus.State.DOWN);
  }

  @Test
  void shouldNotCountAServerStartedUntilItAnswersAChatCompletion() {
    String server = new FakeTools(temp).path("fake_model_server.py");
    CpuBackend cpu = backend(List.of(server, "--model", "{model}", "--host", "{host}", "--port", "{port}"));
    Lease lease = cpu.allocate(LeaseRequest.of("agent-1", 1));
    int port = FakeTools.freePort();

    assertThatThrownBy(() -> cpu.start(lease, new ModelServerSpec("/models/m.gguf", "", port, 1, Duration.ZERO,
            List.of(), Map.of("FAKE_RECORD", temp.resolve("r.json").toString(), "FAKE_DIE_ON_CHAT", "1"))))
        .isInstanceOf(AcceleratorException.class)
        .hasMessageContaining("was healthy, but its first chat completion")
        .hasMessageContaining("died (exit code 139, killed by signal 11)")
        .hasMessageContaining("ggml_backend_amx_mul_mat: general protection fault");
  }

  @Test
  void shouldNameAnUnknownPlaceholderInTheLaunchCommand() {
    CpuBackend cpu = backend(List.of("llama-server", "--gpu-layers", "{layers}"));
    Lease lease = cpu.allocate(LeaseRequest.of("t", 1));

    assertThatThrownBy(() -> cpu.start(lease, ModelServerSpec.of("m.gguf", FakeTools.freePort())))
        .hasMessageContaining("CONFIGURATION").hasMessageContaining("unknown placeholder {layers}");
  }
}
