package io.nightshift.core.accelerator;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TelemetrySumTest {
  private final UnitTelemetry gpu = new UnitTelemetry(3, OptionalDouble.of(90), OptionalDouble.of(100),
      OptionalLong.of(10L << 30), OptionalDouble.of(700), OptionalDouble.of(2_100));
  private final UnitTelemetry neuron = new UnitTelemetry(1, OptionalDouble.of(50), OptionalDouble.of(60),
      OptionalLong.empty(), OptionalDouble.empty(), OptionalDouble.empty());

  @Test
  void shouldAddSamplesAndEnergyWeighMeansBySamplesAndKeepTheHighestPeaks() {
    UnitTelemetry both = TelemetrySum.of(Optional.of(gpu), Optional.of(gpu)).orElseThrow();

    assertThat(both.samples()).isEqualTo(6);
    assertThat(both.energyJoules()).hasValue(4_200);
    assertThat(both.meanPowerWatts()).hasValue(700);

    UnitTelemetry mixed = TelemetrySum.of(Optional.of(gpu), Optional.of(neuron)).orElseThrow();
    assertThat(mixed.meanUtilizationPercent()).hasValue((90 * 3 + 50) / 4.0);
    assertThat(mixed.peakUtilizationPercent()).hasValue(100);
  }

  @Test
  void shouldKeepAFigureOnlySomeHoldsReadToThoseAndLeaveOneNoneReadEmpty() {
    UnitTelemetry mixed = TelemetrySum.of(Optional.of(neuron), Optional.of(gpu)).orElseThrow();
    assertThat(mixed.meanPowerWatts()).hasValue(700);
    assertThat(mixed.peakMemoryUsedBytes()).hasValue(10L << 30);

    UnitTelemetry neurons = TelemetrySum.of(Optional.of(neuron), Optional.of(neuron)).orElseThrow();
    assertThat(neurons.meanPowerWatts()).isEmpty();
    assertThat(neurons.energyJoules()).isEmpty();
    assertThat(TelemetrySum.of(Optional.empty(), Optional.empty())).isEmpty();
  }
}
