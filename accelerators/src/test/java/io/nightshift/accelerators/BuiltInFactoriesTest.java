package io.nightshift.accelerators;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.accelerators.cpu.CpuBackend;
import io.nightshift.accelerators.nvidia.NvidiaBackend;
import io.nightshift.accelerators.simulated.SimulatedBackend;
import io.nightshift.accelerators.trainium.TrainiumBackend;
import io.nightshift.core.accelerator.AcceleratorBackend;
import io.nightshift.core.accelerator.AcceleratorBackends;
import io.nightshift.core.accelerator.AcceleratorException;
import io.nightshift.core.accelerator.BackendSettings;
import io.nightshift.core.accelerator.HealthStatus;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuiltInFactoriesTest {
  @TempDir Path temp;

  @Test
  void shouldFindEveryBuiltInTypeThroughServiceLoader() {
    assertThat(AcceleratorBackends.load(getClass().getClassLoader()).types())
        .containsExactlyInAnyOrder("nvidia", "trainium", "cpu", "simulated");
  }

  @Test
  void shouldBuildConfiguredPoolsWithoutTouchingHardwareUntilFirstUse() {
    FakeTools tools = new FakeTools(temp);
    List<AcceleratorBackend> pools = AcceleratorBackends.load(getClass().getClassLoader()).create(List.of(
        new BackendSettings("nvidia", "gpu-a", Map.of("nvidia-smi", tools.path("nvidia-smi"),
            "price-per-unit-hour", "6.15")),
        new BackendSettings("trainium", "trn-a", Map.of("neuron-ls", temp.resolve("missing").toString(),
            "compiled-artifacts", temp.resolve("cc").toString())),
        new BackendSettings("cpu", "cpu", Map.of("cores", "2")),
        new BackendSettings("simulated", "sim", Map.of("kind", "NEURON_CORE", "devices", "32"))));

    assertThat(pools).extracting(p -> p.getClass().getSimpleName()).containsExactly(
        NvidiaBackend.class.getSimpleName(), TrainiumBackend.class.getSimpleName(), CpuBackend.class.getSimpleName(),
        SimulatedBackend.class.getSimpleName());
    assertThat(pools.get(0).snapshot().totalUnits()).isEqualTo(8);
    assertThat(pools.get(0).price().perUnitHour()).isEqualTo(6.15);
    // A pool whose tool is missing is DOWN, and the others still work.
    assertThat(pools.get(1).snapshot().health().state()).isEqualTo(HealthStatus.State.DOWN);
    assertThat(pools.get(2).snapshot().totalUnits()).isEqualTo(2);
    assertThat(pools.get(3).snapshot().totalUnits()).isEqualTo(32);
  }

  @Test
  void shouldNameThePoolAndFieldOfAnInvalidSetting() {
    AcceleratorBackends backends = AcceleratorBackends.load(getClass().getClassLoader());

    assertThatThrownBy(() -> backends.create(List.of(new BackendSettings("cpu", "cpu-x", Map.of("cores", "0")))))
        .isInstanceOf(AcceleratorException.class)
        .hasMessageContaining("pool 'cpu-x' (type cpu): cores must be at least 1, was 0");
    assertThatThrownBy(() -> backends.create(List.of(new BackendSettings("nvidia", "g", Map.of(
        "startup-timeout", "soon")))))
        .hasMessageContaining("pool 'g' key 'startup-timeout' must be a duration");
  }
}
