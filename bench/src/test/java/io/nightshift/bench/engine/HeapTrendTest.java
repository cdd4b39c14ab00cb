package io.nightshift.bench.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HeapTrendTest {
  private static final long MIB = 1L << 20;

  @Test
  void shouldReportARisingHeapAsItsSlopeInMibPerMinute() {
    List<HeapTrend.Sample> samples = new ArrayList<>();
    for (int minute = 0; minute <= 10; minute++) {
      samples.add(new HeapTrend.Sample(minute * 60_000L, (40 + 3L * minute) * MIB));
    }

    HeapTrend trend = HeapTrend.of(samples);

    assertThat(trend.slopeMibPerMinute()).isCloseTo(3.0, within(1e-9));
    assertThat(trend.maxBytes()).isEqualTo(70 * MIB);
    assertThat(trend.medianBytes()).isEqualTo(55 * MIB);
    assertThat(trend.samples()).isEqualTo(11);
    assertThat(trend.maxAtMillis()).isEqualTo(600_000);
  }

  @Test
  void shouldShowNoSlopeForAHeapThatOnlySwingsAroundOneLevel() {
    List<HeapTrend.Sample> samples = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      samples.add(new HeapTrend.Sample(i * 60_000L, (i % 2 == 0 ? 50 : 60) * MIB));
    }

    assertThat(HeapTrend.of(samples).slopeMibPerMinute()).isCloseTo(0.0, within(0.5));
  }

  @Test
  void shouldSayWhenATransientPeakWasLeft() {
    List<HeapTrend.Sample> samples = List.of(new HeapTrend.Sample(1_000, 50 * MIB),
        new HeapTrend.Sample(2_000, 400 * MIB), new HeapTrend.Sample(3_000, 45 * MIB),
        new HeapTrend.Sample(4_000, 48 * MIB));

    HeapTrend trend = HeapTrend.of(samples);

    assertThat(trend.maxAtMillis()).isEqualTo(2_000);
    assertThat(trend.medianBytes()).isEqualTo(49 * MIB);
  }

  @Test
  void shouldSummariseNoCollectionsAsEmpty() {
    assertThat(HeapTrend.of(List.of())).isEqualTo(new HeapTrend(0, 0, 0, 0, 0));
    assertThat(HeapTrend.of(List.of(new HeapTrend.Sample(5, MIB))).slopeMibPerMinute()).isZero();
  }
}
