package io.nightshift.runtime.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.nightshift.models.ModelCallObserver;
import io.nightshift.models.ModelCallResult;
import io.nightshift.models.failure.FailureKind;
import io.nightshift.models.failure.ModelCallException;
import java.time.Duration;
import java.util.stream.Stream;

/** Counts model calls, errors and tokens and times them, per configured endpoint. */
public final class ModelCallMeters implements ModelCallObserver {
  /** From a refusal at the circuit breaker to a long generation on a slow local model. */
  private static final Duration[] BUCKETS = Stream.of(0.01, 0.1, 0.5, 1.0, 2.5, 5.0, 10.0, 30.0, 60.0, 120.0, 300.0,
      600.0).map(s -> Duration.ofMillis((long) (s * 1000))).toArray(Duration[]::new);

  private final MeterRegistry registry;

  public ModelCallMeters(MeterRegistry registry) {
    this.registry = registry;
  }

  @Override
  public void answered(ModelCallResult result) {
    String endpoint = result.endpointId();
    calls(endpoint, "ok");
    latency(endpoint, result.latency());
    if (result.usage().reported()) {
      tokens(endpoint, "input").increment(result.usage().input());
      tokens(endpoint, "output").increment(result.usage().output());
    }
  }

  @Override
  public void failed(ModelCallException failure, Duration latency) {
    // an id no endpoint has came from a request, not from configuration: it stays out of the labels
    String endpoint = failure.kind() == FailureKind.UNKNOWN_ENDPOINT ? "unknown" : failure.endpointId();
    String kind = failure.kind().name();
    calls(endpoint, kind);
    Counter.builder(MetricNames.MODEL_ERRORS).description("model calls that failed, by endpoint and kind")
        .tags("endpoint", endpoint, "kind", kind).register(registry).increment();
    latency(endpoint, latency);
  }

  private void calls(String endpoint, String outcome) {
    Counter.builder(MetricNames.MODEL_CALLS).description("model calls, by endpoint and outcome")
        .tags("endpoint", endpoint, "outcome", outcome).register(registry).increment();
  }

  private Counter tokens(String endpoint, String direction) {
    return Counter.builder(MetricNames.MODEL_TOKENS).description("tokens the endpoint reported, by direction")
        .tags("endpoint", endpoint, "direction", direction).register(registry);
  }

  private void latency(String endpoint, Duration latency) {
    Timer.builder(MetricNames.MODEL_LATENCY).description("model call latency, by endpoint")
        .tags("endpoint", endpoint).serviceLevelObjectives(BUCKETS).register(registry).record(latency);
  }
}
