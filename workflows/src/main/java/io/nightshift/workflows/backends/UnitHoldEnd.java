package io.nightshift.workflows.backends;

import io.nightshift.core.accelerator.UnitTelemetry;
import java.util.Optional;

/**
 * How a hold of a pool's units ended: what the units' telemetry showed while they were held (empty where the pool
 * reads none, the hold was gone already, or a worker older than this answered).
 */
public record UnitHoldEnd(Optional<UnitTelemetry> telemetry) {
  public UnitHoldEnd {
    telemetry = telemetry == null ? Optional.empty() : telemetry;
  }

  public static UnitHoldEnd unmeasured() {
    return new UnitHoldEnd(Optional.empty());
  }
}
