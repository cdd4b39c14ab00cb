package io.nightshift.examples.drugdiscovery.validation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BootstrapIntervalTest {
  private static final double[] SCORES = {1, 4, 2, 6, 3, 7, 5, 8, 9, 10, 2.5, 11};
  private static final boolean[] ACTIVE = {true, false, true, false, false, false, true, false, false, false, false,
      false};

  @Test
  void shouldBracketTheEstimateAndRepeatWithTheSameSeed() {
    BootstrapInterval a = BootstrapInterval.of(SCORES, ACTIVE, Enrichment::rocAuc, 2000, 0.95, 7);
    assertThat(a.estimate()).isEqualTo(Enrichment.rocAuc(SCORES, ACTIVE));
    assertThat(a.lower()).isLessThan(a.estimate()).isGreaterThanOrEqualTo(0);
    assertThat(a.upper()).isGreaterThan(a.lower()).isLessThanOrEqualTo(1);
    assertThat(BootstrapInterval.of(SCORES, ACTIVE, Enrichment::rocAuc, 2000, 0.95, 7)).isEqualTo(a);
  }

  @Test
  void shouldKeepThePerfectSeparationOfEveryResample() {
    // stratified: every resample keeps three actives, and they always beat every decoy
    double[] scores = {1, 2, 3, 10, 11, 12, 13};
    boolean[] active = {true, true, true, false, false, false, false};
    BootstrapInterval i = BootstrapInterval.of(scores, active, Enrichment::rocAuc, 500, 0.95, 1);
    assertThat(i).isEqualTo(new BootstrapInterval(1, 1, 1));
  }

  @Test
  void shouldInterpolateQuantilesLikeNumpy() {
    // numpy.quantile([1, 2, 3, 4], 0.25) == 1.75
    assertThat(BootstrapInterval.quantile(new double[] {1, 2, 3, 4}, 0.25)).isEqualTo(1.75);
  }
}
