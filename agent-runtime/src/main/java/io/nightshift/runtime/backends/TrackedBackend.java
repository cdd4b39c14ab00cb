package io.nightshift.runtime.backends;

import io.nightshift.core.accelerator.AcceleratorBackend;
import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.BackendSnapshot;
import io.nightshift.core.accelerator.Device;
import io.nightshift.core.accelerator.EndpointLoad;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.Lease;
import io.nightshift.core.accelerator.LeaseRequest;
import io.nightshift.core.accelerator.ModelServerHandle;
import io.nightshift.core.accelerator.ModelServerSpec;
import io.nightshift.core.accelerator.PreparedModel;
import io.nightshift.core.accelerator.PriceRate;
import java.net.URI;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A configured pool as the runtime hands it out: every call goes to the backend, and the leases and model servers
 * taken through it are remembered, so the API can list them (the SPI's snapshot only says which devices are
 * leased, not by whom, and has no list of endpoints).
 */
public final class TrackedBackend implements AcceleratorBackend {
  private final AcceleratorBackend delegate;
  private final Map<String, Lease> leases = new ConcurrentHashMap<>();
  private final Map<String, ModelServerHandle> endpoints = new ConcurrentHashMap<>();
  private final List<Runnable> releaseListeners = new CopyOnWriteArrayList<>();

  TrackedBackend(AcceleratorBackend delegate) {
    this.delegate = delegate;
  }

  /** Leases granted through this runtime and not yet released, oldest first. */
  public List<Lease> leases() {
    return leases.values().stream().sorted(Comparator.comparing(Lease::grantedAt)).toList();
  }

  /** Model servers started or attached through this runtime and not yet stopped. */
  public List<ModelServerHandle> endpoints() {
    return endpoints.values().stream().sorted(Comparator.comparing(ModelServerHandle::id)).toList();
  }

  /** Called after every release, whoever held the lease (a step's gate, a model server), so waiters wake. */
  void onRelease(Runnable listener) {
    releaseListeners.add(listener);
  }

  public AcceleratorBackend delegate() {
    return delegate;
  }

  @Override public String id() { return delegate.id(); }
  @Override public AcceleratorKind kind() { return delegate.kind(); }
  @Override public List<Device> discover() { return delegate.discover(); }
  @Override public BackendSnapshot snapshot() { return delegate.snapshot(); }
  @Override public HealthStatus health() { return delegate.health(); }
  @Override public HealthStatus health(ModelServerHandle handle) { return delegate.health(handle); }
  @Override public EndpointLoad load(ModelServerHandle handle) { return delegate.load(handle); }
  @Override public PriceRate price() { return delegate.price(); }
  @Override public List<String> commandPrefix(Lease lease) { return delegate.commandPrefix(lease); }

  @Override
  public Lease allocate(LeaseRequest request) {
    Lease lease = delegate.allocate(request);
    leases.put(lease.id(), lease);
    return lease;
  }

  @Override
  public void release(Lease lease) {
    try {
      delegate.release(lease);
    } finally {
      leases.remove(lease.id());
      endpoints.values().removeIf(h -> h.leaseId().equals(lease.id()));
      releaseListeners.forEach(Runnable::run);
    }
  }

  @Override
  public PreparedModel prepare(Lease lease, ModelServerSpec spec) {
    return delegate.prepare(lease, spec);
  }

  @Override
  public ModelServerHandle start(Lease lease, ModelServerSpec spec) {
    ModelServerHandle handle = delegate.start(lease, spec);
    endpoints.put(handle.id(), handle);
    return handle;
  }

  @Override
  public ModelServerHandle attach(URI baseUrl, String model) {
    ModelServerHandle handle = delegate.attach(baseUrl, model);
    endpoints.put(handle.id(), handle);
    return handle;
  }

  @Override
  public void stop(ModelServerHandle handle) {
    try {
      delegate.stop(handle);
    } finally {
      endpoints.remove(handle.id());
    }
  }

  @Override
  public void close() {
    try {
      delegate.close();
    } finally {
      leases.clear();
      endpoints.clear();
    }
  }
}
