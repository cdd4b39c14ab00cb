package io.nightshift.workflows.task.placement;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.workflows.activities.UnitDemand;
import io.nightshift.workflows.map.ChunkDeadline;
import io.nightshift.workflows.map.ChunkPlacement;
import io.nightshift.workflows.map.PoolSchedule;
import io.nightshift.workflows.map.PoolShare;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A cheap pool of 32 units at speed 1 and a dear one of 8 units at speed 4: each gets through 32 reference
 * unit-seconds a second. Chunks of 10 s on a reference unit; the deadline 1,000 s after the start.
 */
class DeadlineFillTest {
  private static final long DEADLINE = 1_000_000;

  @Test
  void shouldKeepTheDearPoolShutWhileTheCheapOneAloneMakesTheDeadline() {
    DeadlineFill fill = new DeadlineFill();

    // 10,000 unit-seconds; the cheap pool does 32 x 990 = 31,680 by the deadline less the last chunk's run
    PoolSchedule plan = fill.add(map(1, 1_000), 1_000, 0, DEADLINE);

    assertThat(plan.closesAtMillis()).isEqualTo(Map.of("dear", 0L));
  }

  @Test
  void shouldRunTheDearPoolOnlyAsLongAsAllTheTasksMapsNeedIt() {
    DeadlineFill fill = new DeadlineFill();
    fill.add(map(1, 1_000), 1_000, 0, DEADLINE);

    // with a second map, 50,000 unit-seconds: the dear pool does the 18,320 the cheap one cannot, in 572.5 s
    PoolSchedule plan = fill.add(map(1, 4_000), 4_000, 0, DEADLINE);

    assertThat(plan.closesAtMillis()).isEqualTo(Map.of("dear", 572_500L));
  }

  @Test
  void shouldCountWhatThePlanHadThePoolsDoBeforeALaterMapSplit() {
    DeadlineFill fill = new DeadlineFill();
    fill.add(map(1, 5_000), 5_000, 0, DEADLINE);

    // 100 s later both pools delivered 6,400 of the 50,000; 1,000 more arrive; 890 s are left for the rest
    PoolSchedule plan = fill.add(map(1, 100), 100, 100_000, DEADLINE);

    assertThat(plan.closesAtMillis()).isEqualTo(Map.of("dear", 603_750L));
  }

  @Test
  void shouldCountAChunksUnitsInItsWork() {
    DeadlineFill fill = new DeadlineFill();

    // 4-unit chunks: 8 slots x 4 units on the cheap pool, 2 x 4 on the dear; 1,500 chunks are 60,000 unit-seconds,
    // of which the dear pool does the 28,320 the cheap one cannot, in 885 s
    PoolSchedule plan = fill.add(map(4, 1_500), 1_500, 0, DEADLINE);

    assertThat(plan.closesAtMillis()).isEqualTo(Map.of("dear", 885_000L));
  }

  @Test
  void shouldOpenEveryPoolAllAlongWhenEvenTogetherTheyCannotMakeIt() {
    DeadlineFill fill = new DeadlineFill();

    PoolSchedule plan = fill.add(map(1, 10_000), 10_000, 0, DEADLINE);

    assertThat(plan).isEqualTo(PoolSchedule.allOpen());
  }

  private static ChunkPlacement map(int units, int chunks) {
    List<PoolShare> pools = List.of(new PoolShare("cheap", 32 / units, 1, 0.67, 0),
        new PoolShare("dear", Math.max(1, 8 / units), 4, 6.15, 0));
    return ChunkPlacement.spread(pools, new UnitDemand(units, 0, 10, 0))
        .by(new ChunkDeadline(DEADLINE, 0, 1.0));
  }
}
