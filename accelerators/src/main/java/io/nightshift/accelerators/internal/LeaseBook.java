package io.nightshift.accelerators.internal;

import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.Device;
import io.nightshift.core.accelerator.Lease;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Which devices of one pool are held by which lease. Callers synchronise on the book. */
public final class LeaseBook {
  private final String backendId;
  private final AcceleratorKind kind;
  private final Map<String, Lease> leases = new LinkedHashMap<>();

  public LeaseBook(String backendId, AcceleratorKind kind) {
    this.backendId = backendId;
    this.kind = kind;
  }

  public synchronized Set<String> leasedDeviceIds() {
    Set<String> ids = new HashSet<>();
    leases.values().forEach(l -> l.devices().forEach(d -> ids.add(d.id())));
    return ids;
  }

  public synchronized List<Device> free(List<Device> all) {
    Set<String> leased = leasedDeviceIds();
    return all.stream().filter(d -> !leased.contains(d.id())).toList();
  }

  public synchronized Lease grant(String owner, List<Device> devices, Map<String, String> environment) {
    Set<String> leased = leasedDeviceIds();
    for (Device d : devices) {
      if (leased.contains(d.id())) {
        throw new IllegalStateException("device " + d.id() + " is already leased");
      }
    }
    Lease lease = new Lease(UUID.randomUUID().toString(), backendId, kind, owner, devices, environment, Instant.now());
    leases.put(lease.id(), lease);
    return lease;
  }

  public synchronized Optional<Lease> find(String leaseId) {
    return Optional.ofNullable(leases.get(leaseId));
  }

  public synchronized boolean release(String leaseId) {
    return leases.remove(leaseId) != null;
  }

  public synchronized Collection<Lease> all() {
    return List.copyOf(leases.values());
  }
}
