package io.nightshift.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.nightshift.core.pipeline.Plan;
import io.nightshift.core.planner.PlanRequest;
import io.nightshift.core.planner.Planner;
import io.nightshift.models.failure.FailureKind;
import io.nightshift.models.failure.ModelCallException;
import io.temporal.failure.ApplicationFailure;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModelFailuresTest {
  @Test
  void shouldRetryARateLimitAfterTheServersDelay() {
    ApplicationFailure f = ModelFailures.of(
        new ModelCallException("e", FailureKind.RATE_LIMITED, 429, Duration.ofSeconds(7), "slow down", null));

    assertThat(f.isNonRetryable()).isFalse();
    assertThat(f.getType()).isEqualTo("ModelCall.RATE_LIMITED");
    assertThat(f.getNextRetryDelay()).isEqualTo(Duration.ofSeconds(7));
  }

  @Test
  void shouldLeaveTheIntervalToThePolicyWithoutRetryAfter() {
    ApplicationFailure f = ModelFailures.of(
        new ModelCallException("e", FailureKind.SERVER_ERROR, 503, null, "down", null));

    assertThat(f.isNonRetryable()).isFalse();
    assertThat(f.getNextRetryDelay()).isNull();
  }

  @Test
  void shouldClassifyAPlannersModelFailuresAndPassItsPlansThrough() {
    Planner failing = request -> {
      throw new ModelCallException("planner", FailureKind.NOT_FOUND, 404, null, "no such model", null);
    };
    Plan plan = Plan.of("p", 1, Map.of(), List.of());

    ApplicationFailure f = catchThrowableOfType(ApplicationFailure.class,
        () -> ModelFailures.classified(failing).plan(PlanRequest.submitted("goal", null, Map.of())));

    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getType()).isEqualTo("ModelCall.NOT_FOUND");
    assertThat(ModelFailures.classified(request -> plan).plan(PlanRequest.submitted("goal", null, Map.of())))
        .isSameAs(plan);
  }

  @Test
  void shouldFailABadRequestAtOnce() {
    ApplicationFailure f = ModelFailures.of(
        new ModelCallException("e", FailureKind.CONTEXT_LENGTH_EXCEEDED, 400, null, "too long", null));

    assertThat(f.isNonRetryable()).isTrue();
    assertThat(f.getType()).isEqualTo("ModelCall.CONTEXT_LENGTH_EXCEEDED");
    assertThat(f.getOriginalMessage()).contains("too long");
  }

  @Test
  void shouldRetryACallInterruptedBecauseItsWorkerIsStopping() {
    // what the client makes of an interrupted HTTP call: an unexpected failure, which alone would not be retried
    ModelCallException interrupted = new ModelCallException("e", FailureKind.UNEXPECTED, 0, null,
        "Interrupted during action execution", new IllegalStateException("interrupted while calling",
            new InterruptedException()));
    ModelCallException unexpected = new ModelCallException("e", FailureKind.UNEXPECTED, 0, null, "boom", null);

    ApplicationFailure f = ModelFailures.of(interrupted);

    assertThat(f.isNonRetryable()).isFalse();
    assertThat(f.getType()).isEqualTo(ModelFailures.INTERRUPTED);
    assertThat(ModelFailures.of(unexpected).isNonRetryable()).isEqualTo(!unexpected.retryable());
  }
}
