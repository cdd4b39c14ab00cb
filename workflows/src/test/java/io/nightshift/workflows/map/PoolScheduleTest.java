package io.nightshift.workflows.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolScheduleTest {
  private static final List<PoolShare> POOLS = List.of(new PoolShare("a", 1, 1, 1, 0), new PoolShare("b", 1, 1, 2, 0),
      new PoolShare("c", 1, 1, 3, 0));

  @Test
  void shouldOpenThePoolsBeforeTheFirstClosedOne() {
    PoolSchedule plan = new PoolSchedule(Map.of("b", 10_000L, "c", 0L));

    assertThat(plan.openPools(POOLS, 0)).isEqualTo(2);
    assertThat(plan.openPools(POOLS, 10_000)).isEqualTo(1);
    assertThat(PoolSchedule.allOpen().openPools(POOLS, 0)).isEqualTo(3);
  }

  @Test
  void shouldAlwaysKeepTheFirstPoolOpenSoChunksHaveSomewhereToGo() {
    assertThat(new PoolSchedule(Map.of("a", 0L, "b", 0L, "c", 0L)).openPools(POOLS, 5)).isEqualTo(1);
  }

  @Test
  void shouldSayWhenAPoolNextCloses() {
    PoolSchedule plan = new PoolSchedule(Map.of("b", 10_000L, "c", 0L));

    assertThat(plan.nextChange(POOLS, 0)).contains(10_000L);
    assertThat(plan.nextChange(POOLS, 10_000)).isEmpty();
  }
}
