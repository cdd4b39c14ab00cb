package io.nightshift.runtime.backends;

import io.nightshift.core.accelerator.Lease;
import io.nightshift.core.accelerator.LeaseRequest;
import io.nightshift.core.accelerator.ModelServerHandle;
import io.nightshift.core.accelerator.ModelServerSpec;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Model servers this process starts on its pools' leases for agent steps (a pool's {@code serve:} list): at most
 * one per pool and model, started on the first request and gated by its health check, registered as a model
 * endpoint while it runs, shared by every agent that holds it, and kept warm for its keep-warm time after the
 * last one lets go, because starting costs seconds (llama.cpp) to tens of minutes (Neuron compiles) while
 * consecutive steps of a task usually want the same model. Then it is stopped and its lease released.
 */
public final class ModelServers implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ModelServers.class);

  /** A server this process runs, and who holds it. Guarded by its key's lock. */
  private static final class Running {
    final String key;
    final String endpointId;
    final BackendFleet.Pool pool;
    final ServeConfig serve;
    final Lease lease;
    final ModelServerHandle handle;
    final Set<String> holders = new LinkedHashSet<>();
    ScheduledFuture<?> idleStop;

    Running(String key, String endpointId, BackendFleet.Pool pool, ServeConfig serve, Lease lease,
        ModelServerHandle handle) {
      this.key = key;
      this.endpointId = endpointId;
      this.pool = pool;
      this.serve = serve;
      this.lease = lease;
      this.handle = handle;
    }
  }

  /** What {@link #acquire} hands out. */
  public record Served(String endpointId, String baseUrl, String leaseId, int units, boolean started) {}

  private final BackendFleet fleet;
  private final ModelEndpointRegistry registry;
  private final Map<String, Object> locks = new ConcurrentHashMap<>();
  private final Map<String, Running> running = new ConcurrentHashMap<>();
  private final AtomicInteger started = new AtomicInteger();
  private final ScheduledExecutorService timers = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread t = new Thread(r, "model-server-idle");
    t.setDaemon(true);
    return t;
  });

  public ModelServers(BackendFleet fleet, ModelEndpointRegistry registry) {
    this.fleet = fleet;
    this.registry = registry;
  }

  /**
   * @throws IllegalArgumentException the pool is not here or does not serve the model (not worth retrying)
   * @throws io.nightshift.core.accelerator.AcceleratorException no free units, or the server did not get healthy
   */
  public Served acquire(String poolId, String model, String owner) {
    BackendFleet.Pool pool = fleet.pool(poolId).orElseThrow(() -> new IllegalArgumentException(
        "pool '" + poolId + "' is not served by this worker (it serves " + fleet.ids() + ")"));
    ServeConfig serve = pool.config().serving(model).orElseThrow(() -> new IllegalArgumentException(
        "pool '" + poolId + "' has no serve entry for model '" + model + "'; it serves "
            + pool.config().serve().stream().map(ServeConfig::model).toList() + " (backends file, key 'serve')"));
    String key = poolId + "\u0000" + model;
    synchronized (locks.computeIfAbsent(key, k -> new Object())) {
      Running r = running.get(key);
      if (r != null && pool.backend().health(r.handle).usable()) {
        r.holders.add(owner);
        if (r.idleStop != null) {
          r.idleStop.cancel(false);
          r.idleStop = null;
        }
        return served(r, false);
      }
      if (r != null) {
        log.warn("model server {} on pool {} is no longer healthy; starting a new one", r.endpointId, poolId);
        stop(r);
      }
      r = start(key, pool, serve);
      r.holders.add(owner);
      running.put(key, r);
      return served(r, true);
    }
  }

  /** Idempotent: releasing twice, or after the server stopped, does nothing. */
  public void release(String endpointId, String owner) {
    Optional<Running> found = running.values().stream().filter(r -> r.endpointId.equals(endpointId)).findFirst();
    if (found.isEmpty()) {
      return;
    }
    Running r = found.get();
    synchronized (locks.get(r.key)) {
      if (!r.holders.remove(owner) || !r.holders.isEmpty() || running.get(r.key) != r) {
        return;
      }
      Duration warm = r.serve.keepWarm();
      if (warm.isZero()) {
        stop(r);
      } else {
        r.idleStop = timers.schedule(() -> stopIfIdle(r), warm.toMillis(), TimeUnit.MILLISECONDS);
      }
    }
  }

  /** Servers started so far (a warm one reused is not counted again). */
  public int startCount() {
    return started.get();
  }

  /** Endpoint ids of the servers running now, for tests and logs. */
  public List<String> runningEndpoints() {
    return running.values().stream().map(r -> r.endpointId).sorted().toList();
  }

  private void stopIfIdle(Running r) {
    synchronized (locks.get(r.key)) {
      if (r.holders.isEmpty() && running.get(r.key) == r) {
        log.info("model server {} idle for {}: stopping it and releasing lease {}", r.endpointId,
            r.serve.keepWarm(), r.lease.id());
        stop(r);
      }
    }
  }

  private Running start(String key, BackendFleet.Pool pool, ServeConfig serve) {
    TrackedBackend backend = pool.backend();
    // the agents' token budget needs the window, and a llama-cpp-python server reports it nowhere (read before
    // anything is allocated: a launch command with an impossible --n_ctx is refused here)
    OptionalInt window = LaunchedContextWindow.of(pool.config());
    Lease lease = backend.allocate(LeaseRequest.of("model-server/" + serve.model(), serve.units()));
    try {
      ModelServerSpec spec = new ModelServerSpec(serve.source(), "", freePort(), serve.slots(), Duration.ZERO,
          List.of(), Map.of());
      long t0 = System.nanoTime();
      ModelServerHandle handle = backend.start(lease, spec);
      String id = endpointId(pool.id(), serve.model());
      ModelEndpointConfig.Builder endpoint = ModelEndpointConfig.custom().id(id).baseUrl(handle.baseUrl() + "/v1")
          .modelName(serve.model()).maxConcurrency(serve.slots());
      window.ifPresent(endpoint::contextWindow);
      registry.register(endpoint.build());
      log.info("model server {} for {} up on pool {} lease {} at {} after {} ms", id, serve.model(), pool.id(),
          lease.id(), handle.baseUrl(), (System.nanoTime() - t0) / 1_000_000);
      return new Running(key, id, pool, serve, lease, handle);
    } catch (RuntimeException e) {
      releaseQuietly(backend, lease);
      throw e;
    }
  }

  /** New calls fail at once (endpoint gone), then the process stops and the lease goes; only then is it not running. */
  private void stop(Running r) {
    registry.remove(r.endpointId);
    try {
      r.pool.backend().stop(r.handle);
    } catch (RuntimeException e) {
      log.warn("stopping model server {} failed: {}", r.endpointId, e.toString());
    }
    releaseQuietly(r.pool.backend(), r.lease);
    running.remove(r.key, r);
  }

  private static void releaseQuietly(TrackedBackend backend, Lease lease) {
    try {
      backend.release(lease);
    } catch (RuntimeException e) {
      log.warn("releasing lease {} on pool {} failed: {}", lease.id(), backend.id(), e.toString());
    }
  }

  private String endpointId(String pool, String model) {
    String base = (pool + "-" + model).replaceAll("[^A-Za-z0-9._-]", "-");
    String suffix = "-" + started.incrementAndGet();
    return base.substring(0, Math.min(base.length(), 63 - suffix.length())) + suffix;
  }

  private static Served served(Running r, boolean started) {
    return new Served(r.endpointId, r.handle.baseUrl().toString(), r.lease.id(), r.lease.devices().size(), started);
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException("no free TCP port for a model server", e);
    }
  }

  /** Stops every server and releases its lease (the process is going away). */
  @Override
  public void close() {
    timers.shutdownNow();
    for (Running r : List.copyOf(running.values())) {
      synchronized (locks.get(r.key)) {
        stop(r);
      }
    }
  }
}
