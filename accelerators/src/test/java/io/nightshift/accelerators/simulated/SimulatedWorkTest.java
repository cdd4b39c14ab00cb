package io.nightshift.accelerators.simulated;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.Lease;
import io.nightshift.core.accelerator.LeaseRequest;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SimulatedWorkTest {
  private final SimulatedBackend cores = new SimulatedBackend(SimulatedConfig.custom().id("trn")
      .kind(AcceleratorKind.NEURON_CORE).devices(8).throughputPerUnit(1).latency(Duration.ofSeconds(2))
      .scalingEfficiency(0.9).timeScale(100).build());

  @Test
  void shouldTellWorkOnALeaseHowLongItTakesOnItsUnitsInScaledTime() {
    Lease lease = cores.allocate(LeaseRequest.of("t/s/1", 4));

    // 4 cores at 1/s lose 10 % per doubling: 3.24 work/s; 324 units take 100 s + 2 s latency, / 100 = 1.02 s
    assertThat(lease.environment()).containsKeys(SimulatedWork.DEVICES, SimulatedWork.WORK_PER_SECOND);
    assertThat(SimulatedWork.realDuration(lease.environment(), 324)).isEqualTo(Duration.ofMillis(1_020));
    assertThat(SimulatedWork.realDuration(lease.environment(), 324))
        .isEqualTo(cores.duration(324, 4).dividedBy(100));
  }

  @Test
  void shouldRefuseAnEnvironmentThatIsNotASimulatedLeaseAndNegativeWork() {
    assertThatThrownBy(() -> SimulatedWork.realDuration(Map.of("CUDA_VISIBLE_DEVICES", "0"), 1))
        .hasMessageContaining("not a simulated lease: " + SimulatedWork.WORK_PER_SECOND);
    Lease lease = cores.allocate(LeaseRequest.of("t/s/2", 1));
    assertThatThrownBy(() -> SimulatedWork.realDuration(lease.environment(), -1)).hasMessageContaining("work must be");
  }
}
