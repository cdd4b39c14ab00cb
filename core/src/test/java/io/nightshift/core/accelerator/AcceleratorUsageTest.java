package io.nightshift.core.accelerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.accelerator.placement.PoolView;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AcceleratorUsageTest {
  private final Device gpu0 = new Device("GPU-a", 0, AcceleratorKind.NVIDIA_GPU, "NVIDIA H100", 80L << 30, "node", false);
  private final Device gpu1 = new Device("GPU-b", 1, AcceleratorKind.NVIDIA_GPU, "NVIDIA H100", 80L << 30, "node", false);
  private final Instant t0 = Instant.parse("2026-11-26T10:00:00Z");

  @Test
  void shouldPriceAndMeterALeaseByUnitsAndTimeHeld() {
    Lease lease = new Lease("l1", "nvidia-a", AcceleratorKind.NVIDIA_GPU, "task/step", List.of(gpu0, gpu1),
        Map.of("CUDA_VISIBLE_DEVICES", "0,1"), t0);

    AcceleratorUsage u = AcceleratorUsage.of(lease, new PriceRate(6.0, "USD", 700), t0, t0.plusSeconds(1800));

    assertThat(u.cost()).isEqualTo(6.0);
    assertThat(u.unitSeconds()).isEqualTo(3600);
    assertThat(u.energyJoules()).isEqualTo(700.0 * 2 * 1800);
    assertThat(u.simulated()).isFalse();
    assertThatThrownBy(() -> AcceleratorUsage.of(lease, PriceRate.free(), t0, t0.minusSeconds(1)))
        .hasMessageContaining("is before start");
  }

  @Test
  void shouldSummariseASnapshotAsAPoolViewForPlacement() {
    BackendSnapshot s = new BackendSnapshot("nvidia-a", AcceleratorKind.NVIDIA_GPU, List.of(gpu0, gpu1),
        Set.of("GPU-a"), List.of(), HealthStatus.up("ok"), new PriceRate(6, "USD", 700), t0);

    PoolView v = PoolView.of(s, 4.0, Set.of(), false);

    assertThat(v.freeUnits()).isEqualTo(1);
    assertThat(v.totalUnits()).isEqualTo(2);
    assertThat(v.memoryBytesPerUnit()).isEqualTo(80L << 30);
    assertThat(v.pricePerUnitHour()).isEqualTo(6);
    assertThat(v.healthy()).isTrue();
    assertThat(PoolView.of(new BackendSnapshot("x", AcceleratorKind.CPU, List.of(), Set.of(), List.of(),
        HealthStatus.down("nvidia-smi missing"), PriceRate.free(), t0), 1, Set.of(), false).healthy()).isFalse();
  }
}
