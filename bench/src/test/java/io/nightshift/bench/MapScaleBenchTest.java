package io.nightshift.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.bench.engine.HeapTrend;
import org.junit.jupiter.api.Test;

class MapScaleBenchTest {
  private static final long MIB = 1L << 20;

  @Test
  void shouldJudgeHeapGrowthByTheLargestSizesMaxAgainstTheSmallests() {
    HeapTrend small = new HeapTrend(20, 80 * MIB, 50 * MIB, 0.1, 0);

    assertThat(MapScaleBench.growth(100_000, small, 1_000_000, new HeapTrend(90, 100 * MIB, 55 * MIB, 0.0, 0)))
        .contains("= x1.25").contains("met");
    assertThat(MapScaleBench.growth(100_000, small, 1_000_000, new HeapTrend(90, 400 * MIB, 90 * MIB, 2.0, 0)))
        .contains("= x5.00").contains("MISSED");
  }

  @Test
  void shouldNotJudgeWithoutACollectionInBothSizes() {
    assertThat(MapScaleBench.growth(1, new HeapTrend(0, 0, 0, 0, 0), 10, new HeapTrend(3, MIB, MIB, 0, 0)))
        .contains("not judged");
  }
}
