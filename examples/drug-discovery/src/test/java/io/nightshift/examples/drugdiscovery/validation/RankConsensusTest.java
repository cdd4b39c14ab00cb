package io.nightshift.examples.drugdiscovery.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RankConsensusTest {
  @Test
  void shouldAverageEachMoleculesRankOverTheEngines() {
    double[] chemplp = {-100, -60, -80};  // ranks 1, 3, 2
    double[] vina = {-9.0, -11.0, -7.0};  // ranks 2, 1, 3
    assertThat(RankConsensus.meanRank(List.of(chemplp, vina))).containsExactly(1.5, 2.0, 2.5);
  }

  @Test
  void shouldGiveTiedScoresTheirMeanRank() {
    assertThat(RankConsensus.meanRank(List.of(new double[] {1, 1, 3}))).containsExactly(1.5, 1.5, 3.0);
  }

  @Test
  void shouldRefuseEnginesThatScoredDifferentSets() {
    assertThatThrownBy(() -> RankConsensus.meanRank(List.of(new double[] {1, 2}, new double[] {1})))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("different numbers");
  }
}
