package io.nightshift.runtime.backends;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.core.accelerator.AcceleratorBackends;
import io.nightshift.core.accelerator.EndpointLoad;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.ModelServerHandle;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.resilience.ResilienceSnapshot;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelEndpointGuardsTest {
  @Test
  void shouldMatchModelsFileEndpointsToTheServerTheyCallIgnoringTheApiPath() {
    ModelEndpointRegistry registry = ModelEndpointRegistry.of(List.of(
        config("via-v1", "http://127.0.0.1:8080/v1"), config("via-root", "http://127.0.0.1:8080/"),
        config("other-port", "http://127.0.0.1:8081/v1"), config("other-host", "http://10.0.0.5:8080/v1")));
    ModelServerHandle server = handle(URI.create("http://127.0.0.1:8080"));

    assertThat(ModelEndpointGuards.of(registry).forServer(server)).extracting(ResilienceSnapshot::endpointId)
        .containsExactly("via-root", "via-v1");
    assertThat(ModelEndpointGuards.none().forServer(server)).isEmpty();
    assertThat(ModelEndpointGuards.serverRoot(URI.create("HTTP://Host/v1/"))).isEqualTo("http://host:80");
  }

  @Test
  void shouldOpenThePoolsCircuitOnlyWhenEveryGuardedEndpointIsOpen() {
    PoolConfig config = new PoolConfig("simulated", "sim", Map.of(), 1.0, List.of(), List.of(), List.of());
    try (BackendFleet fleet = BackendFleet.create(List.of(config), AcceleratorBackends.load(), "test")) {
      var snapshot = fleet.pools().get(0).backend().snapshot();
      ModelServerHandle h = handle(URI.create("http://h:1"));
      var open = new ResilienceSnapshot("a", "OPEN", 100f, 4, 4, 2, 1, 1, 5, 0);
      var halfOpen = new ResilienceSnapshot("b", "HALF_OPEN", 100f, 4, 4, 0, 1, 1, 5, 0);
      var unguarded = PoolObservation.Endpoint.unguarded(h, HealthStatus.up("200"), EndpointLoad.unknown());

      assertThat(new PoolObservation(config, snapshot, List.of(), List.of(unguarded)).circuitOpenReason()).isEmpty();
      assertThat(new PoolObservation(config, snapshot, List.of(), List.of(unguarded,
          new PoolObservation.Endpoint(h, HealthStatus.up("200"), EndpointLoad.unknown(), List.of(open, halfOpen))))
          .circuitOpenReason()).as("a half-open breaker lets trial calls through").isEmpty();
      assertThat(new PoolObservation(config, snapshot, List.of(), List.of(
          new PoolObservation.Endpoint(h, HealthStatus.up("200"), EndpointLoad.unknown(), List.of(open))))
          .circuitOpenReason()).contains("circuit breaker open on every model endpoint of the pool: "
              + "a OPEN (100% of 4 recent calls failed, 2 refused)");
    }
  }

  private static ModelEndpointConfig config(String id, String url) {
    return ModelEndpointConfig.custom().id(id).baseUrl(url).modelName("m").build();
  }

  private static ModelServerHandle handle(URI base) {
    return new ModelServerHandle("e", "sim", "", "m", base, base.resolve("/health"), "", true);
  }
}
