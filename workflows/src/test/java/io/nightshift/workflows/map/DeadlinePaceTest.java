package io.nightshift.workflows.map;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A cheap pool of 8 slots and a dear one of 8 at 4x the speed; chunks of 10 s on a reference unit. */
class DeadlinePaceTest {
  private static final List<PoolShare> POOLS = List.of(new PoolShare("cheap", 8, 1, 0.67, 0),
      new PoolShare("dear", 8, 4, 6.15, 0));

  @Test
  void shouldUseOnlyTheCheapPoolWhileItAloneFinishesInTime() {
    // the cheap pool gets through 8 x 1 / 10 = 0.8 chunks/s: 80 chunks take 100 s
    DeadlinePace pace = new DeadlinePace(POOLS, 10, 120_000, 1);

    assertThat(pace.openPools(0, 80)).isEqualTo(1);
    assertThat(pace.late()).isFalse();
  }

  @Test
  void shouldOpenTheDearPoolWhenTheCheapOneAloneWouldBeLateAndCloseItOnceItIsNot() {
    DeadlinePace pace = new DeadlinePace(POOLS, 10, 120_000, 1);

    assertThat(pace.openPools(0, 200)).isEqualTo(2); // 250 s alone; 200 / 4 per s = 50 s together
    for (int i = 0; i < 40; i++) {
      pace.finished("cheap"); // its full pace, 0.8/s, in the 50 s after its first run
    }
    assertThat(pace.openPools(60_000, 40)).isEqualTo(1); // 40 chunks in 50 s on the cheap pool, 60 s left
  }

  @Test
  void shouldTrustWhatTheCheapPoolDeliveredAboveItsShareOnceAChunksTimeHasPassed() {
    DeadlinePace pace = new DeadlinePace(POOLS, 10, 200_000, 0.25);
    assertThat(pace.openPools(0, 120)).isEqualTo(2); // a quarter of 0.8/s: 600 s, of 200

    // the pool turned out free for this map: 24 chunks in the 30 s after its first run, 0.8/s
    for (int i = 0; i < 24; i++) {
      pace.finished("cheap");
    }
    assertThat(pace.openPools(40_000, 96)).isEqualTo(1); // 120 s + a run, of 160 s left
  }

  @Test
  void shouldLookAgainAboutOnceAChunksRunOnTheCheapestPool() {
    assertThat(new DeadlinePace(POOLS, 10, 0, 1).checkEvery(0)).isEqualTo(Duration.ofSeconds(10));
    assertThat(new DeadlinePace(POOLS, 1, 0, 1).checkEvery(0)).isEqualTo(Duration.ofSeconds(5));
  }

  @Test
  void shouldCountOnItsShareOfACheapPoolThatIsBusyWithOtherMapsLongerChunks() {
    // a quarter of the cheap pool is 0.2 chunks/s: 30 chunks take 150 s + a run, within 200 s
    DeadlinePace shared = new DeadlinePace(POOLS, 10, 200_000, 0.25);
    assertThat(shared.openPools(0, 30)).isEqualTo(1);
    // nothing finished in the 30 s after its first run (another map's 8-unit chunks hold the pool): still its share
    assertThat(shared.openPools(40_000, 30)).isEqualTo(1);
    // without a share to count on, a stalled pool looks hopeless and the dear one opens
    DeadlinePace alone = new DeadlinePace(POOLS, 10, 200_000, 1e-6);
    alone.openPools(0, 30);
    assertThat(alone.openPools(40_000, 30)).isEqualTo(2);
  }

  @Test
  void shouldSayItIsLateWhenEveryPoolTogetherCannotMakeIt() {
    DeadlinePace pace = new DeadlinePace(POOLS, 10, 10_000, 1);

    assertThat(pace.openPools(0, 1_000)).isEqualTo(2);
    assertThat(pace.late()).isTrue();
    assertThat(pace.openPools(20_000, 10)).isEqualTo(2); // past the deadline: everything works
    assertThat(pace.late()).isTrue();
  }
}
