package io.nightshift.runtime.ops;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.nightshift.models.ModelCallObserver;
import io.nightshift.runtime.backends.AcceleratorPools;
import io.nightshift.runtime.backends.BackendFleet;
import io.nightshift.runtime.config.OpsListening;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.temporal.TemporalConnection;
import io.nightshift.runtime.temporal.TenantNamespaceClients;
import io.temporal.common.interceptors.WorkerInterceptor;
import java.io.IOException;
import java.net.BindException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A process's metrics, readiness and ops endpoints, started once its Temporal connection and pools are open: the
 * figures that must be asked for (tasks, queues, pools, circuit breakers) are sampled every few seconds on a thread
 * of their own, and {@code --ops-port} gets a listener of its own when set. Roles take what they report through:
 * workers the step timer and the model-call observer, the API readiness for its health service and the endpoints
 * for the workflow UI's port.
 */
public final class Operations implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(Operations.class);
  /** Within a 15 s scrape interval, and a few cheap visibility calls per sample. */
  static final Duration SAMPLE_EVERY = Duration.ofSeconds(5);

  private final ProcessMetrics metrics;
  private final Readiness readiness;
  private final OpsEndpoints endpoints;
  private final ScheduledExecutorService sampler;
  private final Optional<OpsServer> server;
  private final AtomicBoolean rolesStarted;

  private Operations(ProcessMetrics metrics, Readiness readiness, OpsEndpoints endpoints,
      ScheduledExecutorService sampler, Optional<OpsServer> server, AtomicBoolean rolesStarted) {
    this.metrics = metrics;
    this.readiness = readiness;
    this.endpoints = endpoints;
    this.sampler = sampler;
    this.server = server;
    this.rolesStarted = rolesStarted;
  }

  /**
   * Every role of the process has started: until then /readyz and the gRPC health say not ready, so a probe
   * cannot send work to an API whose port is not served yet.
   */
  public void rolesStarted() {
    rolesStarted.set(true);
    readiness.recheck();
  }

  /**
   * @param countTasks whether this process counts tasks and queues in Temporal (where the API runs: one figure per
   *                   API process, not one per worker)
   * @param namespaces the runtime's Temporal connection and the namespaces tenants are mapped to: tasks are counted
   *                   in each
   * @throws IOException when {@code --ops-port} cannot be listened on
   */
  public static Operations start(RuntimeConfig config, boolean countTasks, ProcessMetrics metrics,
      TenantNamespaceClients namespaces, AcceleratorPools pools) throws IOException {
    MeterRegistry registry = metrics.registry();
    TemporalConnection temporal = namespaces.home();
    Gauge.builder(MetricNames.TEMPORAL_REACHABLE, temporal.reachability(), r -> r.state().reachable() ? 1 : 0)
        .description("1 while Temporal answers this process").register(registry);
    PoolGauges poolGauges = new PoolGauges(registry, pools.inventory());
    Optional<CircuitGauges> circuits = pools.endpoints().map(e -> new CircuitGauges(registry, e));
    Optional<TaskCounts> tasks = countTasks ? Optional.of(new TaskCounts(registry, namespaces,
        pools.fleet().pools().stream().map(BackendFleet.Pool::taskQueue).toList())) : Optional.empty();
    AtomicBoolean rolesStarted = new AtomicBoolean();
    Readiness readiness = new Readiness(List.of(
        () -> rolesStarted.get() ? Optional.empty() : Optional.of("starting: the roles have not started yet"),
        () -> temporal.reachability().outage(), poolGauges::outage));
    temporal.reachability().onChange(state -> readiness.recheck());
    ScheduledExecutorService sampler = Executors.newScheduledThreadPool(2, r -> {
      Thread t = new Thread(r, "nightshift-metrics-sampler");
      t.setDaemon(true);
      return t;
    });
    // pools on a thread of their own: one inventory may take as long as a pool's tool, up to FleetInventory's limit
    every(sampler, "pools", () -> {
      poolGauges.sample();
      readiness.recheck();
    });
    every(sampler, "tasks and circuit breakers", () -> {
      circuits.ifPresent(CircuitGauges::sample);
      tasks.ifPresent(TaskCounts::sample);
    });
    OpsEndpoints endpoints = new OpsEndpoints(metrics, readiness);
    Optional<OpsServer> server = Optional.empty();
    OpsListening listening = config.ops();
    if (listening.on()) {
      String host = listening.hostOr(config.apiHost());
      try {
        server = Optional.of(OpsServer.start(host, listening.port(), endpoints));
        log.info("ops endpoints /metrics, /healthz, /readyz on http://{}:{}", host, listening.port());
      } catch (BindException e) {
        sampler.shutdownNow();
        throw new IOException(OpsListening.PORT_FLAG + " " + listening.port() + ": cannot listen on " + host + " ("
            + e.getMessage() + "); choose a free port, or leave the flag out", e);
      }
    }
    return new Operations(metrics, readiness, endpoints, sampler, server, rolesStarted);
  }

  private static void every(ScheduledExecutorService sampler, String what, Runnable sample) {
    sampler.scheduleWithFixedDelay(() -> {
      try {
        sample.run();
      } catch (RuntimeException e) {
        // Temporal down or a pool's tool broken: the figures stay as last sampled, and readiness says why
        log.debug("sampling {} for metrics failed: {}", what, e.toString());
      }
    }, 0, SAMPLE_EVERY.toMillis(), TimeUnit.MILLISECONDS);
  }

  public MeterRegistry registry() {
    return metrics.registry();
  }

  public Readiness readiness() {
    return readiness;
  }

  /** /metrics, /healthz and /readyz, for the workflow UI's port to serve too. */
  public OpsEndpoints endpoints() {
    return endpoints;
  }

  /** Times every activity of the workers built with it. */
  public WorkerInterceptor stepTimings() {
    return new StepTimings(metrics.registry());
  }

  /** Counts and times the model calls of the agents run here. */
  public ModelCallObserver modelCalls() {
    return new ModelCallMeters(metrics.registry());
  }

  /** The port of {@code --ops-port}'s listener; empty when not set. */
  public Optional<Integer> port() {
    return server.map(OpsServer::port);
  }

  @Override
  public void close() {
    endpoints.stopping();
    sampler.shutdownNow();
    server.ifPresent(OpsServer::close);
  }
}
