package io.nightshift.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RoundFiguresTest {
  @Test
  void shouldGiveCapacityFromWorkersUnitsAndStepTimeAndTheRatioAndSpeedUpAgainstIt() {
    RoundFigures one = new RoundFigures(1, 4, 0.5, 300, 50);
    RoundFigures three = new RoundFigures(3, 4, 0.5, 300, 20);

    assertThat(one.capacity()).isEqualTo(8.0);
    assertThat(three.capacity()).isEqualTo(24.0);
    assertThat(one.itemsPerSecond()).isEqualTo(6.0);
    assertThat(one.ratio()).isCloseTo(0.75, within(1e-12));
    assertThat(three.itemsPerSecond()).isEqualTo(15.0);
    assertThat(three.ratio()).isCloseTo(0.625, within(1e-12));
    assertThat(three.speedUp(one)).isCloseTo(2.5, within(1e-12));
    assertThat(one.speedUp(one)).isEqualTo(1.0);
  }

  @Test
  void shouldRefuseARoundWithoutWorkersUnitsItemsOrTime() {
    assertThatThrownBy(() -> new RoundFigures(0, 4, 0.5, 300, 50)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RoundFigures(1, 0, 0.5, 300, 50)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RoundFigures(1, 4, 0, 300, 50)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new RoundFigures(1, 4, 0.5, 300, Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
