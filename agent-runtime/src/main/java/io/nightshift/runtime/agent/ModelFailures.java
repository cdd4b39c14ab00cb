package io.nightshift.runtime.agent;

import io.nightshift.core.planner.Planner;
import io.nightshift.models.failure.ModelCallException;
import io.temporal.failure.ApplicationFailure;

/**
 * A classified model failure as a Temporal failure, for activities that call models (the agent's model call, a
 * model-backed planner): retryable kinds (429, 5xx, timeouts, an open circuit) are
 * retried by the activity's policy, and a server's Retry-After (or the circuit's open time) replaces the policy's
 * next interval; the others (bad request, context too long, unknown endpoint) fail at once. The type is the
 * exception's stable {@code ModelCall.KIND}, so policies and UIs can tell them apart.
 */
public final class ModelFailures {
  private ModelFailures() {}

  public static ApplicationFailure of(ModelCallException e) {
    if (!e.retryable()) {
      return ApplicationFailure.newNonRetryableFailureWithCause(e.getMessage(), e.type(), e);
    }
    return e.retryAfter()
        .map(delay -> ApplicationFailure.newFailureWithCauseAndDelay(e.getMessage(), e.type(), e, delay))
        .orElseGet(() -> ApplicationFailure.newFailureWithCause(e.getMessage(), e.type(), e));
  }

  /**
   * The planner, with its model failures classified for the planning activity: without this a bad request to the
   * planner's endpoint would be retried like any exception, and a 429's Retry-After ignored.
   */
  public static Planner classified(Planner planner) {
    return request -> {
      try {
        return planner.plan(request);
      } catch (ModelCallException e) {
        throw of(e);
      }
    };
  }
}
