package io.nightshift.core.accelerator;

import java.time.Instant;
import java.util.Objects;

/**
 * Health of a pool or of one model endpoint, with the reason in words so an operator knows what to fix.
 *
 * @param state  UP serves work, DEGRADED serves work with a warning, DOWN is skipped by placement
 * @param detail what was checked or what failed
 */
public record HealthStatus(State state, String detail, Instant at) {
  public enum State { UP, DEGRADED, DOWN }

  public HealthStatus {
    Objects.requireNonNull(state, "state");
    detail = detail == null ? "" : detail;
    Objects.requireNonNull(at, "at");
  }

  public static HealthStatus up(String detail) {
    return new HealthStatus(State.UP, detail, Instant.now());
  }

  public static HealthStatus degraded(String detail) {
    return new HealthStatus(State.DEGRADED, detail, Instant.now());
  }

  public static HealthStatus down(String detail) {
    return new HealthStatus(State.DOWN, detail, Instant.now());
  }

  public boolean usable() {
    return state != State.DOWN;
  }
}
