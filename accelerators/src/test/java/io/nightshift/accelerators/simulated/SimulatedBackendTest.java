package io.nightshift.accelerators.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.BackendSnapshot;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.Lease;
import io.nightshift.core.accelerator.LeaseRequest;
import io.nightshift.core.accelerator.ModelServerHandle;
import io.nightshift.core.accelerator.ModelServerSpec;
import java.time.Duration;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class SimulatedBackendTest {
  private final SimulatedBackend gpus = new SimulatedBackend(SimulatedConfig.custom().id("sim-h100")
      .kind(AcceleratorKind.NVIDIA_GPU).devices(8).throughputPerUnit(10).latency(Duration.ofMillis(200))
      .scalingEfficiency(0.9).pricePerUnitHour(6).wattsPerUnit(700).build());

  @Test
  void shouldLabelEveryDeviceAsSimulated() {
    BackendSnapshot s = gpus.snapshot();

    assertThat(s.simulated()).isTrue();
    assertThat(s.devices()).allSatisfy(d -> {
      assertThat(d.simulated()).isTrue();
      assertThat(d.name()).startsWith("simulated ");
    });
    assertThat(s.health().detail()).startsWith("simulator:");
  }

  @Test
  void shouldModelDurationCostAndEnergyFromThroughputLatencyAndScaling() {
    // 100 work units on 1 device at 10/s: 10 s + 0.2 s latency.
    assertThat(gpus.duration(100, 1)).isEqualTo(Duration.ofMillis(10_200));
    // On 4 devices: two doublings at 0.9 each, 4 * 0.81 = 3.24 effective devices.
    assertThat(gpus.effectiveUnits(4)).isCloseTo(3.24, Offset.offset(1e-9));
    assertThat(gpus.duration(100, 4).toMillis()).isEqualTo(200 + Math.round(100 / 32.4 * 1000));
    assertThat(gpus.cost(100, 1)).isCloseTo(6 * 10.2 / 3600, Offset.offset(1e-9));
    assertThat(gpus.energyJoules(100, 1)).isCloseTo(700 * 10.2, Offset.offset(1e-6));
  }

  @Test
  void shouldKeepLeasesExclusiveAndEndpointsHealthUntilFailureIsInjected() {
    Lease lease = gpus.allocate(LeaseRequest.of("t", 8));
    assertThatThrownBy(() -> gpus.allocate(LeaseRequest.of("u", 1))).hasMessageContaining("NO_CAPACITY");

    ModelServerHandle h = gpus.start(lease, ModelServerSpec.of("llama", 9000));
    assertThat(h.baseUrl().getScheme()).isEqualTo("sim");
    assertThat(gpus.health(h).state()).isEqualTo(HealthStatus.State.UP);
    gpus.failEndpoints(true);
    assertThat(gpus.health(h).detail()).isEqualTo("simulated failure injected on sim-h100");
    gpus.failEndpoints(false);
    gpus.release(lease);
    assertThat(gpus.health(h).state()).isEqualTo(HealthStatus.State.DOWN);
    assertThat(gpus.snapshot().freeUnits()).isEqualTo(8);
  }
}
