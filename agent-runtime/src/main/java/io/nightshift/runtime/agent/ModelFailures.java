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

  /** Failure type of a call cut short because its worker is stopping (its thread interrupted): another retries it. */
  public static final String INTERRUPTED = "ModelCallInterrupted";

  public static ApplicationFailure of(ModelCallException e) {
    if (interrupted(e)) {
      // the client classifies an interrupted call as unexpected, which would fail the agent for good; the call
      // itself was fine, the worker is going away (measured: a compaction stopped mid-summary failed its agent)
      return ApplicationFailure.newFailureWithCause("the worker stopped during the call: " + e.getMessage(),
          INTERRUPTED, e);
    }
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

  private static boolean interrupted(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof InterruptedException) {
        return true;
      }
    }
    return Thread.currentThread().isInterrupted();
  }
}
