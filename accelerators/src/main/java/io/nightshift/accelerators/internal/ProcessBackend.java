package io.nightshift.accelerators.internal;

import io.nightshift.core.accelerator.AcceleratorBackend;
import io.nightshift.core.accelerator.AcceleratorException;
import io.nightshift.core.accelerator.AcceleratorException.Reason;
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
import io.nightshift.core.accelerator.Telemetry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The part every local backend shares: discovery with health tracking, exclusive leases, and model servers
 * started from a launch template with the lease's environment and gated by their health check. Subclasses say
 * how to find devices, which of them to group for a request, and what environment pins a process to them.
 */
public abstract class ProcessBackend implements AcceleratorBackend {
  private static final Logger log = LoggerFactory.getLogger(ProcessBackend.class);

  private final ServerOptions options;
  private final AcceleratorKind kind;
  private final LeaseBook book;
  private final Map<String, Running> servers = new ConcurrentHashMap<>();
  private volatile List<Device> devices = List.of();
  private volatile HealthStatus health = HealthStatus.degraded("not discovered yet");

  private record Running(ModelServerHandle handle, ServerProcess process) {}

  protected ProcessBackend(ServerOptions options, AcceleratorKind kind) {
    this.options = options;
    this.kind = kind;
    this.book = new LeaseBook(options.id(), kind);
  }

  /** Runs the hardware tool; throws {@link AcceleratorException} (DISCOVERY_FAILED) with the reason. */
  protected abstract List<Device> readDevices();

  /** Chooses units for a request among the free ones, or throws INVALID_REQUEST / NO_CAPACITY. */
  protected abstract List<Device> choose(LeaseRequest request, List<Device> free, List<Device> all);

  /** Environment that pins a process to exactly these units. */
  protected abstract Map<String, String> environmentFor(List<Device> units);

  /** Per-device readings; may throw, which degrades health but keeps the pool usable. */
  protected List<Telemetry> readTelemetry(List<Device> current) {
    return List.of();
  }

  /** Extra template variables and environment for a start (Neuron adds its compiled-artifact directory). */
  protected Map<String, String> startEnvironment(Lease lease, PreparedModel prepared) {
    return Map.of();
  }

  /** Called once a started server is healthy (Neuron records that its compilation is now cached). */
  protected void onHealthy(Lease lease, ModelServerSpec spec, PreparedModel prepared) {}

  /** The server's command line on the lease: the backend's {@link #commandPrefix} (CPU pinning), then the command. */
  private List<String> onLease(List<String> command, Lease lease) {
    List<String> full = new ArrayList<>(commandPrefix(lease));
    full.addAll(command);
    return full;
  }

  protected Duration startupTimeout(ModelServerSpec spec, PreparedModel prepared) {
    return spec.startupTimeout().isZero() ? options.startupTimeout() : spec.startupTimeout();
  }

  @Override
  public String id() {
    return options.id();
  }

  @Override
  public AcceleratorKind kind() {
    return kind;
  }

  @Override
  public List<Device> discover() {
    try {
      List<Device> found = readDevices();
      devices = found;
      health = found.isEmpty() ? HealthStatus.down("discovery found no devices")
          : HealthStatus.up(found.size() + " device(s) found");
      return found;
    } catch (AcceleratorException | IllegalArgumentException e) {
      devices = List.of();
      health = HealthStatus.down(e.getMessage());
      log.warn("pool {} is DOWN: {}", id(), e.getMessage());
      throw e instanceof AcceleratorException ae ? ae
          : new AcceleratorException(Reason.DISCOVERY_FAILED, e.getMessage(), e);
    }
  }

  @Override
  public BackendSnapshot snapshot() {
    List<Device> current;
    try {
      current = discover();
    } catch (RuntimeException e) {
      return new BackendSnapshot(id(), kind, List.of(), book.leasedDeviceIds(), List.of(), health, price(),
          Instant.now());
    }
    List<Telemetry> telemetry = List.of();
    HealthStatus h = health;
    try {
      telemetry = readTelemetry(current);
    } catch (RuntimeException e) {
      h = HealthStatus.degraded("telemetry unavailable: " + e.getMessage());
    }
    return new BackendSnapshot(id(), kind, current, book.leasedDeviceIds(), telemetry, h, price(), Instant.now());
  }

  @Override
  public Lease allocate(LeaseRequest request) {
    List<Device> all = devices.isEmpty() ? discover() : devices;
    synchronized (book) {
      List<Device> chosen = choose(request, book.free(all), all);
      return book.grant(request.owner(), chosen, environmentFor(chosen));
    }
  }

  @Override
  public void release(Lease lease) {
    servers.values().stream().filter(r -> r.handle().leaseId().equals(lease.id())).toList()
        .forEach(r -> stop(r.handle()));
    book.release(lease.id());
  }

