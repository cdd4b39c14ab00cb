package io.nightshift.runtime.backends;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.workflows.backends.InventoryRequest;
import io.nightshift.workflows.backends.InventoryResult;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FleetInventoryTest {
  @Test
  void shouldReportBrokenHangingAndThrowingPoolsDownWhileTheOthersAnswer(@TempDir Path dir) {
    List<PoolConfig> configs = List.of(
        BackendFleetTest.pool("simulated", "sim", Map.of("devices", "4")),
        BackendFleetTest.pool("nvidia", "no-driver", Map.of("nvidia-smi", dir.resolve("missing/nvidia-smi").toString())),
        BackendFleetTest.pool("throwing", "buggy", Map.of()),
        BackendFleetTest.pool("hanging", "stuck", Map.of()));
    try (BackendFleet fleet = BackendFleet.create(configs, TestFactories.withMisbehavingPlugins(dir), "test");
        FleetInventory inventory = new FleetInventory(fleet, Duration.ofMillis(1500))) {
      long t0 = System.nanoTime();
      List<PoolObservation> seen = inventory.observeAll();
      long millis = (System.nanoTime() - t0) / 1_000_000;

      assertThat(seen).extracting(PoolObservation::id).containsExactly("sim", "no-driver", "buggy", "stuck");
      assertThat(seen.get(0).snapshot().health().state()).isEqualTo(HealthStatus.State.UP);
      assertThat(seen.get(0).snapshot().totalUnits()).isEqualTo(4);
      assertThat(seen.get(1).snapshot().health().state()).isEqualTo(HealthStatus.State.DOWN);
      assertThat(seen.get(1).snapshot().health().detail()).contains("cannot run").contains("nvidia-smi");
      assertThat(seen.get(2).snapshot().health().detail()).contains("plug-in bug: snapshot threw");
      assertThat(seen.get(3).snapshot().health().detail()).contains("no inventory within 1 s");
      assertThat(seen.subList(1, 4)).allSatisfy(o -> assertThat(o.snapshot().devices()).isEmpty());
      assertThat(millis).as("bounded by the timeout, not by the hung pool").isLessThan(10_000);
    }
  }

  @Test
  void shouldReportEachPoolsPickupTimeoutFromItsConfigurationInItsInventory(@TempDir Path dir) {
    PoolConfig quick = BackendFleetTest.pool("simulated", "quick", Map.of("devices", "2"));
    List<PoolConfig> configs = List.of(new PoolConfig(quick.type(), quick.id(), quick.properties(), quick.speed(),
        quick.models(), quick.endpoints(), quick.serve(), Duration.ofSeconds(5)),
        BackendFleetTest.pool("simulated", "default", Map.of("devices", "2")));
    try (BackendFleet fleet = BackendFleet.create(configs, TestFactories.withMisbehavingPlugins(dir), "test");
        FleetInventory inventory = new FleetInventory(fleet, Duration.ofSeconds(5))) {
      InventoryResult result = new InventoryActivitiesImpl(inventory).inventory(new InventoryRequest(List.of()));

      assertThat(result.pool("quick").orElseThrow().pickupTimeoutMillis()).isEqualTo(5_000);
      assertThat(result.pool("default").orElseThrow().pickupTimeoutMillis()).isEqualTo(30_000);
    }
  }
}
