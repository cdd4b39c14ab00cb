package io.nightshift.workflows.backends;

import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.placement.PoolView;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * One pool as an inventory activity saw it: what {@link io.nightshift.core.accelerator.placement.Placement} needs
 * ({@link #view()}), plus why it is (un)healthy, for the task view and for rejections shown to users.
 *
 * @param view        placement's input; {@code view.healthy()} is false when {@code health} is DOWN
 * @param health      UP, DEGRADED or DOWN
 * @param detail      the pool's own words ("'nvidia-smi' exited with 9: ...")
 * @param simulated   true for the simulator's virtual devices; never mix its figures with real spend
 * @param observedAt  when the worker took the snapshot (activity time, so replay sees the recorded value)
 * @param endpoints   the model endpoints that call the pool's servers, in the pool's order (absent in histories
 *                    recorded before pools reported them: read as none)
 * @param servable    models the pool starts a server for on a lease ({@link ModelServerActivities})
 * @param pickupTimeoutMillis how long a call placed on the pool may wait for one of its workers to take it, from
 *                    the pool's configuration; 0 in histories recorded before pools reported it (the default then)
 */
public record PoolSnapshot(PoolView view, HealthStatus.State health, String detail, boolean simulated,
    Instant observedAt, List<PoolEndpoint> endpoints, List<String> servable, long pickupTimeoutMillis) {
  public PoolSnapshot {
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(health, "health");
    detail = detail == null ? "" : detail;
    Objects.requireNonNull(observedAt, "observedAt");
    endpoints = List.copyOf(endpoints == null ? List.of() : endpoints);
    servable = List.copyOf(servable == null ? List.of() : servable);
  }

  public String poolId() {
    return view.poolId();
  }

}
