package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Context;
import io.grpc.Deadline;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.temporal.api.common.v1.WorkflowExecution;
import io.temporal.client.WorkflowServiceException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class CallFailuresTest {
  private static final String TEMPORALS_OWN = "io exception: Connection refused: /10.9.8.7:7233";

  @Test
  void shouldAnswerTemporalNotAnsweringAsUnavailableWithoutItsAddressRawOrWrapped() {
    StatusRuntimeException raw = Status.UNAVAILABLE.withDescription(TEMPORALS_OWN).asRuntimeException();
    StatusRuntimeException timedOut = Status.DEADLINE_EXCEEDED.withDescription("deadline exceeded after 9.9s")
        .asRuntimeException();
    WorkflowServiceException wrapped = new WorkflowServiceException(
        WorkflowExecution.newBuilder().setWorkflowId("task-1").build(), "TaskWorkflow", raw);

    for (RuntimeException failure : new RuntimeException[] {raw, timedOut, wrapped}) {
      StatusRuntimeException answer = CallFailures.toStatus(failure);
      assertThat(answer.getStatus().getCode()).as(failure.toString()).isEqualTo(Status.Code.UNAVAILABLE);
      assertThat(answer.getStatus().getDescription()).isEqualTo(CallFailures.UNREACHABLE)
          .doesNotContain("10.9.8.7");
    }
  }

  /** A Temporal call that stopped with the call's context is the caller's deadline, not Temporal being down. */
  @Test
  void shouldAnswerAFailureAfterTheCallsDeadlinePassedAsDeadlineExceeded() throws Exception {
    ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
    try (Context.CancellableContext call = Context.current().withDeadline(Deadline.after(1, TimeUnit.MILLISECONDS),
        timer)) {
      Thread.sleep(50);
      StatusRuntimeException answer = call.call(() -> CallFailures.toStatus(Status.CANCELLED
          .withDescription("Context cancelled").asRuntimeException()));

      assertThat(answer.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
      assertThat(answer.getStatus().getDescription()).contains("deadline passed");
    } finally {
      timer.shutdownNow();
    }
  }

  @Test
  void shouldAnswerTemporalOverloadedAsResourceExhausted() {
    assertThat(CallFailures.toStatus(Status.RESOURCE_EXHAUSTED.withDescription("namespace rate limit exceeded")
        .asRuntimeException()).getStatus().getCode()).isEqualTo(Status.Code.RESOURCE_EXHAUSTED);
  }

  @Test
  void shouldPassOnTheServicesOwnAnswersWhateverTheirCode() {
    StatusRuntimeException notFound = ApiErrors.notFound("task-1");
    StatusRuntimeException agentAway = ApiErrors.unavailable("agent a-1 could not be asked for its progress");

    assertThat(CallFailures.toStatus(notFound)).isSameAs(notFound);
    assertThat(CallFailures.toStatus(agentAway)).isSameAs(agentAway);
  }

  @Test
  void shouldAnswerABugAsInternalWithALogReferenceNeverUnknownOrItsMessage() {
    StatusRuntimeException answer = CallFailures.toStatus(new IllegalStateException("secret internals"));

    assertThat(answer.getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
    assertThat(answer.getStatus().getDescription()).contains("reference").doesNotContain("secret internals");
    assertThat(CallFailures.toStatus(Status.UNKNOWN.withDescription("Application error processing RPC")
        .asRuntimeException()).getStatus().getCode()).isEqualTo(Status.Code.INTERNAL);
  }
}
