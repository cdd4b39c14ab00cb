package io.nightshift.runtime.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.accelerator.AcceleratorBackends;
import io.nightshift.workflows.activities.HeldUnits;
import io.nightshift.workflows.activities.UnitDemand;
import io.temporal.failure.ApplicationFailure;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The gate of one simulated 8-unit pool: waits without polling, in the queue's order, and leases that expire. */
class PoolGateTest {
  private BackendFleet fleet;
  private TrackedBackend pool;
  private PoolGate gate;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  @BeforeEach
  void setUp() {
    fleet = BackendFleet.create(List.of(new PoolConfig("simulated", "sim", Map.of("devices", "8"), 1.0, List.of(),
        List.of(), List.of())), AcceleratorBackends.load(), "test");
    pool = fleet.pools().get(0).backend();
    gate = new PoolGate(pool, Clock.systemUTC(), Duration.ofMillis(50), Duration.ofMillis(400), 1.0);
  }

  @AfterEach
  void tearDown() {
    gate.close();
    fleet.close();
  }

  @Test
  void shouldMakeTheSecondEightUnitCallWaitUntilTheFirstReleasesAndSayWhy() throws Exception {
    HeldUnits first = gate.admit("t/a#1", new UnitDemand(8, 0, 0, 0), lines::add);
    CountDownLatch reported = new CountDownLatch(1);
    CompletableFuture<HeldUnits> second = CompletableFuture.supplyAsync(() -> admit("t/b#1", 8, 0, line -> {
      lines.add(line);
      reported.countDown();
    }));

    assertThat(reported.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(second).isNotDone();
    assertThat(lines.get(0)).isEqualTo("waiting for 8 nvidia_gpu on pool sim, 0 ahead (8 of 8 held)");
    assertThat(gate.waiting()).containsExactly("t/b#1 (8)");
    first.close();
    HeldUnits got = second.get(5, TimeUnit.SECONDS);
    assertThat(got.units().orElseThrow().devices()).hasSize(8);
    assertThat(first.unitSeconds()).isPositive();
    got.close();
    assertThat(pool.leases()).isEmpty();
  }

  @Test
  void shouldStartTheHigherPriorityWaiterFirstWhenUnitsFree() throws Exception {
    HeldUnits blocker = gate.admit("t/blocker#1", new UnitDemand(8, 0, 0, 0), lines::add);
    List<String> order = new CopyOnWriteArrayList<>();
    CountDownLatch bothWaiting = new CountDownLatch(2);
    CompletableFuture<Void> low = CompletableFuture.runAsync(() -> {
      try (HeldUnits h = admit("t/low#1", 8, 0, once(bothWaiting))) {
        order.add("low");
      }
    });
    CompletableFuture<Void> high = CompletableFuture.runAsync(() -> {
      try (HeldUnits h = admit("t/high#1", 8, 5, once(bothWaiting))) {
        order.add("high");
      }
    });
    assertThat(bothWaiting.await(5, TimeUnit.SECONDS)).isTrue();

    blocker.close();
    CompletableFuture.allOf(low, high).get(5, TimeUnit.SECONDS);

    assertThat(order).containsExactly("high", "low");
  }

  @Test
  void shouldReleaseALeaseWhoseHolderStoppedRenewingAndInterruptIt() throws Exception {
    CountDownLatch holding = new CountDownLatch(1);
    CompletableFuture<String> wedged = CompletableFuture.supplyAsync(() -> {
      HeldUnits silent = admit("t/wedged#1", 8, 0, lines::add);
      holding.countDown();
      try {
        Thread.sleep(10_000); // never renews
        return "slept on";
      } catch (InterruptedException e) {
        return "interrupted";
      } finally {
        silent.close(); // harmless after expiry
      }
    });
    assertThat(holding.await(5, TimeUnit.SECONDS)).isTrue();
    long start = System.nanoTime();

    HeldUnits next = gate.admit("t/next#1", new UnitDemand(8, 0, 0, 0), lines::add);

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(250));
    assertThat(wedged.get(5, TimeUnit.SECONDS)).isEqualTo("interrupted");
    assertThat(next.units().orElseThrow().devices()).hasSize(8);
    assertThat(pool.leases()).hasSize(1);
    next.close();
  }

