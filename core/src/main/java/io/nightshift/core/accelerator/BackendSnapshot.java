package io.nightshift.core.accelerator;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * One pool's inventory at one moment: its devices, which are leased, their telemetry, its health and price.
 * Placement decides from a list of these, so it never does I/O itself.
 *
 * @param leasedDeviceIds ids of devices held by a lease now
 */
public record BackendSnapshot(
    String backendId, AcceleratorKind kind, List<Device> devices, Set<String> leasedDeviceIds,
    List<Telemetry> telemetry, HealthStatus health, PriceRate price, Instant at) {
  public BackendSnapshot {
    Objects.requireNonNull(backendId, "backendId");
    Objects.requireNonNull(kind, "kind");
    devices = List.copyOf(devices);
    leasedDeviceIds = Set.copyOf(leasedDeviceIds);
    telemetry = List.copyOf(telemetry);
    Objects.requireNonNull(health, "health");
    Objects.requireNonNull(price, "price");
    Objects.requireNonNull(at, "at");
  }

  public int totalUnits() {
    return devices.size();
  }

  public int freeUnits() {
    return (int) devices.stream().filter(d -> !leasedDeviceIds.contains(d.id())).count();
  }

  /** The smallest memory of any free unit, 0 when none is free. */
  public long minFreeUnitMemoryBytes() {
    return devices.stream()
        .filter(d -> !leasedDeviceIds.contains(d.id()))
        .mapToLong(Device::memoryBytes)
        .min()
        .orElse(0);
  }

  public boolean simulated() {
    return !devices.isEmpty() && devices.stream().allMatch(Device::simulated);
  }
}
