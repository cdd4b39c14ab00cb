package io.nightshift.workflows.task;

import io.nightshift.core.accelerator.UnitTelemetry;
import java.util.Optional;

/**
 * Where a step ran and what it cost: the accelerator pool, why placement chose it, the unit-seconds it held, their
 * price (for an agent step: its model calls' price), the model tokens it used, what the same work would have cost
 * on the fastest pool (0 where not worked out), so the view can say what the cost policy saved, and what its leased
 * units showed while it held them (empty where not sampled, and in runs recorded before they were).
 */
public record StepRun(String pool, String placement, double unitSeconds, double cost, long tokens,
    double fastestCost, Optional<UnitTelemetry> telemetry) {
  public StepRun {
    telemetry = telemetry == null ? Optional.empty() : telemetry;
  }
}
