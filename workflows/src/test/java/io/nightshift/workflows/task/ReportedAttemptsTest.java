package io.nightshift.workflows.task;

import static org.assertj.core.api.Assertions.assertThat;

import io.nightshift.workflows.activities.AttemptSpan;
import io.nightshift.workflows.activities.AttemptTrail;
import io.nightshift.workflows.activities.StepBeat;
import io.temporal.api.enums.v1.RetryState;
import io.temporal.api.enums.v1.TimeoutType;
import io.temporal.common.converter.DefaultDataConverter;
import io.temporal.failure.ActivityFailure;
import io.temporal.failure.ApplicationFailure;
import io.temporal.failure.TemporalFailure;
import io.temporal.failure.TimeoutFailure;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the workflow learns of a failed step call's attempts, from each kind of failure Temporal hands it. */
class ReportedAttemptsTest {
  private static final List<AttemptSpan> SPANS = List.of(new AttemptSpan(1, 100, 200, "endpoint busy"),
      new AttemptSpan(2, 1_200, 1_300, "endpoint busy"));

  @Test
  void shouldReadTheAttemptsTheLastFailureCarriesAsItsDetails() {
    assertThat(ReportedAttempts.of(activityFailure(
        ApplicationFailure.newFailure("endpoint busy", "ToolTransientError", new AttemptTrail(SPANS)))))
        .isEqualTo(SPANS);
  }

  @Test
  void shouldReadTheLastBeatOfAnAttemptThatTimedOut() {
    List<AttemptSpan> running = List.of(SPANS.get(0), new AttemptSpan(2, 1_200, 0, ""));
    TimeoutFailure timeout = new TimeoutFailure("activity Heartbeat timeout",
        StepBeat.running("p", "dock", Optional.empty(), running), TimeoutType.TIMEOUT_TYPE_HEARTBEAT);
    timeout.setDataConverter(DefaultDataConverter.STANDARD_INSTANCE);

    assertThat(ReportedAttempts.of(activityFailure(timeout))).isEqualTo(running);
  }

  @Test
  void shouldReadNothingFromFailuresThatCarryNoAttempts() {
    assertThat(ReportedAttempts.of(activityFailure(ApplicationFailure.newFailure("older worker", "X")))).isEmpty();
    assertThat(ReportedAttempts.of(activityFailure(ApplicationFailure.newFailure("other details", "X", 42))))
        .isEmpty();
    assertThat(ReportedAttempts.of(ApplicationFailure.newFailure("a child pipeline's", "X", new AttemptTrail(SPANS))))
        .as("not an activity's failure").isEmpty();
  }

  private static ActivityFailure activityFailure(TemporalFailure cause) {
    return new ActivityFailure("Activity task failed", 5, 6, "RunStep", "1", RetryState.RETRY_STATE_MAXIMUM_ATTEMPTS_REACHED,
        "worker", cause);
  }
}
