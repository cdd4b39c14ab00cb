package io.nightshift.examples.drugdiscovery.selection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoFrontsTest {
  // minimised: A(1,5) B(2,3) C(4,1) D(3,4) E(5,5) F(2,3); by hand: B dominates D, D dominates E, B and F tie
  private static final List<double[]> POINTS = List.of(new double[] {1, 5}, new double[] {2, 3},
      new double[] {4, 1}, new double[] {3, 4}, new double[] {5, 5}, new double[] {2, 3});

  @Test
  void shouldSortIntoFrontsByDominance() {
    assertThat(ParetoFronts.fronts(POINTS)).containsExactly(0, 0, 0, 1, 2, 0);
  }

  @Test
  void shouldNotLetEqualPointsDominateEachOther() {
    assertThat(ParetoFronts.dominates(POINTS.get(1), POINTS.get(5))).isFalse();
    assertThat(ParetoFronts.dominates(POINTS.get(1), POINTS.get(3))).isTrue();
    assertThat(ParetoFronts.dominates(POINTS.get(3), POINTS.get(1))).isFalse();
  }

  @Test
  void shouldGiveTheExtremesInfiniteCrowdingAndTheRestTheirNormalisedGaps() {
    // front 0 = A, B, C, F. x: A1 B2 F2 C4 (range 3); y: C1 B3 F3 A5 (range 4), equal values in member order
    double[] crowding = ParetoFronts.crowding(POINTS, List.of(0, 1, 2, 5));

    assertThat(crowding[0]).isInfinite();
    assertThat(crowding[2]).isInfinite();
    assertThat(crowding[1]).isCloseTo((2 - 1) / 3.0 + (3 - 1) / 4.0, within(1e-12));
    assertThat(crowding[3]).isCloseTo((4 - 2) / 3.0 + (5 - 3) / 4.0, within(1e-12));
  }

  @Test
  void shouldRankAThreeObjectiveSetByHand() {
    // (dock, -qed, sa): P dominates R in all three; Q trades docking for QED; S is worst everywhere
    List<double[]> points = List.of(new double[] {-90, -0.5, 3}, new double[] {-60, -0.9, 2.5},
        new double[] {-80, -0.4, 3.5}, new double[] {-40, -0.3, 6});

    assertThat(ParetoFronts.fronts(points)).containsExactly(0, 0, 1, 2);
  }

  @Test
  void shouldRefuseRaggedOrNanPoints() {
    assertThatThrownBy(() -> ParetoFronts.fronts(List.of(new double[] {1, 2}, new double[] {1})))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("same number");
    assertThatThrownBy(() -> ParetoFronts.fronts(List.<double[]>of(new double[] {Double.NaN})))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
  }
}
