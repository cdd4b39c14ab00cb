package io.nightshift.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class DemoTimingTest {
  private static final Instant START = Instant.parse("2026-12-06T01:00:00Z");

  @Test
  void shouldSplitTheWallTimeIntoStartUpTaskAndReport() {
    DemoTiming timing = new DemoTiming(START);
    timing.ready(START.plusMillis(6_240));
    timing.submitted(START.plusMillis(6_500));
    timing.finished(START.plusMillis(51_550));

    assertThat(timing.line(START.plusMillis(51_900))).isEqualTo("Demo wall time 51.9 s: start-up 6.2 s (JVM"
        + " start to runtime ready: Temporal dev server, workers, API), task 45.1 s (submitted to finished), report"
        + " 0.4 s");
  }

  @Test
  void shouldGiveTheTotalWhenTheRuntimeNeverBecameReady() {
    assertThat(new DemoTiming(START).line(START.plusMillis(3_000))).isEqualTo("Demo wall time 3.0 s");
  }
}
