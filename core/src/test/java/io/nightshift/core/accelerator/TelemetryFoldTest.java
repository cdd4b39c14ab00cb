package io.nightshift.core.accelerator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TelemetryFoldTest {
  private static final long GIB = 1L << 30;
  private final Instant t0 = Instant.parse("2026-12-10T10:00:00Z");
  private final Instant t10 = t0.plusSeconds(10);

  @Test
  void shouldFoldMeansPeaksAndEnergyOfTheLeasedDevicesOnly() {
    TelemetryFold fold = new TelemetryFold(List.of("gpu0", "gpu1"));

    fold.add(t0, List.of(full("gpu0", 80, 10 * GIB, 300), full("gpu1", 100, 20 * GIB, 350),
        full("gpu2", 0, 0, 70), full("gpu3", 0, 0, 70)));
    fold.add(t10, List.of(full("gpu0", 100, 30 * GIB, 400), full("gpu1", 100, 20 * GIB, 400),
        full("gpu2", 0, 0, 70)));
    UnitTelemetry u = fold.summary(t0, t10).orElseThrow();

    assertThat(u.samples()).isEqualTo(2);
    assertThat(u.meanUtilizationPercent().getAsDouble()).isCloseTo(95, within(1e-9)); // (80 + 100 + 100 + 100) / 4
    assertThat(u.peakUtilizationPercent()).hasValue(100);
    assertThat(u.peakMemoryUsedBytes()).hasValue(50 * GIB); // both devices together in the second sample
    assertThat(u.meanPowerWatts().getAsDouble()).isCloseTo(725, within(1e-9)); // (650 + 800) / 2
    assertThat(u.energyJoules().getAsDouble()).isCloseTo(7_250, within(1e-9)); // trapezoid 650 -> 800 W over 10 s
  }

  @Test
  void shouldLetTheFirstAndLastPowerReadingStandForTheHoldBeforeAndAfterThem() {
    TelemetryFold fold = new TelemetryFold(List.of("gpu0"));
    fold.add(t0, List.of(full("gpu0", 100, GIB, 100)));
    fold.add(t10, List.of(full("gpu0", 100, GIB, 300)));

    UnitTelemetry u = fold.summary(t0.minusSeconds(5), t10.plusSeconds(10)).orElseThrow();

    // 100 W for the 5 s before the first sample, 2,000 J between the samples, 300 W for the 10 s after the last
    assertThat(u.energyJoules().getAsDouble()).isCloseTo(500 + 2_000 + 3_000, within(1e-9));
  }

  @Test
  void shouldIntegrateASingleReadingOverTheWholeHold() {
    TelemetryFold fold = new TelemetryFold(List.of("gpu0", "gpu1"));
    fold.add(t0, List.of(full("gpu0", 100, GIB, 700), full("gpu1", 100, GIB, 700)));

    UnitTelemetry u = fold.summary(t0, t0.plusMillis(400)).orElseThrow();

    assertThat(u.samples()).isEqualTo(1);
    assertThat(u.energyJoules().getAsDouble()).isCloseTo(1_400 * 0.4, within(1e-9));
  }

  @Test
  void shouldKeepFiguresTheExecutorDoesNotReadAbsentRatherThanZero() {
    TelemetryFold fold = new TelemetryFold(List.of("nc0", "nc1"));
    fold.add(t0, List.of(Telemetry.utilizationOnly("nc0", 40, t0), Telemetry.utilizationOnly("nc1", 60, t0)));

    UnitTelemetry u = fold.summary(t0, t10).orElseThrow();

    assertThat(u.meanUtilizationPercent().getAsDouble()).isCloseTo(50, within(1e-9));
    assertThat(u.peakUtilizationPercent()).hasValue(60);
    assertThat(u.peakMemoryUsedBytes()).isEmpty();
    assertThat(u.meanPowerWatts()).isEmpty();
    assertThat(u.energyJoules()).isEmpty();
  }

  @Test
  void shouldNotSumPowerOrMemoryOverASampleWhereALeasedDeviceDidNotReportThem() {
    TelemetryFold fold = new TelemetryFold(List.of("gpu0", "gpu1"));
    fold.add(t0, List.of(full("gpu0", 100, 8 * GIB, 500), full("gpu1", 100, 8 * GIB, 500)));
    // gpu1 missing its memory and power, then gpu1 missing altogether: neither sample is a sum of both
    fold.add(t0.plusSeconds(5), List.of(full("gpu0", 100, 70 * GIB, 50), Telemetry.utilizationOnly("gpu1", 100, t0)));
    fold.add(t10, List.of(full("gpu0", 100, 70 * GIB, 50)));

    UnitTelemetry u = fold.summary(t0, t10).orElseThrow();

    assertThat(u.samples()).isEqualTo(3);
    assertThat(u.peakMemoryUsedBytes()).hasValue(16 * GIB);
    assertThat(u.meanPowerWatts()).hasValue(1_000);
    assertThat(u.energyJoules().getAsDouble()).isCloseTo(10_000, within(1e-9));
  }

  @Test
  void shouldCountAReadHandedOutTwiceOnceAndAReadOfNoLeasedDeviceNotAtAll() {
    TelemetryFold fold = new TelemetryFold(List.of("gpu0"));

    assertThat(fold.summary(t0, t10)).isEmpty();
    assertThat(fold.add(t0, List.of(full("gpu7", 100, GIB, 700)))).isFalse();
    assertThat(fold.add(t0, List.of())).isFalse(); // an executor that reads no telemetry (the CPU pool)
    assertThat(fold.summary(t0, t10)).isEmpty();
    assertThat(fold.add(t0, List.of(full("gpu0", 100, GIB, 700)))).isTrue();
    assertThat(fold.add(t0, List.of(full("gpu0", 100, GIB, 700)))).isFalse();

    assertThat(fold.summary(t0, t10).orElseThrow().samples()).isEqualTo(1);
  }

  private static Telemetry full(String device, double util, long memory, double watts) {
    return new Telemetry(device, OptionalDouble.of(util), OptionalLong.of(memory), OptionalDouble.of(watts),
        OptionalDouble.empty(), Instant.EPOCH);
  }
}
