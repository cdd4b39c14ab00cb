package io.nightshift.client;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nightshift.api.v1.SubmitTaskRequest;
import java.time.Duration;
import java.util.function.Supplier;

/** Runs a call that may safely run twice, trying again after UNAVAILABLE as the {@link RetryPolicy} says. */
final class Retries {
  private final RetryPolicy policy;

  Retries(RetryPolicy policy) {
    this.policy = policy;
  }

  <T> T call(Supplier<T> call) {
    for (int attempt = 1; ; attempt++) {
      try {
        return call.get();
      } catch (StatusRuntimeException e) {
        if (!retryable(e) || attempt >= policy.maxAttempts()) {
          throw e;
        }
        pause(policy.backoffAfter(attempt));
      }
    }
  }

  RetryPolicy policy() {
    return policy;
  }

  /**
   * UNAVAILABLE alone: the API did not take the call (it was down, restarting, or Temporal behind it did not answer).
   * DEADLINE_EXCEEDED is the caller's own limit, and every other code is an answer.
   */
  static boolean retryable(StatusRuntimeException e) {
    return e.getStatus().getCode() == Status.Code.UNAVAILABLE;
  }

  /**
   * Whether a submission may be sent again after UNAVAILABLE: only one with an idempotency key, which the API
   * recognises when it sees it twice (the same key and spec answer the first submit's task and start nothing). A
   * task id alone does not make it so: the second try gets ALREADY_EXISTS for the task the first one started, and
   * the caller cannot tell that from a clash with an older task.
   */
  static boolean mayRetry(SubmitTaskRequest request) {
    return !request.getIdempotencyKey().isEmpty();
  }

  static void pause(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw Status.CANCELLED.withDescription("interrupted while waiting to retry").withCause(e).asRuntimeException();
    }
  }
}
