package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import com.google.protobuf.util.Timestamps;
import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.StepAttempt;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.pipeline.PlacementSpec;
import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.pipeline.PlannedStep;
import io.nightshift.core.pipeline.Requirements;
import io.nightshift.core.pipeline.StepKind;
import io.nightshift.core.pipeline.StepPolicy;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.runtime.backends.PoolConfig;
import io.nightshift.workflows.activities.AttemptSpan;
import io.temporal.api.enums.v1.PendingActivityState;
import io.temporal.api.failure.v1.Failure;
import io.temporal.api.workflow.v1.PendingActivityInfo;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every attempt of a step whose call Temporal retries, with its times and error, in GetTask's view: while the call
 * is still retried (read from the pending call) and once it ended (the workflow's record of what the call
 * reported). The first test runs it on Temporal's test server, the runtime's pool worker and the API's task reader.
 */
class StepAttemptsViewTest {
  @TempDir Path dir;
  private final FailsTwiceThenHolds tool = new FailsTwiceThenHolds();

  @Test
  void shouldShowEachAttemptWithItsTimesWhileTemporalRetriesAStepAndOnceItSucceeded() throws Exception {
    try (ToolStepsOnPools on = ToolStepsOnPools.start(List.of(new PoolConfig("simulated", "gpus",
        Map.of("devices", "2"), 1.0, List.of(), List.of(), List.of())), StepAttemptsViewTest::plan, tool, dir)) {
      on.startTask("retried");

      Step running = on.awaitStep("retried", s -> s.getAttemptLogCount() == 3, "its third attempt");

      assertThat(running.getAttempts()).isEqualTo(3);
      assertThat(running.getAttemptLogList()).extracting(StepAttempt::getNumber, StepAttempt::getOutcome,
          StepAttempt::getError).containsExactly(
              tuple(1, "RETRIED", "endpoint busy (call 1)"),
              tuple(2, "RETRIED", "endpoint busy (call 2)"),
              tuple(3, "RUNNING", ""));
      assertInOrder(running.getAttemptLogList().subList(0, 2));
      StepAttempt third = running.getAttemptLog(2);
      assertThat(third.hasStartedAt()).isTrue();
      assertThat(third.hasEndedAt()).as("it still runs").isFalse();
      // 200 ms after the second ended; read from the server's record (its clock) until the attempt's own beat is in
      assertThat(Timestamps.toMillis(third.getStartedAt()))
          .isBetween(Timestamps.toMillis(running.getAttemptLog(1).getEndedAt()) - 1_000,
              Timestamps.toMillis(running.getAttemptLog(1).getEndedAt()) + 5_000);

      tool.release();
      on.awaitEnd("retried");
      Step done = on.reader().get("retried", TenantScope.everyTenant()).getSteps(0);
      assertThat(done.getAttemptLogList()).extracting(StepAttempt::getNumber, StepAttempt::getOutcome,
          StepAttempt::getError).containsExactly(
              tuple(1, "RETRIED", "endpoint busy (call 1)"),
              tuple(2, "RETRIED", "endpoint busy (call 2)"),
              tuple(3, "SUCCEEDED", ""));
      assertInOrder(done.getAttemptLogList());
      assertThat(done.getAttemptLogList().subList(0, 2)).as("the retried attempts, as the running view showed them")
          .isEqualTo(running.getAttemptLogList().subList(0, 2));
    } finally {
      tool.release();
    }
  }

  @Test
  void shouldEndAnAttemptThatDiedWithoutAWordAsTemporalSaysAndAddTheOneItStarted() {
    // the beat shows attempt 2 running; Temporal has since failed it (heartbeat timeout) and started attempt 3
    PendingActivityInfo pending = PendingActivityInfo.newBuilder().setAttempt(3)
        .setState(PendingActivityState.PENDING_ACTIVITY_STATE_STARTED)
        .setLastAttemptCompleteTime(Timestamps.fromMillis(5_000))
        .setLastFailure(Failure.newBuilder().setMessage("activity Heartbeat timeout"))
        .setLastStartedTime(Timestamps.fromMillis(6_000)).build();

    List<StepAttempt> attempts = LiveAttempts.attempts(List.of(new AttemptSpan(1, 1_000, 2_000, "endpoint busy"),
        new AttemptSpan(2, 3_000, 0, "")), pending);

    assertThat(attempts).extracting(StepAttempt::getNumber, StepAttempt::getOutcome, StepAttempt::getError,
        a -> Timestamps.toMillis(a.getStartedAt()), a -> a.hasEndedAt() ? Timestamps.toMillis(a.getEndedAt()) : 0L)
        .containsExactly(
            tuple(1, "RETRIED", "endpoint busy", 1_000L, 2_000L),
            tuple(2, "RETRIED", "activity Heartbeat timeout", 3_000L, 5_000L),
            tuple(3, "RUNNING", "", 6_000L, 0L));
  }

  @Test
  void shouldShowAFailedAttemptWaitingForItsBackOffAsRetried() {
    PendingActivityInfo backingOff = PendingActivityInfo.newBuilder().setAttempt(2)
        .setState(PendingActivityState.PENDING_ACTIVITY_STATE_SCHEDULED).build();

    List<StepAttempt> attempts = LiveAttempts.attempts(List.of(new AttemptSpan(1, 1_000, 2_000, "busy")), backingOff);

    assertThat(attempts).extracting(StepAttempt::getNumber, StepAttempt::getOutcome).containsExactly(
        tuple(1, "RETRIED"));
  }

  /** Each attempt has a start and an end, and starts no earlier than the one before it ended. */
  private static void assertInOrder(List<StepAttempt> attempts) {
    long previousEnd = 0;
    for (StepAttempt a : attempts) {
      assertThat(a.hasStartedAt() && a.hasEndedAt()).as("attempt %d has both times", a.getNumber()).isTrue();
      long started = Timestamps.toMillis(a.getStartedAt());
      long ended = Timestamps.toMillis(a.getEndedAt());
      assertThat(started).as("start of attempt %d", a.getNumber()).isGreaterThanOrEqualTo(previousEnd);
      assertThat(ended).as("end of attempt %d", a.getNumber()).isGreaterThanOrEqualTo(started);
      previousEnd = ended;
    }
  }

  private static Plan plan() {
    // retried at once, 200 ms apart: the test reads the view while the third attempt holds
    StepPolicy retried = new StepPolicy(5, 200, 1.0, 200, List.of(), 0, 0, false);
    return new Plan("p", 1, Map.of(), List.of(new PlannedStep("flaky", StepKind.TOOL, "flaky", Map.of(), List.of(),
        retried, null, 0, null, new Requirements("nvidia_gpu", 1, 0, "", 0, 0), null, false)),
        PlacementSpec.DEFAULT, null);
  }

  /** Fails its first two calls as an endpoint would that is busy, then holds until the test lets it go. */
  private static final class FailsTwiceThenHolds implements Tool {
    private final AtomicInteger calls = new AtomicInteger();
    private final HeldUntilReleased held = new HeldUntilReleased();

    void release() {
      held.release();
    }

    @Override
    public ToolDescriptor descriptor() {
      return new ToolDescriptor("flaky", "fails twice, then holds until released", List.of());
    }

    @Override
    public ToolOutput execute(ToolContext context, ToolArguments arguments) {
      int call = calls.incrementAndGet();
      if (call <= 2) {
        throw ToolException.retryable("endpoint busy (call " + call + ")", null);
      }
      return held.execute(context, arguments);
    }
  }
}
