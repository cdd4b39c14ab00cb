package io.nightshift.examples.drugdiscovery.chem;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Values from RDKit's fpscores.pkl.gz as sascorer.readFragmentScores() reads it (Debian rdkit-data 2022.09.3). */
class SaFragmentScoresTest {
  private final SaFragmentScores table = SaFragmentScores.shared();

  @Test
  void shouldHoldEveryPublishedEnvironment() {
    assertThat(table.size()).isEqualTo(705_292);
  }

  @Test
  void shouldReturnThePublishedContributions() {
    assertThat(table.contribution(98513984L)).isEqualTo(2.5981); // aromatic CH, radius 0
    assertThat(table.contribution(3545175291L)).isEqualTo(-2.6493); // ethane's radius-1 environment
    assertThat(table.contribution(1301L)).isEqualTo(-2.1265); // the smallest id
    assertThat(table.contribution(4294962778L)).isEqualTo(-3.1265); // the largest, above 2^31
  }

  @Test
  void shouldGiveAnUnpublishedEnvironmentMinusFourAsSascorerDoes() {
    assertThat(table.contribution(0L)).isEqualTo(-4);
    assertThat(table.contribution(1302L)).isEqualTo(-4);
    assertThat(table.contribution(4294967295L)).isEqualTo(-4);
  }
}
