package io.nightshift.workflows.map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import io.nightshift.workflows.activities.PoolUse;
import io.nightshift.workflows.activities.UnitDemand;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MapPoolUseTest {
  private static final ChunkPlacement WHERE = ChunkPlacement.spread(List.of(new PoolShare("trn", 32, 1, 0.67, 0),
      new PoolShare("gpu", 8, 4, 6.15, 0)), new UnitDemand(1, 0, 0, 0));

  @Test
  void shouldAddUpEveryPoolsUnitSecondsAtItsPriceAndPriceTheSameWorkOnTheFastestPool() {
    PoolUse use = MapPoolUse.of(WHERE, List.of(new PoolTally("trn", 30, 3600, Optional.empty()),
        new PoolTally("gpu", 10, 1800, Optional.empty())));

    assertThat(use.pool()).isEqualTo("trn, gpu");
    assertThat(use.placement()).isEqualTo("spread: trn 30 chunks, 3600 unit-s; gpu 10 chunks, 1800 unit-s");
    assertThat(use.unitSeconds()).isEqualTo(5400);
    assertThat(use.cost()).isCloseTo(0.67 + 0.5 * 6.15, offset(1e-9));
    // the trn hour is a quarter GPU-hour of work; the GPU half-hour is what it is
    assertThat(use.fastestCost()).isCloseTo(0.25 * 6.15 + 0.5 * 6.15, offset(1e-9));
  }

  @Test
  void shouldReportNothingForAMapThatRanNowhereSpecial() {
    assertThat(MapPoolUse.of(ChunkPlacement.controlWorkers(), List.of())).isEqualTo(PoolUse.NONE);
  }
}
