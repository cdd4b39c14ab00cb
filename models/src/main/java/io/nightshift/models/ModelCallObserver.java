package io.nightshift.models;

import io.nightshift.models.failure.ModelCallException;
import java.time.Duration;

/**
 * Told of every model call {@link ModelCall} makes, once it ends, so the runtime can count calls, tokens and
 * latency per endpoint without this module knowing how they are reported. Called on the calling thread: keep it
 * quick, and never throw.
 */
public interface ModelCallObserver {
  /** Observes nothing: for callers that report no metrics (tests, benchmarks). */
  ModelCallObserver NONE = new ModelCallObserver() {
    @Override
    public void answered(ModelCallResult result) {}

    @Override
    public void failed(ModelCallException failure, Duration latency) {}
  };

  /** A call that got an answer; its endpoint, latency and token usage are in {@code result}. */
  void answered(ModelCallResult result);

  /**
   * A call that failed, classified; {@code latency} is zero when it never reached the endpoint (unknown id, refused
   * by the circuit breaker, bulkhead or rate limiter).
   */
  void failed(ModelCallException failure, Duration latency);
}
