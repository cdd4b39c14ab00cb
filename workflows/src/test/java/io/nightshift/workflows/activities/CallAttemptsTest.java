package io.nightshift.workflows.activities;

import static org.assertj.core.api.Assertions.assertThat;

import io.temporal.common.RetryOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How a step call's attempt learns the ones before it from the beat Temporal hands it, and what it hands on. */
class CallAttemptsTest {
  private static final RetryOptions RETRY = RetryOptions.newBuilder().setInitialInterval(Duration.ofSeconds(1))
      .setBackoffCoefficient(2).build();

  @Test
  void shouldStartTheFirstAttemptWithNothingBeforeIt() {
    CallAttempts first = CallAttempts.begin(1, 1_000, RETRY, Optional.empty(), 1_050);

    assertThat(first.list()).containsExactly(new AttemptSpan(1, 1_050, 0, ""));
    assertThat(first.ended("", 1_400)).containsExactly(new AttemptSpan(1, 1_050, 1_400, ""));
  }

  @Test
  void shouldKeepTheEarlierAttemptsTheBeatCarriesAndAddItsOwn() {
    StepBeat beat = beat(new AttemptSpan(1, 100, 200, "endpoint busy"), new AttemptSpan(2, 1_200, 1_300, "again"));

    CallAttempts third = CallAttempts.begin(3, 3_300, RETRY, Optional.of(beat), 3_310);
    List<AttemptSpan> ended = third.ended("still busy", 3_400);

    assertThat(ended).containsExactly(new AttemptSpan(1, 100, 200, "endpoint busy"),
        new AttemptSpan(2, 1_200, 1_300, "again"), new AttemptSpan(3, 3_310, 3_400, "still busy"));
    assertThat(third.ended("a second end is ignored", 9_999)).isEqualTo(ended);
  }

  @Test
  void shouldEndAnAttemptThatDiedWithoutAWordWhenTemporalScheduledTheNextLessItsBackOff() {
    // attempt 2 beat its start, then its worker was lost: Temporal scheduled attempt 3 after the 2 s back-off
    // that follows a second attempt (1 s x 2)
    StepBeat beat = beat(new AttemptSpan(1, 100, 200, "endpoint busy"), new AttemptSpan(2, 1_200, 0, ""));

    CallAttempts third = CallAttempts.begin(3, 12_000, RETRY, Optional.of(beat), 12_010);

    assertThat(third.list()).containsExactly(new AttemptSpan(1, 100, 200, "endpoint busy"),
        new AttemptSpan(2, 1_200, 10_000, CallAttempts.NO_WORD), new AttemptSpan(3, 12_010, 0, ""));
  }

  @Test
  void shouldListAttemptsThatBeatNothingByNumberAlone() {
    // a beat of a worker older than attempts (progress alone), then attempt 3
    CallAttempts third = CallAttempts.begin(3, 5_000, RETRY, Optional.of(StepBeat.ofProgress("p")), 5_010);

    assertThat(third.list()).containsExactly(new AttemptSpan(1, 0, 0, ""),
        new AttemptSpan(2, 0, 3_000, CallAttempts.NO_WORD), new AttemptSpan(3, 5_010, 0, ""));
  }

  @Test
  void shouldKeepOnlyTheLatestAttempts() {
    List<AttemptSpan> many = new ArrayList<>();
    for (int n = 1; n < 30; n++) {
      many.add(new AttemptSpan(n, n * 100L, n * 100L + 50, "busy " + n));
    }

    List<AttemptSpan> kept = CallAttempts.begin(30, 10_000, RETRY, Optional.of(beat(many.toArray(AttemptSpan[]::new))),
        10_000).list();

    assertThat(kept).hasSize(CallAttempts.KEPT);
    assertThat(kept).extracting(AttemptSpan::number).containsExactly(21, 22, 23, 24, 25, 26, 27, 28, 29, 30);
  }

  @Test
  void shouldCutALongError() {
    assertThat(new AttemptSpan(1, 1, 2, "x".repeat(1_000)).error()).hasSize(AttemptSpan.ERROR_CHARS).endsWith("...");
  }

  @Test
  void shouldKeepNoAttemptsForACallThatIsNoStepsAndNotBeatThem() {
    assertThat(CallAttempts.none().ended("failed", 1)).isEmpty();
    assertThat(StepBeat.running("p", "", Optional.empty(), CallAttempts.none().list()))
        .isEqualTo(StepBeat.ofProgress("p"));
  }

  private static StepBeat beat(AttemptSpan... attempts) {
    return StepBeat.running("progress", "dock", Optional.empty(), List.of(attempts));
  }
}
