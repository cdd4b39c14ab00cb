package io.nightshift.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SoakTallyTest {
  @Test
  void shouldCountATaskTheStoreDoesNotKnowAsLost() {
    SoakTally t = new SoakTally();
    t.accepted(SoakMix.Kind.MAP);
    t.accepted(SoakMix.Kind.MAP);
    t.accepted(SoakMix.Kind.GATE);
    t.accepted(SoakMix.Kind.AGENT);
    t.ended(SoakMix.Kind.MAP, SoakTally.Fate.COMPLETED);
    t.ended(SoakMix.Kind.MAP, SoakTally.Fate.UNKNOWN);
    t.ended(SoakMix.Kind.GATE, SoakTally.Fate.FAILED);
    t.ended(SoakMix.Kind.AGENT, SoakTally.Fate.RUNNING);

    assertThat(t.submitted()).isEqualTo(4);
    assertThat(t.submitted(SoakMix.Kind.MAP)).isEqualTo(2);
    assertThat(t.count(SoakTally.Fate.COMPLETED)).isEqualTo(1);
    assertThat(t.count(SoakMix.Kind.GATE, SoakTally.Fate.FAILED)).isEqualTo(1);
    assertThat(t.lost()).isEqualTo(1);
  }

  @Test
  void shouldCountAnAcceptedTaskGivenNoFateAsLost() {
    SoakTally t = new SoakTally();
    t.accepted(SoakMix.Kind.AGENT);

    assertThat(t.lost()).isEqualTo(1);
    t.ended(SoakMix.Kind.AGENT, SoakTally.Fate.COMPLETED);
    assertThat(t.lost()).isZero();
  }
}
