package io.nightshift.core.accelerator;

import java.time.Instant;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One reading for one device. Fields a source does not report stay empty rather than zero, so "no power
 * reading" (neuron-monitor has none) is never mistaken for "drawing no power".
 */
public record Telemetry(
    String deviceId,
    OptionalDouble utilizationPercent,
    OptionalLong memoryUsedBytes,
    OptionalDouble powerWatts,
    OptionalDouble temperatureCelsius,
    Instant at) {
  public Telemetry {
    Objects.requireNonNull(deviceId, "deviceId");
    utilizationPercent = utilizationPercent == null ? OptionalDouble.empty() : utilizationPercent;
    memoryUsedBytes = memoryUsedBytes == null ? OptionalLong.empty() : memoryUsedBytes;
    powerWatts = powerWatts == null ? OptionalDouble.empty() : powerWatts;
    temperatureCelsius = temperatureCelsius == null ? OptionalDouble.empty() : temperatureCelsius;
    Objects.requireNonNull(at, "at");
  }

  public static Telemetry utilizationOnly(String deviceId, double percent, Instant at) {
    return new Telemetry(
        deviceId, OptionalDouble.of(percent), OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty(), at);
  }
}