  @Test
  void shouldKeepALeaseThatIsRenewed() throws Exception {
    HeldUnits held = gate.admit("t/alive#1", new UnitDemand(4, 0, 0, 0), lines::add);
    for (int i = 0; i < 10; i++) {
      Thread.sleep(100);
      held.renew();
    }
    assertThat(pool.leases()).hasSize(1);
    held.close();
  }

  @Test
  void shouldLeaveTheQueueWhenTheWaitIsCancelled() throws Exception {
    HeldUnits blocker = gate.admit("t/blocker#1", new UnitDemand(8, 0, 0, 0), lines::add);

    assertThatThrownBy(() -> gate.admit("t/cancelled#1", new UnitDemand(2, 0, 0, 0), line -> {
      throw new IllegalStateException("activity cancelled");
    })).hasMessage("activity cancelled");

    assertThat(gate.waiting()).isEmpty();
    blocker.close();
  }

  @Test
  void shouldRefuseMoreUnitsThanThePoolHasWithoutWaiting() {
    assertThatThrownBy(() -> gate.admit("t/huge#1", new UnitDemand(9, 0, 0, 0), lines::add))
        .isInstanceOf(ApplicationFailure.class).hasMessageContaining("pool sim has 8 unit(s) in all; step needs 9");
    assertThat(gate.waiting()).isEmpty();
  }

  @Test
  void shouldTimeEstimatesAtThePoolsSpeedWhenDecidingWhatMayBackfill() throws Exception {
    // 4 units held for an estimated 40 reference seconds, a blocked 8-unit head, then 8 s later a 4-unit request
    // of 30 s: on a pool of speed 1 it ends (at 38 s) before the head's reserved start (40 s) and backfills; on a
    // pool of speed 4 the holder ends at 10 s and the request, ending at 15.5 s, would delay the head
    assertThat(backfillsAfterEightSeconds(1.0)).isTrue();
    assertThat(backfillsAfterEightSeconds(4.0)).isFalse();
  }

  private boolean backfillsAfterEightSeconds(double speed) throws Exception {
    MovableClock clock = new MovableClock();
    try (PoolGate timed = new PoolGate(pool, clock, Duration.ofMillis(50), Duration.ofMinutes(5), speed)) {
      HeldUnits holder = timed.admit("t/holder#1", new UnitDemand(4, 0, 40, 0), lines::add);
      CountDownLatch headWaits = new CountDownLatch(1);
      CompletableFuture<Void> head = CompletableFuture.runAsync(() -> {
        try (HeldUnits h = timed.admit("t/head#1", new UnitDemand(8, 0, 60, 0), once(headWaits))) {
          assertThat(h.units()).isPresent();
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      assertThat(headWaits.await(5, TimeUnit.SECONDS)).isTrue();
      clock.advance(Duration.ofSeconds(8));
      CountDownLatch smallWaits = new CountDownLatch(1);
      CompletableFuture<HeldUnits> small = CompletableFuture.supplyAsync(() -> {
        try {
          return timed.admit("t/small#1", new UnitDemand(4, 0, 30, 0), once(smallWaits));
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      });
      boolean backfilled;
      try {
        small.get(5, TimeUnit.SECONDS).close();
        backfilled = true;
      } catch (java.util.concurrent.TimeoutException e) {
        assertThat(smallWaits.getCount()).isZero();
        backfilled = false;
      }
      holder.close();
      head.get(5, TimeUnit.SECONDS);
      if (!backfilled) {
        small.get(5, TimeUnit.SECONDS).close();
      }
      return backfilled;
    }
  }

  /** A clock the test moves by hand, so estimates can run out without waiting for them. */
  private static final class MovableClock extends Clock {
    private volatile Instant now = Instant.parse("2026-12-05T00:00:00Z");

    void advance(Duration d) {
      now = now.plus(d);
    }

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }

  private HeldUnits admit(String owner, int units, int priority, Consumer<String> waiting) {
    try {
      return gate.admit(owner, new UnitDemand(units, priority, 0, 0), waiting);
    } catch (InterruptedException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Counts down the first time it is told of a wait. */
  private static Consumer<String> once(CountDownLatch latch) {
    boolean[] told = {false};
    return line -> {
      if (!told[0]) {
        told[0] = true;
        latch.countDown();
      }
    };
  }
}
