package io.nightshift.runtime.backends;

import io.nightshift.core.accelerator.BackendSnapshot;
import io.nightshift.core.accelerator.EndpointLoad;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.Lease;
import io.nightshift.core.accelerator.ModelServerHandle;
import java.util.List;
import java.util.Objects;

/**
 * One pool as observed now: its snapshot (devices, telemetry, health, price), the leases and model endpoints taken
 * through this runtime, and each endpoint's health and load.
 */
public record PoolObservation(PoolConfig config, BackendSnapshot snapshot, List<Lease> leases,
    List<Endpoint> endpoints) {
  /** A model endpoint and what its probes said. */
  public record Endpoint(ModelServerHandle handle, HealthStatus health, EndpointLoad load) {
    public Endpoint {
      Objects.requireNonNull(handle, "handle");
      Objects.requireNonNull(health, "health");
      Objects.requireNonNull(load, "load");
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
}
