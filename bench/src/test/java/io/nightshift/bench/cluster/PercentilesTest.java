package io.nightshift.bench.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class PercentilesTest {
  @Test
  void shouldTakeTheNearestRankWhateverTheOrderOfTheValues() {
    Percentiles p = new Percentiles(LongStream.rangeClosed(1, 100).map(i -> 101 - i).boxed().toList());

    assertThat(p.at(50)).isEqualTo(50);
    assertThat(p.at(99)).isEqualTo(99);
    assertThat(p.at(100)).isEqualTo(100);
    assertThat(p.count()).isEqualTo(100);
  }

  @Test
  void shouldReturnAMeasuredValueAndNeverInterpolate() {
    Percentiles p = new Percentiles(List.of(10L, 1000L));

    assertThat(p.at(50)).isEqualTo(10);
    assertThat(p.at(51)).isEqualTo(1000);
    assertThat(p.at(99)).isEqualTo(1000);
  }

  @Test
  void shouldGiveTheOnlyValueForEveryPercentileOfOne() {
    assertThat(new Percentiles(List.of(7L)).at(1)).isEqualTo(7);
    assertThat(new Percentiles(List.of(7L)).at(99)).isEqualTo(7);
  }

  @Test
  void shouldRefuseAnEmptySetAndAPercentileOutOfRange() {
    assertThatThrownBy(() -> new Percentiles(List.of()).at(50)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> new Percentiles(List.of(1L)).at(0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Percentiles(List.of(1L)).at(100.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
