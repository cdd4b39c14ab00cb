package io.nightshift.bench.engine;

import static io.nightshift.bench.engine.ArmOrder.Arm.BASELINE;
import static io.nightshift.bench.engine.ArmOrder.Arm.NIGHTSHIFT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArmOrderTest {
  @Test
  void shouldAlternateWhichArmGoesFirstSoEachGoesFirstEquallyOften() {
    assertThat(ArmOrder.of(1)).containsExactly(NIGHTSHIFT, BASELINE);
    assertThat(ArmOrder.of(2)).containsExactly(BASELINE, NIGHTSHIFT);
    assertThat(ArmOrder.of(3)).containsExactly(NIGHTSHIFT, BASELINE);
    assertThat(ArmOrder.of(8)).containsExactly(BASELINE, NIGHTSHIFT);
  }

  @Test
  void shouldRefuseARunIndexBelowOne() {
    assertThatThrownBy(() -> ArmOrder.of(0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1-based");
  }
}
