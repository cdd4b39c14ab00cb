package io.nightshift.cli;

import io.nightshift.api.v1.StepTelemetry;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A step's unit telemetry on one line, e.g. "util 97 % mean / 100 % peak, mem 61.2 GiB peak, 655 W mean, 0.18 kWh,
 * 12 samples". A figure the executor did not read is left out, never printed as 0. The web UI's step detail
 * ({@code telemetryLine} in api's app.js) writes the same line.
 */
final class TelemetryLine {
  /** Below this, energy reads better in Wh: a short step's 0.00 kWh would say nothing. */
  private static final double KWH_FROM_JOULES = 36_000;

  private TelemetryLine() {}

  static String of(StepTelemetry t) {
    List<String> parts = new ArrayList<>();
    List<String> util = new ArrayList<>();
    if (t.hasMeanUtilizationPercent()) {
      util.add(format("%.0f %% mean", t.getMeanUtilizationPercent()));
    }
    if (t.hasPeakUtilizationPercent()) {
      util.add(format("%.0f %% peak", t.getPeakUtilizationPercent()));
    }
    if (!util.isEmpty()) {
      parts.add("util " + String.join(" / ", util));
    }
    if (t.hasPeakMemoryUsedBytes()) {
      parts.add(format("mem %.1f GiB peak", t.getPeakMemoryUsedBytes() / (double) (1L << 30)));
    }
    if (t.hasMeanPowerWatts()) {
      parts.add(format("%.0f W mean", t.getMeanPowerWatts()));
    }
    if (t.hasEnergyJoules()) {
      double joules = t.getEnergyJoules();
      parts.add(joules >= KWH_FROM_JOULES ? format("%.2f kWh", joules / 3.6e6) : format("%.2f Wh", joules / 3600));
    }
    parts.add(t.getSamples() + (t.getSamples() == 1 ? " sample" : " samples"));
    return String.join(", ", parts) + (t.getLive() ? " so far" : "");
  }

  private static String format(String pattern, Object value) {
    return String.format(Locale.ROOT, pattern, value);
  }
}
