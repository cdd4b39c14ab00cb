package io.nightshift.workflows.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** A cheap pool of 8 slots and a dear one of 8 at 4x the speed; chunks of 10 s on a reference unit. */
class ScheduledPaceTest {
  private static final List<PoolShare> POOLS = List.of(new PoolShare("cheap", 8, 1, 0.67, 0),
      new PoolShare("dear", 8, 4, 6.15, 0));

  @Test
  void shouldOpenTheDearPoolUntilThePlanClosesIt() {
    PoolSchedule plan = new PoolSchedule(Map.of("dear", 60_000L));
    ScheduledPace pace = new ScheduledPace(POOLS, () -> plan, new DeadlinePace(POOLS, 10, 600_000, 1));

    assertThat(pace.openPools(0, 10)).isEqualTo(2);
    assertThat(pace.openPools(59_999, 10)).isEqualTo(2);
    assertThat(pace.openPools(60_000, 10)).isEqualTo(1);
  }

  /** The map served last at the cheap pool's gate sees it deliver nothing yet; the plan keeps the dear one shut. */
  @Test
  void shouldKeepTheDearPoolShutWhileTheCheapOneAloneWouldStillMakeIt() {
    PoolSchedule shut = new PoolSchedule(Map.of("dear", 0L));
    ScheduledPace pace = new ScheduledPace(POOLS, () -> shut, new DeadlinePace(POOLS, 10, 200_000, 1));

    // 80 chunks take 100 s + a run with the whole cheap pool, and nothing finished in the first 60 s
    assertThat(pace.openPools(0, 80)).isEqualTo(1);
    assertThat(pace.openPools(60_000, 80)).isEqualTo(1);
  }

  @Test
  void shouldOpenTheDearPoolAgainWhenTheNodeIsLateEvenWithTheWholeCheapPool() {
    PoolSchedule shut = new PoolSchedule(Map.of("dear", 0L));
    ScheduledPace pace = new ScheduledPace(POOLS, () -> shut, new DeadlinePace(POOLS, 10, 200_000, 1));

    // 80 chunks need 100 s + a run on the whole cheap pool; 100 s are left
    assertThat(pace.openPools(100_000, 80)).isEqualTo(2);
    assertThat(pace.late()).isFalse();
  }

  @Test
  void shouldFollowANewPlanAsSoonAsItArrives() {
    AtomicReference<PoolSchedule> plan = new AtomicReference<>(new PoolSchedule(Map.of("dear", 0L)));
    ScheduledPace pace = new ScheduledPace(POOLS, plan::get, new DeadlinePace(POOLS, 10, 600_000, 1));
    assertThat(pace.openPools(0, 10)).isEqualTo(1);

    plan.set(new PoolSchedule(Map.of("dear", 30_000L)));

    assertThat(pace.openPools(1_000, 10)).isEqualTo(2);
  }

  @Test
  void shouldLookAgainWhenThePlanClosesAPoolBeforeItsOwnCheck() {
    PoolSchedule plan = new PoolSchedule(Map.of("dear", 4_000L));
    ScheduledPace pace = new ScheduledPace(POOLS, () -> plan, new DeadlinePace(POOLS, 60, 600_000, 1));

    assertThat(pace.checkEvery(0)).isEqualTo(Duration.ofSeconds(4));
    assertThat(pace.checkEvery(5_000)).isEqualTo(Duration.ofSeconds(60)); // closed already: its own check
  }
}
