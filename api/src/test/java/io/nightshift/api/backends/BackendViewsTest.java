package io.nightshift.api.backends;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.api.v1.AcceleratorKind;
import io.nightshift.api.v1.Backend;
import io.nightshift.api.v1.HealthState;
import io.nightshift.core.accelerator.AcceleratorBackends;
import io.nightshift.core.accelerator.EndpointLoad;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.LeaseRequest;
import io.nightshift.core.accelerator.ModelServerHandle;
import io.nightshift.runtime.backends.BackendFleet;
import io.nightshift.runtime.backends.EndpointConfig;
import io.nightshift.runtime.backends.FleetInventory;
import io.nightshift.runtime.backends.PoolConfig;
import io.nightshift.runtime.backends.PoolObservation;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BackendViewsTest {
  @Test
  void shouldShowLeasesLeasedDevicesAndOnlyTheTelemetryThePoolReports() {
    PoolConfig sim = new PoolConfig("simulated", "sim", Map.of("devices", "4", "kind", "NEURON_CORE",
        "price-per-unit-hour", "0.67", "watts-per-unit", "45"), 1.0, List.of(), List.of(
        new EndpointConfig("m", URI.create("http://127.0.0.1:9"))), List.of());
    try (BackendFleet fleet = BackendFleet.create(List.of(sim), AcceleratorBackends.load(), "test");
        FleetInventory inventory = new FleetInventory(fleet, Duration.ofSeconds(5))) {
      fleet.pool("sim").orElseThrow().backend().allocate(LeaseRequest.of("task-7/dock", 2));

      Backend b = BackendViews.backend(inventory.observeAll().get(0));

      assertThat(b.getKind()).isEqualTo(AcceleratorKind.ACCELERATOR_KIND_NEURON_CORE);
      assertThat(b.getSimulated()).isTrue();
      assertThat(b.getTotalUnits()).isEqualTo(4);
      assertThat(b.getFreeUnits()).isEqualTo(2);
      assertThat(b.getPrice().getPerUnitHour()).isEqualTo(0.67);
      assertThat(b.getPrice().getWattsPerUnit()).isEqualTo(45);
      assertThat(b.getTaskQueue()).isEqualTo("backend-sim");
      assertThat(b.getLeasesList()).singleElement().satisfies(l -> {
        assertThat(l.getOwner()).isEqualTo("task-7/dock");
        assertThat(l.getDeviceIdsList()).containsExactly("sim-sim0", "sim-sim1");
        assertThat(l.getEnvironmentMap()).containsKey("NIGHTSHIFT_SIMULATED_DEVICES");
      });
      assertThat(b.getDevicesList()).extracting(d -> d.getLeased()).containsExactly(true, true, false, false);
      assertThat(b.getDevices(0).getTelemetry().getUtilizationPercent()).isEqualTo(100.0);
      assertThat(b.getDevices(0).getTelemetry().getPowerWatts()).isEqualTo(45.0);
      assertThat(b.getDevices(0).getTelemetry().hasMemoryUsedBytes()).as("not reported, so absent, not 0").isFalse();
      assertThat(b.getDevices(0).getTelemetry().hasTemperatureCelsius()).isFalse();
    }
  }

  @Test
  void shouldOmitLoadAnEndpointCouldNotReportAndKeepKvCacheAbsentWhenUnknown() {
    PoolConfig config = new PoolConfig("simulated", "sim", Map.of(), 1.0, List.of(), List.of(), List.of());
    try (BackendFleet fleet = BackendFleet.create(List.of(config), AcceleratorBackends.load(), "test")) {
      var snapshot = fleet.pools().get(0).backend().snapshot();
      ModelServerHandle h = new ModelServerHandle("e1", "sim", "", "m", URI.create("http://h:1"),
          URI.create("http://h:1/health"), "http://h:1/metrics", true);
      PoolObservation o = new PoolObservation(config, snapshot, List.of(), List.of(
          PoolObservation.Endpoint.unguarded(h, HealthStatus.down("connection refused"), EndpointLoad.unknown()),
          PoolObservation.Endpoint.unguarded(h, HealthStatus.up("200"), new EndpointLoad(2, 0, -1))));

      Backend b = BackendViews.backend(o);

      assertThat(b.getEndpoints(0).getHealth().getState()).isEqualTo(HealthState.HEALTH_STATE_DOWN);
      assertThat(b.getEndpoints(0).getHealth().getDetail()).isEqualTo("connection refused");
      assertThat(b.getEndpoints(0).hasLoad()).isFalse();
      assertThat(b.getEndpoints(1).getLoad().getRequestsRunning()).isEqualTo(2);
      assertThat(b.getEndpoints(1).getLoad().hasKvCacheUsage()).isFalse();
    }
  }
}
