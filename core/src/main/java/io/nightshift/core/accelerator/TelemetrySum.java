package io.nightshift.core.accelerator;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Several holds' telemetry as one, for a step made of many calls (a map's chunks): samples and energy add up,
 * means are weighted by samples, peaks are the highest any hold saw. A figure stays empty only when no hold read
 * it; where some did and some did not, it covers those that did.
 */
public final class TelemetrySum {
  private TelemetrySum() {}

  public static Optional<UnitTelemetry> of(Optional<UnitTelemetry> a, Optional<UnitTelemetry> b) {
    if (a.isEmpty() || b.isEmpty()) {
      return a.isPresent() ? a : b;
    }
    UnitTelemetry x = a.get();
    UnitTelemetry y = b.get();
    return Optional.of(new UnitTelemetry(x.samples() + y.samples(),
        weighted(x, y, UnitTelemetry::meanUtilizationPercent), highest(x.peakUtilizationPercent(),
        y.peakUtilizationPercent()), highestLong(x.peakMemoryUsedBytes(), y.peakMemoryUsedBytes()),
        weighted(x, y, UnitTelemetry::meanPowerWatts), sum(x.energyJoules(), y.energyJoules())));
  }

  private static OptionalDouble weighted(UnitTelemetry x, UnitTelemetry y, Function<UnitTelemetry, OptionalDouble> f) {
    OptionalDouble p = f.apply(x);
    OptionalDouble q = f.apply(y);
    if (p.isEmpty() || q.isEmpty()) {
      return p.isPresent() ? p : q;
    }
    return OptionalDouble.of((p.getAsDouble() * x.samples() + q.getAsDouble() * y.samples())
        / (x.samples() + y.samples()));
  }

  private static OptionalDouble highest(OptionalDouble p, OptionalDouble q) {
    return p.isEmpty() || q.isEmpty() ? (p.isPresent() ? p : q) : OptionalDouble.of(Math.max(p.getAsDouble(),
        q.getAsDouble()));
  }

  private static OptionalLong highestLong(OptionalLong p, OptionalLong q) {
    return p.isEmpty() || q.isEmpty() ? (p.isPresent() ? p : q) : OptionalLong.of(Math.max(p.getAsLong(),
        q.getAsLong()));
  }

  private static OptionalDouble sum(OptionalDouble p, OptionalDouble q) {
    return p.isEmpty() || q.isEmpty() ? (p.isPresent() ? p : q) : OptionalDouble.of(p.getAsDouble()
        + q.getAsDouble());
  }
}
