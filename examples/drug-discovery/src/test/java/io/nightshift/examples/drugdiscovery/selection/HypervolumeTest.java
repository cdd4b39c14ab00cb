package io.nightshift.examples.drugdiscovery.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class HypervolumeTest {
  @Test
  void shouldMeasureOnePointAsItsBox() {
    assertThat(Hypervolume.of(List.<double[]>of(new double[] {0.5, 0.5}))).isCloseTo(0.25, within(1e-12));
    assertThat(Hypervolume.of(List.<double[]>of(new double[] {0.5, 0.5, 0.5}))).isCloseTo(0.125, within(1e-12));
  }

  @Test
  void shouldCountOverlappingBoxesOnceIn2d() {
    // boxes 0.2 x 1, 0.6 x 0.6 and 1 x 0.2: by inclusion-exclusion 0.2 + 0.36 + 0.2 - 0.12 - 0.04 - 0.12 + 0.04
    List<double[]> front = List.of(new double[] {0.2, 1}, new double[] {0.6, 0.6}, new double[] {1, 0.2});

    assertThat(Hypervolume.of(front)).isCloseTo(0.52, within(1e-12));
  }

  @Test
  void shouldCountOverlappingBoxesOnceIn3d() {
    // 1 x 1 x 0.5 and 0.5 x 0.5 x 1 overlap in 0.5 x 0.5 x 0.5: 0.5 + 0.25 - 0.125
    List<double[]> front = List.of(new double[] {1, 1, 0.5}, new double[] {0.5, 0.5, 1});

    assertThat(Hypervolume.of(front)).isCloseTo(0.625, within(1e-12));
  }

  @Test
  void shouldIgnoreDominatedPointsAndClampToTheUnitBox() {
    List<double[]> front = List.of(new double[] {0.2, 1}, new double[] {0.6, 0.6}, new double[] {1, 0.2});
    List<double[]> withDominated = List.of(new double[] {0.2, 1}, new double[] {0.1, 0.1}, new double[] {0.6, 0.6},
        new double[] {0.5, 0.5}, new double[] {1, 0.2});

    assertThat(Hypervolume.of(withDominated)).isCloseTo(Hypervolume.of(front), within(1e-12));
    assertThat(Hypervolume.of(List.<double[]>of(new double[] {1.5, -1}))).isZero();
    assertThat(Hypervolume.of(List.<double[]>of(new double[] {2, 3, 4}))).isCloseTo(1, within(1e-12));
    assertThat(Hypervolume.of(List.of())).isZero();
  }
}