  @Override
  public ModelServerHandle start(Lease lease, ModelServerSpec spec) {
    Lease held = book.find(lease.id()).orElseThrow(() -> new AcceleratorException(Reason.UNKNOWN_LEASE,
        "lease " + lease.id() + " is not held on pool " + id() + " (released, or granted by another pool)"));
    LaunchTemplate template = template(spec.template());
    PreparedModel prepared = prepare(held, spec);
    Map<String, String> env = new HashMap<>(held.environment());
    env.putAll(startEnvironment(held, prepared));
    env.putAll(spec.extraEnv());
    List<String> command;
    try {
      command = onLease(template.render(variables(held, spec, prepared), spec.extraArgs()), held);
    } catch (IllegalArgumentException e) {
      throw new AcceleratorException(Reason.CONFIGURATION, "pool " + id() + ": " + e.getMessage(), e);
    }
    String serverId = id() + "-" + spec.port() + "-" + UUID.randomUUID().toString().substring(0, 8);
    log.info("pool {} starting {} on lease {} ({}): {}", id(), spec.model(), held.id(), held.environment(),
        Secrets.mask(command));
    ServerProcess process = ServerProcess.start(command, template.passEnv(), env,
        options.logDirectory().resolve(serverId + ".log"));
    URI base = URI.create("http://" + options.host() + ":" + spec.port());
    ModelServerHandle handle = new ModelServerHandle(serverId, id(), held.id(), spec.model(), base,
        base.resolve(template.healthPath()), template.metricsPath().isEmpty() ? ""
            : base.resolve(template.metricsPath()).toString(), false);
    servers.put(serverId, new Running(handle, process));
    try {
      process.awaitHealthy(handle.healthUrl(), startupTimeout(spec, prepared), options.pollInterval());
      if (!template.firstAnswerPath().isEmpty()) {
        process.awaitFirstAnswer(base.resolve(template.firstAnswerPath()), startupTimeout(spec, prepared));
      }
    } catch (RuntimeException e) {
      servers.remove(serverId);
      process.stop(Duration.ofSeconds(5));
      throw e;
    }
    onHealthy(held, spec, prepared);
    return handle;
  }

  @Override
  public ModelServerHandle attach(URI baseUrl, String model) {
    LaunchTemplate template = template("");
    String base = baseUrl.toString().endsWith("/") ? baseUrl.toString().substring(0, baseUrl.toString().length() - 1)
        : baseUrl.toString();
    return new ModelServerHandle(id() + "-attached-" + UUID.randomUUID().toString().substring(0, 8), id(), "", model,
        baseUrl, URI.create(base + template.healthPath()),
        template.metricsPath().isEmpty() ? "" : base + template.metricsPath(), true);
  }

  @Override
  public HealthStatus health(ModelServerHandle handle) {
    Running running = servers.get(handle.id());
    if (!handle.attached() && running == null) {
      return HealthStatus.down("server " + handle.id() + " is not running on pool " + id());
    }
    if (running != null && !running.process().alive()) {
      return HealthStatus.down("server process exited with " + running.process().exitCode() + "; log "
          + running.process().log());
    }
    HttpProbe.Response r = HttpProbe.get(handle.healthUrl(), Duration.ofSeconds(2));
    return r.ok() ? HealthStatus.up(handle.healthUrl() + " answered 200")
        : HealthStatus.down(handle.healthUrl() + " answered " + (r.status() > 0 ? "HTTP " + r.status() : r.error()));
  }

  @Override
  public EndpointLoad load(ModelServerHandle handle) {
    if (handle.metricsUrl().isEmpty()) {
      return EndpointLoad.unknown();
    }
    HttpProbe.Response r = HttpProbe.get(URI.create(handle.metricsUrl()), Duration.ofSeconds(2));
    return r.ok() ? VllmLoad.from(PrometheusText.parse(r.body())) : EndpointLoad.unknown();
  }

  @Override
  public void stop(ModelServerHandle handle) {
    Running running = servers.remove(handle.id());
    if (running != null) {
      log.info("pool {} stopping server {} (pid {})", id(), handle.id(), running.process().pid());
      running.process().stop(Duration.ofSeconds(10));
    }
  }

  @Override
  public HealthStatus health() {
    return health;
  }

  @Override
  public PriceRate price() {
    return options.price();
  }

  @Override
  public void close() {
    servers.values().forEach(r -> stop(r.handle()));
    book.all().forEach(l -> book.release(l.id()));
  }

  protected ServerOptions options() {
    return options;
  }

  protected Map<String, String> variables(Lease lease, ModelServerSpec spec, PreparedModel prepared) {
    String indices = String.join(",", lease.indices().stream().map(String::valueOf).toList());
    return Map.of("model", spec.model(), "tp", String.valueOf(lease.units()), "port", String.valueOf(spec.port()),
        "max-num-seqs", String.valueOf(spec.maxNumSeqs()), "devices", indices, "host", options.host(),
        "artifacts", prepared.location(), "threads", String.valueOf(lease.units()));
  }

  private LaunchTemplate template(String name) {
    String key = name.isEmpty() ? options.defaultTemplate() : name;
    LaunchTemplate t = options.templates().get(key);
    if (t == null) {
      throw new AcceleratorException(Reason.INVALID_REQUEST, "pool " + id() + " has no launch template '" + key
          + "'; it has " + options.templates().keySet());
    }
    return t;
  }
}
