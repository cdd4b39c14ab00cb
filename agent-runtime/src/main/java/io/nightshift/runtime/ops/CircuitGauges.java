package io.nightshift.runtime.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.resilience.ResilienceSnapshot;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Each model endpoint's circuit-breaker state as a 1 among 0s, so a dashboard can plot "endpoints open" with a
 * plain sum. Sampled, since endpoints of model servers come and go with their leases.
 */
final class CircuitGauges {
  /** Resilience4j's states; a state outside these still shows, as its own row. */
  private static final List<String> STATES = List.of("CLOSED", "OPEN", "HALF_OPEN", "FORCED_OPEN", "DISABLED",
      "METRICS_ONLY");

  private final ModelEndpointRegistry endpoints;
  private final SampledGauge state;

  CircuitGauges(MeterRegistry registry, ModelEndpointRegistry endpoints) {
    this.endpoints = endpoints;
    this.state = new SampledGauge(registry, MetricNames.CIRCUIT_STATE,
        "1 for a model endpoint's circuit-breaker state now, 0 for the others");
  }

  void sample() {
    Map<Tags, Number> rows = new LinkedHashMap<>();
    for (ResilienceSnapshot s : endpoints.snapshots()) {
      for (String name : STATES) {
        rows.put(Tags.of("endpoint", s.endpointId(), "state", name), name.equals(s.circuitState()) ? 1 : 0);
      }
      rows.putIfAbsent(Tags.of("endpoint", s.endpointId(), "state", s.circuitState()), 1);
    }
    state.set(rows);
  }
}
