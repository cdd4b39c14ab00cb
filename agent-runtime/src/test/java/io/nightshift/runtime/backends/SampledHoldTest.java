package io.nightshift.runtime.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.nightshift.core.accelerator.AcceleratorBackends;
import io.nightshift.core.accelerator.UnitTelemetry;
import io.nightshift.workflows.activities.HeldUnits;
import io.nightshift.workflows.activities.UnitDemand;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Step calls' leases with their units' telemetry sampled, on a simulated pool of 4 devices (busy: 100 %, 700 W;
 * idle: 0 %, 70 W) and the CPU pool (which reads no telemetry): when samples are taken, that only the leased
 * devices count, and that the pool is read at most once per gap however many calls want samples.
 */
class SampledHoldTest {
  private final AtomicInteger reads = new AtomicInteger();
  private BackendFleet fleet;
  private PoolTelemetry telemetry;
  private SampledAdmission admission;

  @AfterEach
  void tearDown() {
    telemetry.close();
    fleet.close();
  }

  @Test
  void shouldSampleAtTheStartEveryIntervalAndAtTheEndTheLeasedDevicesOnly() throws Exception {
    pool("simulated", Map.of("devices", "4"), Duration.ofMillis(100),
        Duration.ofMillis(20));

    UnitTelemetry u;
    double unitSeconds;
    try (HeldUnits held = hold("t/pair#1", 2)) {
      Thread.sleep(350);
      held.close();
      u = held.telemetry().orElseThrow();
      unitSeconds = held.unitSeconds();
    }

    assertThat(u.samples()).as("start, about three on the interval, end").isBetween(4, 6);
    assertThat(u.meanUtilizationPercent()).hasValue(100); // the two idle devices at 0 % do not count
    assertThat(u.peakUtilizationPercent()).hasValue(100);
    assertThat(u.meanPowerWatts()).hasValue(2 * 700.0); // not the idle pair's 2 x 70 W besides
    assertThat(u.energyJoules().getAsDouble()).isCloseTo(700 * unitSeconds, within(700 * 0.05));
    assertThat(u.peakMemoryUsedBytes()).as("the simulator reads no memory").isEmpty();
  }

  @Test
  void shouldReadThePoolAtMostOncePerGapHoweverManyCallsHoldItsUnits() throws Exception {
    pool("simulated", Map.of("devices", "4"), Duration.ofMillis(50),
        Duration.ofSeconds(30));

    HeldUnits a = hold("t/a#1", 1);
    HeldUnits b = hold("t/b#1", 1);
    HeldUnits c = hold("t/c#1", 2);
    Thread.sleep(300);
    List.of(a, b, c).forEach(HeldUnits::close);

    // each call wants a sample at its start, every 50 ms and at its end: some 20 in all, from one read
    assertThat(reads.get()).isEqualTo(1);
    assertThat(a.telemetry().orElseThrow().meanUtilizationPercent()).hasValue(100);
  }

  @Test
  void shouldSampleACallThatStartsJustAfterAReadAtTheNextOne() throws Exception {
    pool("simulated", Map.of("devices", "4"), Duration.ofSeconds(30),
        Duration.ofMillis(200));
    HeldUnits first = hold("t/first#1", 2);
    Thread.sleep(50);

    HeldUnits next = hold("t/next#1", 2);
    Thread.sleep(800);

    // the pool was read for the first call 50 ms before; the next read, a gap later, serves the next call
    assertThat(reads.get()).isEqualTo(2);
    UnitTelemetry u = next.telemetry().orElseThrow();
    assertThat(u.samples()).isEqualTo(1);
    assertThat(u.meanPowerWatts()).hasValue(2 * 700.0);
    List.of(first, next).forEach(HeldUnits::close);
  }

  @Test
  void shouldKeepAClosedHoldsFiguresFixed() throws Exception {
    pool("simulated", Map.of("devices", "4"), Duration.ofMillis(20),
        Duration.ofMillis(10));
    HeldUnits held = hold("t/once#1", 1);
    Thread.sleep(100);
    held.close();
    UnitTelemetry atClose = held.telemetry().orElseThrow();

    Thread.sleep(100);

    assertThat(held.telemetry()).contains(atClose);
  }

  @Test
  void shouldHaveNoTelemetryOnAnExecutorThatReadsNone() throws Exception {
    pool("cpu", Map.of("cores", "2"), Duration.ofMillis(20), Duration.ofMillis(10));

    try (HeldUnits held = hold("t/cpu#1", 1)) {
      Thread.sleep(60);
      held.close();

      assertThat(reads.get()).isPositive();
      assertThat(held.telemetry()).isEmpty();
    }
  }

  /** The pool whose step calls the test admits, its telemetry read through a counter of the reads. */
  private void pool(String type, Map<String, String> settings, Duration every, Duration gap) {
    fleet = BackendFleet.create(List.of(new PoolConfig(type, "p", settings, 1.0, List.of(), List.of(), List.of())),
        AcceleratorBackends.load(), "test");
    BackendFleet.Pool pool = fleet.pools().get(0);
    telemetry = new PoolTelemetry(TestFactories.onSnapshot(pool.backend(), reads::incrementAndGet), Clock.systemUTC(),
        every, gap);
    admission = new SampledAdmission(pool.gate(), telemetry);
  }

  private HeldUnits hold(String owner, int units) throws InterruptedException {
    return admission.admit(owner, new UnitDemand(units, 0, 0, 0), line -> {});
  }
}
