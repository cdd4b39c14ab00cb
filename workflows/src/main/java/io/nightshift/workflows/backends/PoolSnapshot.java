package io.nightshift.workflows.backends;

import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.placement.PoolView;
import java.time.Instant;
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
 */
public record PoolSnapshot(PoolView view, HealthStatus.State health, String detail, boolean simulated,
    Instant observedAt) {
  public PoolSnapshot {
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(health, "health");
    detail = detail == null ? "" : detail;
    Objects.requireNonNull(observedAt, "observedAt");
  }

  public String poolId() {
    return view.poolId();
  }
}
