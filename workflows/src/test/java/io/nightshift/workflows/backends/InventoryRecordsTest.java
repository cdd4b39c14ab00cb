package io.nightshift.workflows.backends;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.placement.Placement;
import io.nightshift.core.accelerator.placement.PlacementDecision;
import io.nightshift.core.accelerator.placement.PlacementPolicy;
import io.nightshift.core.accelerator.placement.PoolView;
import io.nightshift.core.accelerator.placement.StepRequirements;
import io.nightshift.workflows.engine.ActivityPolicies;
import io.nightshift.workflows.engine.RecordedPayloads;
import io.temporal.common.converter.DataConverter;
import io.temporal.common.converter.DefaultDataConverter;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class InventoryRecordsTest {
  private static final Instant AT = Instant.parse("2026-11-26T15:00:00Z");

  static PoolSnapshot pool(String id, AcceleratorKind kind, int free, int total, double price, HealthStatus.State h,
      String detail) {
    return new PoolSnapshot(new PoolView(id, kind, free, total, 80L << 30, price, 700, 1.0, Set.of("llama"),
        h != HealthStatus.State.DOWN, false), h, detail, false, AT, List.of(), List.of(), 5_000);
  }

  @Test
  void shouldSurviveTemporalsDefaultDataConverter() {
    InventoryResult result = new InventoryResult(List.of(
        pool("gpu-a", AcceleratorKind.NVIDIA_GPU, 6, 8, 6.15, HealthStatus.State.UP, "8 device(s) found"),
        pool("trn", AcceleratorKind.NEURON_CORE, 0, 0, 0.67, HealthStatus.State.DOWN, "'neuron-ls' exited with 1")));
    DataConverter converter = DefaultDataConverter.newDefaultInstance();

    InventoryResult back = converter.fromPayloads(0, converter.toPayloads(result), InventoryResult.class,
        InventoryResult.class);

    assertThat(back).isEqualTo(result);
    InventoryRequest request = new InventoryRequest(List.of("gpu-a"));
    assertThat(converter.fromPayloads(0, converter.toPayloads(request), InventoryRequest.class,
        InventoryRequest.class)).isEqualTo(request);
  }

  @Test
  void shouldReadASnapshotRecordedBeforePoolsReportedTheirPickupTimeoutAsTheDefault() throws Exception {
    ObjectNode written = (ObjectNode) RecordedPayloads.written(pool("gpu-a", AcceleratorKind.NVIDIA_GPU, 6, 8, 6.15,
        HealthStatus.State.UP, ""));
    assertThat(written.get("pickupTimeoutMillis").asLong()).isEqualTo(5_000);
    written.remove("pickupTimeoutMillis");

    PoolSnapshot before = RecordedPayloads.read(written.toString(), PoolSnapshot.class);

    assertThat(before.pickupTimeoutMillis()).isZero();
    assertThat(ActivityPolicies.pickupTimeout(before.pickupTimeoutMillis()))
        .isEqualTo(ActivityPolicies.POOL_PICKUP_TIMEOUT).isEqualTo(Duration.ofSeconds(30));
    assertThat(ActivityPolicies.pickupTimeout(5_000)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void shouldFeedPlacementSoThatADownPoolIsRejectedWithItsReason() {
    InventoryResult result = new InventoryResult(List.of(
        pool("gpu-a", AcceleratorKind.NVIDIA_GPU, 8, 8, 6.15, HealthStatus.State.DOWN, "no driver"),
        pool("gpu-b", AcceleratorKind.NVIDIA_GPU, 8, 8, 9.00, HealthStatus.State.UP, "")));

    PlacementDecision d = Placement.place(result.views(), StepRequirements.of(AcceleratorKind.NVIDIA_GPU, 2),
        PlacementPolicy.cheapest(), Optional.empty());

    assertThat(d.pool()).contains("gpu-b");
    assertThat(d.rejected()).containsExactly("gpu-a: unhealthy");
    assertThat(result.pool("gpu-a").orElseThrow().detail()).isEqualTo("no driver");
    assertThat(result.pool("nope")).isEmpty();
  }
}
