package io.nightshift.workflows.task.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The timeline and the attempt log stay bounded however long a task runs or a step is retried. */
class TimelineBoundsTest {
  @Test
  void shouldKeepTheLatestEntriesAndCountTheDroppedOnesAcrossACarry() {
    Timeline timeline = new Timeline(Optional.empty());
    for (int i = 1; i <= 300; i++) {
      timeline.record(TimelineKind.STEP_STARTED, "s" + i, "", i);
    }
    Timeline next = new Timeline(Optional.of(timeline.snapshot())); // continue-as-new
    next.record(TimelineKind.STEP_SUCCEEDED, "s300", "x".repeat(1000), 301);

    TimelineState state = next.snapshot();
    assertThat(state.sequence()).isEqualTo(301);
    assertThat(state.entries()).hasSize(Timeline.RETAINED);
    assertThat(state.dropped()).isEqualTo(301 - Timeline.RETAINED);
    assertThat(state.entries().get(0).sequence()).isEqualTo(state.dropped() + 1);
    assertThat(state.entries().get(Timeline.RETAINED - 1).detail()).hasSize(Timeline.DETAIL_CHARS).endsWith("...");
  }

  @Test
  void shouldRecordATaskStateOnceHoweverOftenItIsSet() {
    Timeline timeline = new Timeline(Optional.empty());
    timeline.state("RUNNING", 1);
    Timeline next = new Timeline(Optional.of(timeline.snapshot()));
    next.state("RUNNING", 2); // the next run sets its state again
    next.state("SUCCEEDED", 3);
    assertThat(next.snapshot().entries()).extracting(TimelineEntry::detail).containsExactly("RUNNING", "SUCCEEDED");
  }

  @Test
  void shouldKeepTheLatestAttemptsOfAStepRetriedManyTimes() {
    StepClocks clocks = new StepClocks(Map.of());
    clocks.started("s", 1000);
    clocks.succeeded("s", 25, 9000);

    StepClock clock = clocks.of("s").orElseThrow();
    assertThat(clock.attempts()).hasSize(StepClocks.ATTEMPTS_KEPT);
    assertThat(clock.attempts()).extracting(AttemptRecord::number).containsExactly(16, 17, 18, 19, 20, 21, 22, 23,
        24, 25);
    assertThat(clock.attempts().get(9)).isEqualTo(new AttemptRecord(25, 0, 9000, AttemptRecord.SUCCEEDED, ""));
    assertThat(clock.startedAtMillis()).isEqualTo(1000);
    assertThat(clock.endedAtMillis()).isEqualTo(9000);
  }
}
