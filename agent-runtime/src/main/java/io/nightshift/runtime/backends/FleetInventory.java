package io.nightshift.runtime.backends;

import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.BackendSnapshot;
import io.nightshift.core.accelerator.EndpointLoad;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.ModelServerHandle;
import io.nightshift.core.accelerator.PriceRate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Observes pools in parallel, each bounded by a time limit. One pool that hangs, throws (a plug-in that breaks the
 * SPI's never-throw promise) or whose tool is broken comes back DOWN with the reason; the others are unaffected,
 * so an inventory never fails because of one pool.
 */
public final class FleetInventory implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(FleetInventory.class);
  /** Longer than the built-in tools' own command timeouts (15-20 s), so they report their own error first. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(25);

  private final BackendFleet fleet;
  private final Duration timeout;
  private final ExecutorService executor;
  private final ModelEndpointGuards guards;

  public FleetInventory(BackendFleet fleet, Duration timeout) {
    this(fleet, timeout, ModelEndpointGuards.none());
  }

  /** @param guards the circuit breakers of the calls to each pool's servers, shown with them */
  public FleetInventory(BackendFleet fleet, Duration timeout, ModelEndpointGuards guards) {
    this.fleet = fleet;
    this.timeout = timeout;
    this.guards = guards;
    AtomicInteger n = new AtomicInteger();
    this.executor = Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "pool-inventory-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    });
  }

  public BackendFleet fleet() {
    return fleet;
  }

  public List<PoolObservation> observeAll() {
    return observe(fleet.pools());
  }

  /** The given pools, in the given order. */
  public List<PoolObservation> observe(List<BackendFleet.Pool> pools) {
    List<CompletableFuture<PoolObservation>> running = new ArrayList<>();
    for (BackendFleet.Pool pool : pools) {
      running.add(CompletableFuture.supplyAsync(() -> observeNow(pool), executor));
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    List<PoolObservation> out = new ArrayList<>();
    for (int i = 0; i < pools.size(); i++) {
      BackendFleet.Pool pool = pools.get(i);
      CompletableFuture<PoolObservation> f = running.get(i);
      try {
        out.add(f.get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS));
      } catch (TimeoutException e) {
        f.cancel(true);
        out.add(down(pool, "no inventory within " + timeout.toSeconds() + " s; its discovery tool may be hung"));
      } catch (ExecutionException e) {
        Throwable cause = e.getCause() == null ? e : e.getCause();
        log.warn("pool {} inventory failed", pool.id(), cause);
        out.add(down(pool, "inventory failed: " + cause));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        out.add(down(pool, "inventory interrupted"));
      }
    }
    return out;
  }

  private PoolObservation observeNow(BackendFleet.Pool pool) {
    TrackedBackend backend = pool.backend();
    BackendSnapshot snapshot = backend.snapshot();
    List<PoolObservation.Endpoint> endpoints = new ArrayList<>();
    for (ModelServerHandle h : backend.endpoints()) {
      endpoints.add(probe(backend, h));
    }
    return new PoolObservation(pool.config(), snapshot, backend.leases(), endpoints);
  }

  private PoolObservation.Endpoint probe(TrackedBackend backend, ModelServerHandle h) {
    HealthStatus health;
    try {
      health = backend.health(h);
    } catch (RuntimeException e) {
      health = HealthStatus.down("health check failed: " + e);
    }
    EndpointLoad load;
    try {
      load = health.usable() ? backend.load(h) : EndpointLoad.unknown();
    } catch (RuntimeException e) {
      load = EndpointLoad.unknown();
    }
    return new PoolObservation.Endpoint(h, health, load, guards.forServer(h));
  }

  private PoolObservation down(BackendFleet.Pool pool, String reason) {
    TrackedBackend b = pool.backend();
    AcceleratorKind kind;
    PriceRate price;
    try {
      kind = b.kind();
      price = b.price();
    } catch (RuntimeException e) {
      kind = AcceleratorKind.CPU;
      price = PriceRate.free();
    }
    BackendSnapshot snapshot = new BackendSnapshot(pool.id(), kind, List.of(), Set.of(), List.of(),
        HealthStatus.down(reason), price, Instant.now());
    List<PoolObservation.Endpoint> endpoints = b.endpoints().stream()
        .map(h -> new PoolObservation.Endpoint(h, HealthStatus.down("pool inventory failed"), EndpointLoad.unknown(),
            guards.forServer(h)))
        .toList();
    return new PoolObservation(pool.config(), snapshot, b.leases(), endpoints);
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
