package io.nightshift.runtime.backends;

import io.nightshift.core.accelerator.BackendSnapshot;
import io.nightshift.core.accelerator.EndpointLoad;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.Lease;
import io.nightshift.core.accelerator.ModelServerHandle;
import io.nightshift.models.resilience.ResilienceSnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One pool as observed now: its snapshot (devices, telemetry, health, price), the leases and model endpoints taken
 * through this runtime, and each endpoint's health and load.
 */
public record PoolObservation(PoolConfig config, BackendSnapshot snapshot, List<Lease> leases,
    List<Endpoint> endpoints) {
  /**
   * A model server, what its probes said, and the guards of the models-file endpoints that call it (see
   * {@link ModelEndpointGuards}); no guards when none does.
   */
  public record Endpoint(ModelServerHandle handle, HealthStatus health, EndpointLoad load,
      List<ResilienceSnapshot> guards) {
    public Endpoint {
      Objects.requireNonNull(handle, "handle");
      Objects.requireNonNull(health, "health");
      Objects.requireNonNull(load, "load");
      guards = List.copyOf(guards == null ? List.of() : guards);
    }

    /** A server no models-file endpoint calls: nothing guards it. */
    public static Endpoint unguarded(ModelServerHandle handle, HealthStatus health, EndpointLoad load) {
      return new Endpoint(handle, health, load, List.of());
    }
  }

  public PoolObservation {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(snapshot, "snapshot");
    leases = List.copyOf(leases);
    endpoints = List.copyOf(endpoints);
  }

  public String id() {
    return config.id();
  }

  /**
   * Why the pool's circuit is open, or empty while it is closed. It is open when calls go to its servers through
   * at least one models-file endpoint and every one of those endpoints has its circuit breaker open: the pool has
   * nothing left that answers, so placement should send new work elsewhere. One endpoint still closed (or half
   * open, letting a trial call through) keeps the pool in service.
   */
  public Optional<String> circuitOpenReason() {
    List<String> open = new ArrayList<>();
    for (Endpoint e : endpoints) {
      for (ResilienceSnapshot g : e.guards()) {
        if (!g.circuitOpen()) {
          return Optional.empty();
        }
        open.add(g.describe());
      }
    }
    return open.isEmpty() ? Optional.empty()
        : Optional.of("circuit breaker open on every model endpoint of the pool: " + String.join("; ", open));
  }
}
