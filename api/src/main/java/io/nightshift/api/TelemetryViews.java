package io.nightshift.api;

import io.nightshift.api.v1.StepTelemetry;
import io.nightshift.core.accelerator.UnitTelemetry;

/** A step's unit telemetry as the API shows it; a figure the executor did not read stays unset. */
final class TelemetryViews {
  private TelemetryViews() {}

  /** @param live true for a running step's figures so far, false for a finished step's whole hold */
  static StepTelemetry of(UnitTelemetry u, boolean live) {
    StepTelemetry.Builder t = StepTelemetry.newBuilder().setSamples(u.samples()).setLive(live);
    u.meanUtilizationPercent().ifPresent(t::setMeanUtilizationPercent);
    u.peakUtilizationPercent().ifPresent(t::setPeakUtilizationPercent);
    u.peakMemoryUsedBytes().ifPresent(t::setPeakMemoryUsedBytes);
    u.meanPowerWatts().ifPresent(t::setMeanPowerWatts);
    u.energyJoules().ifPresent(t::setEnergyJoules);
    return t.build();
  }
}
