package io.nightshift.runtime.ops;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.nightshift.core.accelerator.BackendSnapshot;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.Telemetry;
import io.nightshift.runtime.backends.BackendFleet;
import io.nightshift.runtime.backends.FleetInventory;
import io.nightshift.runtime.backends.PoolObservation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Each pool's units leased and free, utilisation, power, cost per hour, health and the calls waiting at its gate,
 * from one inventory of the fleet per sample. The last inventory also tells readiness whether any pool is up.
 */
final class PoolGauges {
  private final FleetInventory inventory;
  private final SampledGauge units;
  private final SampledGauge utilisation;
  private final SampledGauge power;
  private final SampledGauge cost;
  private final SampledGauge up;
  private final SampledGauge waiting;
  private final AtomicReference<List<PoolObservation>> last = new AtomicReference<>(List.of());

  PoolGauges(MeterRegistry registry, FleetInventory inventory) {
    this.inventory = inventory;
    this.units = new SampledGauge(registry, MetricNames.POOL_UNITS, "a pool's units, leased and free");
    this.utilisation = new SampledGauge(registry, MetricNames.POOL_UTILISATION,
        "mean utilisation of a pool's units where its telemetry reports it");
    this.power = new SampledGauge(registry, MetricNames.POOL_POWER, "power a pool's units draw where reported");
    this.cost = new SampledGauge(registry, MetricNames.POOL_COST, "what a pool's leased units cost per hour now");
    this.up = new SampledGauge(registry, MetricNames.POOL_UP, "1 while a pool is up or degraded, 0 while down");
    this.waiting = new SampledGauge(registry, MetricNames.POOL_WAITING, "step calls waiting for a pool's units");
  }

  void sample() {
    List<PoolObservation> observed = inventory.observeAll();
    last.set(observed);
    Map<Tags, Number> unitRows = new LinkedHashMap<>();
    Map<Tags, Number> utilisationRows = new LinkedHashMap<>();
    Map<Tags, Number> powerRows = new LinkedHashMap<>();
    Map<Tags, Number> costRows = new LinkedHashMap<>();
    Map<Tags, Number> upRows = new LinkedHashMap<>();
    for (PoolObservation pool : observed) {
      BackendSnapshot s = pool.snapshot();
      Tags tags = Tags.of("pool", pool.id());
      int leased = s.totalUnits() - s.freeUnits();
      unitRows.put(tags.and("status", "leased"), leased);
      unitRows.put(tags.and("status", "free"), s.freeUnits());
      mean(s.telemetry().stream().map(Telemetry::utilizationPercent).toList())
          .ifPresent(v -> utilisationRows.put(tags, v));
      sum(s.telemetry().stream().map(Telemetry::powerWatts).toList()).ifPresent(v -> powerRows.put(tags, v));
      costRows.put(tags.and("currency", s.price().currency()), s.price().perUnitHour() * leased);
      upRows.put(tags, s.health().state() == HealthStatus.State.DOWN ? 0 : 1);
    }
    units.set(unitRows);
    utilisation.set(utilisationRows);
    power.set(powerRows);
    cost.set(costRows);
    up.set(upRows);
    Map<Tags, Number> waitingRows = new LinkedHashMap<>();
    for (BackendFleet.Pool pool : inventory.fleet().pools()) {
      waitingRows.put(Tags.of("pool", pool.id()), pool.gate().waiting().size());
    }
    waiting.set(waitingRows);
  }

  /**
   * Why the process is not ready: every pool of its backends file is down (as the last sample found), so no step
   * it places can run. One pool down among others that are up is a degraded fleet, not an unready process:
   * placement sends work to the others, and nightshift_pool_up shows which; taking an API out of service for it
   * would stop every submission.
   */
  Optional<String> outage() {
    Map<String, HealthStatus> health = new LinkedHashMap<>();
    last.get().forEach(p -> health.put(p.id(), p.snapshot().health()));
    return allDown(health);
  }

  /** @param health each pool's health; none sampled yet is not an outage */
  static Optional<String> allDown(Map<String, HealthStatus> health) {
    if (health.isEmpty() || health.values().stream().anyMatch(h -> h.state() != HealthStatus.State.DOWN)) {
      return Optional.empty();
    }
    return Optional.of("every pool is down: " + health.entrySet().stream()
        .map(e -> e.getKey() + " (" + e.getValue().detail() + ")").collect(Collectors.joining(", ")));
  }

  private static Optional<Double> mean(List<OptionalDouble> readings) {
    OptionalDouble mean = readings.stream().filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble)
        .average();
    return mean.isPresent() ? Optional.of(mean.getAsDouble()) : Optional.empty();
  }

  private static Optional<Double> sum(List<OptionalDouble> readings) {
    List<Double> present = readings.stream().filter(OptionalDouble::isPresent).map(OptionalDouble::getAsDouble)
        .toList();
    return present.isEmpty() ? Optional.empty() : Optional.of(present.stream().mapToDouble(Double::doubleValue).sum());
  }
}
