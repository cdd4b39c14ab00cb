package io.nightshift.core.accelerator.placement;

import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.BackendSnapshot;
import java.util.Objects;
import java.util.Set;

/**
 * What placement knows about one pool: built by an activity from a {@link BackendSnapshot} plus the runtime's
 * circuit-breaker state, then handed to workflow code as a plain value.
 *
 * @param speed              work per unit-hour relative to a reference device (1.0); from configuration or the
 *                           simulator's model
 * @param memoryBytesPerUnit smallest memory of a free unit
 * @param models             models the pool serves; empty means it can load any
 * @param healthy            the pool's health is not DOWN
 * @param circuitOpen        the pool's circuit breaker is open (its endpoint has been failing)
 */
public record PoolView(
    String poolId, AcceleratorKind kind, int freeUnits, int totalUnits, long memoryBytesPerUnit,
    double pricePerUnitHour, double wattsPerUnit, double speed, Set<String> models, boolean healthy,
    boolean circuitOpen) {
  public PoolView {
    Objects.requireNonNull(poolId, "poolId");
    Objects.requireNonNull(kind, "kind");
    models = Set.copyOf(models == null ? Set.of() : models);
    if (freeUnits < 0 || totalUnits < freeUnits) {
      throw new IllegalArgumentException("need 0 <= freeUnits <= totalUnits, were " + freeUnits + ", " + totalUnits);
    }
    if (!(speed > 0) || Double.isInfinite(speed)) {
      throw new IllegalArgumentException("speed must be a finite number > 0, was " + speed);
    }
  }

  public static PoolView of(BackendSnapshot snapshot, double speed, Set<String> models, boolean circuitOpen) {
    return new PoolView(snapshot.backendId(), snapshot.kind(), snapshot.freeUnits(), snapshot.totalUnits(),
        snapshot.minFreeUnitMemoryBytes(), snapshot.price().perUnitHour(), snapshot.price().wattsPerUnit(), speed,
        models, snapshot.health().usable(), circuitOpen);
  }

  public PoolView withCircuitOpen(boolean open) {
    return new PoolView(poolId, kind, freeUnits, totalUnits, memoryBytesPerUnit, pricePerUnitHour, wattsPerUnit,
        speed, models, healthy, open);
  }

  public PoolView withFreeUnits(int free) {
    return new PoolView(poolId, kind, free, totalUnits, memoryBytesPerUnit, pricePerUnitHour, wattsPerUnit,
        speed, models, healthy, circuitOpen);
  }
}
