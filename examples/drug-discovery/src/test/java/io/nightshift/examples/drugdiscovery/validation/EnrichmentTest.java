package io.nightshift.examples.drugdiscovery.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** ROC AUC and enrichment factors against values worked out by hand; lower scores are better. */
class EnrichmentTest {
  private static final boolean T = true;
  private static final boolean F = false;

  @Test
  void shouldCountActiveBeforeDecoyPairsForTheAuc() {
    // actives at 1 and 3, decoys at 2 and 4: pairs (1<2), (1<4), (3>2), (3<4): 3 of 4
    assertThat(Enrichment.rocAuc(new double[] {1, 2, 3, 4}, new boolean[] {T, F, T, F})).isEqualTo(0.75);
    assertThat(Enrichment.rocAuc(new double[] {-10, -9, -1}, new boolean[] {T, T, F})).isEqualTo(1.0);
    assertThat(Enrichment.rocAuc(new double[] {5, 1, 2}, new boolean[] {T, F, F})).isEqualTo(0.0);
  }

  @Test
  void shouldCountATieAsHalfAPair() {
    // the active ties one decoy (1/2) and beats the other (1): 1.5 of 2
    assertThat(Enrichment.rocAuc(new double[] {1, 1, 2}, new boolean[] {T, F, F})).isEqualTo(0.75);
    // everything tied: random
    assertThat(Enrichment.rocAuc(new double[] {3, 3, 3, 3}, new boolean[] {T, F, T, F})).isEqualTo(0.5);
  }

  @Test
  void shouldRankFailedDockingsLast() {
    double inf = Double.POSITIVE_INFINITY;
    assertThat(Enrichment.rocAuc(new double[] {inf, -5, -6}, new boolean[] {T, F, F})).isEqualTo(0.0);
    assertThat(Enrichment.rocAuc(new double[] {-7, inf, inf}, new boolean[] {T, F, F})).isEqualTo(1.0);
  }

  @Test
  void shouldDivideTheActiveRateAtTheCutOffByTheOverallRate() {
    // 10 molecules, 2 actives ranked 1st and 5th; overall rate 0.2
    double[] scores = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    boolean[] active = {T, F, F, F, T, F, F, F, F, F};
    assertThat(Enrichment.enrichmentFactor(scores, active, 0.10)).isCloseTo(5.0, within(1e-12)); // 1 of 1
    assertThat(Enrichment.enrichmentFactor(scores, active, 0.30)).isCloseTo(5.0 / 3, within(1e-12)); // 1 of 3
    assertThat(Enrichment.enrichmentFactor(scores, active, 0.50)).isCloseTo(2.0, within(1e-12)); // 2 of 5
    // 1% of 10 molecules still looks at the best one
    assertThat(Enrichment.enrichmentFactor(scores, active, 0.01)).isCloseTo(5.0, within(1e-12));
  }

  @Test
  void shouldShareTheLastPlacesAmongTiedMolecules() {
    // top 1 of 4, but the best score is shared by an active and a decoy: half an active in the top place
    assertThat(Enrichment.enrichmentFactor(new double[] {1, 1, 2, 3}, new boolean[] {T, F, F, F}, 0.25))
        .isCloseTo(2.0, within(1e-12));
    // the order of tied molecules does not matter
    assertThat(Enrichment.enrichmentFactor(new double[] {1, 1, 2, 3}, new boolean[] {F, T, F, F}, 0.25))
        .isCloseTo(2.0, within(1e-12));
  }

  @Test
  void shouldRefuseASetWithoutActivesOrDecoys() {
    assertThatThrownBy(() -> Enrichment.rocAuc(new double[] {1, 2}, new boolean[] {F, F}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 actives");
    assertThatThrownBy(() -> Enrichment.enrichmentFactor(new double[] {1, 2}, new boolean[] {T, T}, 0.01))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0 decoys");
    assertThatThrownBy(() -> Enrichment.enrichmentFactor(new double[] {1, 2}, new boolean[] {T, F}, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("fraction");
  }
}
