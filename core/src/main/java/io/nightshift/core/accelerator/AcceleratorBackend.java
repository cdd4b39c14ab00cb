package io.nightshift.core.accelerator;

import java.net.URI;
import java.util.List;

/**
 * One pool of accelerators on this machine (or a labelled simulation of one). Implementations are thread-safe:
 * workers call them from many activity threads at once.
 *
 * <p>Errors: methods throw {@link AcceleratorException} with a {@link AcceleratorException.Reason}; the runtime maps
 * {@link AcceleratorException#retryable()} onto Temporal's retry policy. {@link #snapshot()} and {@link #health()}
 * never throw: a pool whose discovery fails reports itself DOWN with the reason, so a broken {@code nvidia-smi}
 * takes one pool out of placement instead of crashing the worker.
 */
public interface AcceleratorBackend extends AutoCloseable {

  /** Pool id, unique in a deployment; also the name of its Temporal task queue's suffix. */
  String id();

  AcceleratorKind kind();

  /** Asks the hardware tool again for the devices present; updates {@link #health()}. */
  List<Device> discover();

  /** Devices, leases, telemetry, health and price now. Never throws. */
  BackendSnapshot snapshot();

  /** Exclusive units, or {@code NO_CAPACITY} / {@code INVALID_REQUEST}. */
  Lease allocate(LeaseRequest request);

  /**
   * What a process must be started under to run only on the lease's units, beyond its environment: for example
   * {@code taskset -c 2,3} for CPU cores, which no environment variable can pin. Empty for most hardware, whose
   * environment ({@link Lease#environment()}) is enough.
   */
  default List<String> commandPrefix(Lease lease) {
    return List.of();
  }

  /** Frees the lease's units and stops any server Nightshift started on it. Releasing twice is harmless. */
  void release(Lease lease);

  /**
   * Makes the model ready to load on a lease of this size: compile ahead of time (Neuron) or nothing (GPU, CPU).
   * Reuses earlier work, so a second call for the same model and unit count is quick.
   */
  default PreparedModel prepare(Lease lease, ModelServerSpec spec) {
    return PreparedModel.notNeeded(spec.model(), lease.units());
  }

  /** Starts a model server with the lease's environment and returns once its health check passes. */
  ModelServerHandle start(Lease lease, ModelServerSpec spec);

  /** Uses a server that is already running (started by an operator); Nightshift will not stop it. */
  ModelServerHandle attach(URI baseUrl, String model);

  /** Is this endpoint ready to serve? Never throws. */
  HealthStatus health(ModelServerHandle handle);

  /** Load reported by the endpoint's own metrics; {@link EndpointLoad#unknown()} when it has none. */
  default EndpointLoad load(ModelServerHandle handle) {
    return EndpointLoad.unknown();
  }

  /** Stops a server this backend started; does nothing for attached ones. */
  void stop(ModelServerHandle handle);

  /** Health of the pool itself (its discovery tool and devices). Never throws. */
  HealthStatus health();

  /** Price per unit-hour, from configuration. */
  PriceRate price();

  /** Stops every server this backend started and releases all leases. */
  @Override
  void close();
}
