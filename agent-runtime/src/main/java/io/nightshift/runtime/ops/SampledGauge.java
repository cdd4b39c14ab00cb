package io.nightshift.runtime.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.List;
import java.util.Map;

/**
 * A gauge whose rows (one per label set) are replaced by each sample: a pool or endpoint that went away leaves the
 * scrape, rather than showing its last figure for ever.
 */
final class SampledGauge {
  private final MultiGauge gauge;

  SampledGauge(MeterRegistry registry, String name, String description) {
    this.gauge = MultiGauge.builder(name).description(description).register(registry);
  }

  /** @param rows each label set (alternating key, value) with its value now */
  void set(Map<Tags, ? extends Number> rows) {
    List<MultiGauge.Row<?>> list = rows.entrySet().stream()
        .<MultiGauge.Row<?>>map(r -> MultiGauge.Row.of(r.getKey(), r.getValue())).toList();
    gauge.register(list, true);
  }
}
