package io.nightshift.runtime.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.accelerator.AcceleratorBackends;
import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.LeaseRequest;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackendFleetTest {
  private static final String SRC = "/etc/nightshift/backends.yaml";
  private final AcceleratorBackends factories = AcceleratorBackends.load();

  static PoolConfig pool(String type, String id, Map<String, String> props) {
    return new PoolConfig(type, id, props, 1.0, List.of(), List.of(), List.of());
  }

  @Test
  void shouldBuildOneCpuPoolOfThisMachineWithoutABackendsFileOrDeviceTools(@TempDir Path emptyBin) {
    try (BackendFleet fleet = BackendFleet.open(null, emptyBin.toString())) {
      assertThat(fleet.ids()).containsExactly("cpu");
      BackendFleet.Pool cpu = fleet.pools().get(0);
      assertThat(cpu.backend().kind()).isEqualTo(AcceleratorKind.CPU);
      assertThat(cpu.taskQueue()).isEqualTo("backend-cpu");
      assertThat(cpu.backend().snapshot().totalUnits()).isEqualTo(Runtime.getRuntime().availableProcessors());
    }
  }

  @Test
  void shouldAddTheGpusOfAnNvidiaSmiOnThePathWithoutABackendsFile(@TempDir Path bin) throws Exception {
    Path smi = bin.resolve("nvidia-smi"); // a stand-in: one made-up L4 in the CSV format the real tool prints
    Files.writeString(smi, "#!/bin/sh\necho '0, GPU-00000000-1111-2222-3333-444444444444, NVIDIA L4, 23034, 0, 0, 16.3,"
        + " 72.00, 34'\n");
    smi.toFile().setExecutable(true);

    try (BackendFleet fleet = BackendFleet.open(null, bin.toString())) {
      assertThat(fleet.ids()).containsExactly("nvidia", "cpu");
      assertThat(fleet.source()).startsWith("(discovered on this machine");
      BackendFleet.Pool gpu = fleet.pool("nvidia").orElseThrow();
      assertThat(gpu.config().properties()).containsEntry("nvidia-smi", smi.toString());
      assertThat(gpu.backend().kind()).isEqualTo(AcceleratorKind.NVIDIA_GPU);
      assertThat(gpu.taskQueue()).isEqualTo("backend-nvidia");
      assertThat(gpu.backend().snapshot().totalUnits()).isEqualTo(1);
    }
  }

  @Test
  void shouldNameFilePoolAndTypeKeyAndListFactoriesForAnUnknownType() {
    assertThatThrownBy(() -> BackendFleet.create(List.of(pool("simulated", "sim", Map.of()),
        pool("nvidai", "gpu", Map.of())), factories, SRC))
        .isInstanceOf(BackendsConfigException.class)
        .hasMessageContaining("backends file " + SRC + ", pool 'gpu', key 'type'")
        .hasMessageContaining("'nvidai'")
        .hasMessageContaining("nvidia (io.nightshift.accelerators.nvidia.NvidiaBackendFactory)");
  }

  @Test
  void shouldNameFilePoolAndKeyOfAValueTheFactoryRefuses() {
    assertThatThrownBy(() -> BackendFleet.create(List.of(pool("nvidia", "gpu",
        Map.of("startup-timeout", "soon"))), factories, SRC))
        .isInstanceOf(BackendsConfigException.class)
        .hasMessageContaining("backends file " + SRC + ", pool 'gpu' (type nvidia)")
        .hasMessageContaining("key 'startup-timeout' must be a duration such as PT40M or 2400, was 'soon'");
  }

  @Test
  void shouldAttachConfiguredEndpointsAndTrackLeasesUntilReleasedOrClosed() {
    PoolConfig sim = new PoolConfig("simulated", "sim", Map.of("devices", "4"), 2.0, List.of("m"),
        List.of(new EndpointConfig("m", URI.create("http://127.0.0.1:9"))), List.of());
    BackendFleet fleet = BackendFleet.create(List.of(sim), factories, SRC);
    TrackedBackend backend = fleet.pool("sim").orElseThrow().backend();
    assertThat(backend.endpoints()).singleElement().satisfies(h -> {
      assertThat(h.attached()).isTrue();
      assertThat(h.model()).isEqualTo("m");
    });

    var lease = backend.allocate(LeaseRequest.of("task-1/step-a", 2));
    var second = backend.allocate(LeaseRequest.of("task-2/step-b", 1));
    assertThat(backend.leases()).extracting(l -> l.owner()).containsExactly("task-1/step-a", "task-2/step-b");
    backend.release(lease);
    assertThat(backend.leases()).containsExactly(second);
    assertThat(backend.snapshot().freeUnits()).isEqualTo(3);

    fleet.close();
    assertThat(backend.leases()).isEmpty();
    assertThat(backend.delegate().snapshot().freeUnits()).isEqualTo(4);
  }
}
