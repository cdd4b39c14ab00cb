package io.nightshift.core.accelerator;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Exclusive use of some units of one pool until released. The environment is what a process must be started
 * with to see exactly these units ({@code CUDA_VISIBLE_DEVICES=2,3}, {@code NEURON_RT_VISIBLE_CORES=4-7}).
 */
public record Lease(
    String id, String backendId, AcceleratorKind kind, String owner, List<Device> devices,
    Map<String, String> environment, Instant grantedAt) {
  public Lease {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(backendId, "backendId");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(owner, "owner");
    devices = List.copyOf(devices);
    environment = Map.copyOf(environment);
    Objects.requireNonNull(grantedAt, "grantedAt");
    if (devices.isEmpty()) {
      throw new IllegalArgumentException("a lease holds at least one device");
    }
  }

  public int units() {
    return devices.size();
  }

  public List<Integer> indices() {
    return devices.stream().map(Device::index).toList();
  }
}
