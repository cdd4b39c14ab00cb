package io.nightshift.runtime.backends;

import io.nightshift.workflows.activities.HeldUnits;
import io.nightshift.workflows.activities.UnitAdmission;
import io.nightshift.workflows.activities.UnitDemand;
import java.util.function.Consumer;

/**
 * The door of a pool's step calls and agents' unit holds: its gate, with the telemetry of the units each call gets
 * sampled while the call holds them ({@link SampledHold}), for the step's result and its heartbeats.
 */
public final class SampledAdmission implements UnitAdmission {
  private final UnitAdmission gate;
  private final PoolTelemetry telemetry;

  public SampledAdmission(UnitAdmission gate, PoolTelemetry telemetry) {
    this.gate = gate;
    this.telemetry = telemetry;
  }

  @Override
  public HeldUnits admit(String owner, UnitDemand demand, Consumer<String> waiting) throws InterruptedException {
    HeldUnits held = gate.admit(owner, demand, waiting);
    if (held.units().isEmpty()) {
      return held;
    }
    SampledHold sampled = new SampledHold(held, telemetry);
    telemetry.track(sampled);
    return sampled;
  }
}
