package io.nightshift.runtime.backends;

import io.nightshift.accelerators.HostDiscovery;
import io.nightshift.core.accelerator.AcceleratorBackend;
import io.nightshift.core.accelerator.AcceleratorBackendFactory;
import io.nightshift.core.accelerator.AcceleratorBackends;
import io.nightshift.core.accelerator.AcceleratorException;
import io.nightshift.workflows.backends.BackendQueues;
import io.nightshift.workflows.activities.ActivityToolRunner;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The accelerator pools this process holds, built at start-up from the backends file by the {@link
 * AcceleratorBackendFactory} plug-ins on the class path, and closed (servers stopped, leases released) on shutdown.
 * Building touches no hardware: a pool whose tool is missing or broken is created and reports itself DOWN later.
 */
public final class BackendFleet implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BackendFleet.class);

  /**
   * How long a step's lease outlives the last heartbeat of the call holding it: three heartbeat timeouts of
   * steps (10 s, {@code ActivityPolicies}), so a slow beat never costs a lease, and units held by a call Temporal
   * gave up on come back within half a minute.
   */
  static final Duration LEASE_EXPIRY = Duration.ofSeconds(30);

  /**
   * One configured pool, the backend serving it, the gate its step calls wait at for their units, and the reader of
   * its telemetry that samples those units while the calls hold them.
   */
  public record Pool(PoolConfig config, TrackedBackend backend, PoolGate gate, PoolTelemetry telemetry) {
    public String id() {
      return config.id();
    }

    /** How the pool's step calls get their units: at its gate, with their telemetry sampled while they hold them. */
    public SampledAdmission stepAdmission() {
      return new SampledAdmission(gate, telemetry);
    }

    public String taskQueue() {
      return BackendQueues.forPool(config.id());
    }
  }

  private final String source;
  private final List<Pool> pools;

  private BackendFleet(String source, List<Pool> pools) {
    this.source = source;
    this.pools = List.copyOf(pools);
  }

  /**
   * From {@code --backends FILE}, or when {@code file} is null what this machine has: the pools {@link HostDiscovery}
   * finds through the device tools on the PATH ({@code nvidia}, {@code trainium}) and always {@code cpu}.
   */
  public static BackendFleet open(Path file) {
    return open(file, System.getenv("PATH"));
  }

  static BackendFleet open(Path file, String searchPath) {
    AcceleratorBackends factories = AcceleratorBackends.load();
    if (file == null) {
      List<PoolConfig> found = HostDiscovery.onPath(searchPath, factories).pools().stream()
          .map(p -> new PoolConfig(p.settings().type(), p.settings().id(), p.settings().properties(), 1.0, List.of(),
              List.of(), List.of()))
          .toList();
      return create(found, factories, "(discovered on this machine: device tools on the PATH, and the CPU)");
    }
    return create(BackendsFile.read(file), factories, file.toAbsolutePath().toString());
  }

  /** Builds every pool, or none: on the first error the pools built so far are closed again. */
  public static BackendFleet create(List<PoolConfig> configs, AcceleratorBackends factories, String source) {
    List<Pool> built = new ArrayList<>();
    try {
      for (PoolConfig config : configs) {
        TrackedBackend backend = build(config, factories, source);
        built.add(new Pool(config, backend, new PoolGate(backend, Clock.systemUTC(),
            Duration.ofMillis(ActivityToolRunner.HEARTBEAT_EVERY_MILLIS), LEASE_EXPIRY, config.speed()),
            new PoolTelemetry(backend, Clock.systemUTC(), PoolTelemetry.SAMPLE_EVERY, PoolTelemetry.READ_GAP)));
      }
      return new BackendFleet(source, built);
    } catch (RuntimeException e) {
      built.forEach(BackendFleet::closeQuietly);
      throw e;
    }
  }

  private static TrackedBackend build(PoolConfig config, AcceleratorBackends factories, String source) {
    String where = "backends file " + source + ", pool '" + config.id() + "'";
    AcceleratorBackendFactory factory;
    try {
      factory = factories.factory(config.type());
    } catch (AcceleratorException e) {
      throw new BackendsConfigException(where + ", key 'type': " + e.getMessage(), e);
    }
    AcceleratorBackend backend;
    try {
      backend = factory.create(config.settings());
    } catch (RuntimeException e) {
      // Built-in factories already name the pool and the key ("pool 'gpu' key 'startup-timeout' must be ...").
      throw new BackendsConfigException(where + " (type " + config.type() + "): " + e.getMessage(), e);
    }
    if (!backend.id().equals(config.id())) {
      closeQuietly(backend);
      throw new BackendsConfigException(where + ": factory " + factory.getClass().getName() + " built a pool with id '"
          + backend.id() + "'; a factory must keep the configured id");
    }
    TrackedBackend tracked = new TrackedBackend(backend);
    for (int i = 0; i < config.endpoints().size(); i++) {
      EndpointConfig e = config.endpoints().get(i);
      try {
        tracked.attach(e.baseUrl(), e.model());
      } catch (RuntimeException ex) {
        closeQuietly(tracked);
        throw new BackendsConfigException(where + ", key 'endpoints[" + i + "]': cannot attach " + e.baseUrl()
            + ": " + ex.getMessage(), ex);
      }
    }
    return tracked;
  }

  public List<Pool> pools() {
    return pools;
  }

  public Optional<Pool> pool(String id) {
    return pools.stream().filter(p -> p.id().equals(id)).findFirst();
  }

  public List<String> ids() {
    return pools.stream().map(Pool::id).toList();
  }

  /** Where the pools came from (the file, or the default), for logs and errors. */
  public String source() {
    return source;
  }

  @Override
  public void close() {
    pools.forEach(BackendFleet::closeQuietly);
  }

  private static void closeQuietly(Pool pool) {
    pool.telemetry().close();
    pool.gate().close();
    closeQuietly(pool.backend());
  }

  private static void closeQuietly(AcceleratorBackend backend) {
    try {
      backend.close();
    } catch (RuntimeException e) {
      log.warn("closing pool {} failed: {}", backend.id(), e.toString());
    }
  }
}
