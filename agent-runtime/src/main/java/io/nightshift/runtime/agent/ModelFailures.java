package io.nightshift.runtime.agent;

import io.nightshift.models.ModelCallException;
import io.temporal.failure.ApplicationFailure;

/**
 * A classified model failure as a Temporal failure: retryable kinds (429, 5xx, timeouts, an open circuit) are
 * retried by the activity's policy, and a server's Retry-After (or the circuit's open time) replaces the policy's
 * next interval; the others (bad request, context too long, unknown endpoint) fail at once. The type is the
 * exception's stable {@code ModelCall.KIND}, so policies and UIs can tell them apart.
 */
final class ModelFailures {
  private ModelFailures() {}

  static ApplicationFailure of(ModelCallException e) {
    if (!e.retryable()) {
      return ApplicationFailure.newNonRetryableFailureWithCause(e.getMessage(), e.type(), e);
    }
    return e.retryAfter()
        .map(delay -> ApplicationFailure.newFailureWithCauseAndDelay(e.getMessage(), e.type(), e, delay))
        .orElseGet(() -> ApplicationFailure.newFailureWithCause(e.getMessage(), e.type(), e));
  }
}
