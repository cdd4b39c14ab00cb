package io.nightshift.core.accelerator;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * What one subtask used: where it ran, for how long, and what that cost. The runtime records one per lease so the
 * task view can sum accelerator-seconds, cost and energy per pool.
 *
 * @param energyJoules estimate from the pool's configured watts per unit, 0 when unknown
 * @param simulated    true when the pool is the simulator, so reports never mix simulated and real spend
 */
public record AcceleratorUsage(
    String backendId, String leaseId, AcceleratorKind kind, int units, Instant start, Instant end, double cost,
    String currency, double energyJoules, boolean simulated) {
  public AcceleratorUsage {
    Objects.requireNonNull(backendId, "backendId");
    Objects.requireNonNull(leaseId, "leaseId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(currency, "currency");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("end " + end + " is before start " + start);
    }
    if (units < 1) {
      throw new IllegalArgumentException("units must be >= 1, was " + units);
    }
  }

  /** Usage of a lease held from {@code start} to {@code end}, priced at the pool's rate. */
  public static AcceleratorUsage of(Lease lease, PriceRate price, Instant start, Instant end) {
    Duration held = Duration.between(start, end);
    boolean simulated = lease.devices().stream().allMatch(Device::simulated);
    return new AcceleratorUsage(lease.backendId(), lease.id(), lease.kind(), lease.units(), start, end,
        price.cost(lease.units(), held), price.currency(),
        price.wattsPerUnit() * lease.units() * held.toMillis() / 1000.0, simulated);
  }

  public Duration duration() {
    return Duration.between(start, end);
  }

  /** Accelerator-seconds: units held times seconds held. */
  public double unitSeconds() {
    return units * duration().toMillis() / 1000.0;
  }
}
