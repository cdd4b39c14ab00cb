package io.nightshift.accelerators.simulated;

import io.nightshift.accelerators.internal.LeaseBook;
import io.nightshift.core.accelerator.AcceleratorBackend;
import io.nightshift.core.accelerator.AcceleratorException;
import io.nightshift.core.accelerator.AcceleratorException.Reason;
import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.BackendSnapshot;
import io.nightshift.core.accelerator.Device;
import io.nightshift.core.accelerator.HealthStatus;
import io.nightshift.core.accelerator.Lease;
import io.nightshift.core.accelerator.LeaseRequest;
import io.nightshift.core.accelerator.ModelServerHandle;
import io.nightshift.core.accelerator.ModelServerSpec;
import io.nightshift.core.accelerator.PriceRate;
import io.nightshift.core.accelerator.Telemetry;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * A labelled simulator of a pool: virtual devices (named "simulated ...", {@link Device#simulated()} true), real
 * lease book-keeping, endpoints at {@code sim://} URLs, and models of how long, how costly and how power-hungry a
 * job is. For capacity planning, benchmarks and tests on machines without accelerators; never shown as hardware.
 */
public final class SimulatedBackend implements AcceleratorBackend {
  private final SimulatedConfig config;
  private final LeaseBook book;
  private final List<Device> devices;
  private final Map<String, ModelServerHandle> endpoints = new ConcurrentHashMap<>();
  private volatile boolean endpointsFailing;

  public SimulatedBackend(SimulatedConfig config) {
    this.config = config;
    this.book = new LeaseBook(config.id(), config.kind());
    this.devices = IntStream.range(0, config.devices())
        .mapToObj(i -> new Device(config.id() + "-sim" + i, i, config.kind(), "simulated " + config.deviceName(),
            config.memoryBytesPerDevice(), config.id(), true))
        .toList();
  }

  /** Time a job of {@code work} units takes on {@code units} devices: latency + work / effective throughput. */
  public Duration duration(double work, int units) {
    double seconds = work / (config.throughputPerUnit() * effectiveUnits(units));
    return config.latency().plusNanos((long) (seconds * 1e9));
  }

  /** Devices' worth of speed a group of {@code units} delivers, losing a share per doubling. */
  public double effectiveUnits(int units) {
    double doublings = Math.log(units) / Math.log(2);
    return units * Math.pow(config.scalingEfficiency(), doublings);
  }

  public double cost(double work, int units) {
    return price().cost(units, duration(work, units));
  }

  public double energyJoules(double work, int units) {
    return config.wattsPerUnit() * units * (duration(work, units).toNanos() / 1e9);
  }

  /** Makes every endpoint of this pool report DOWN (or recover), to exercise failover. */
  public void failEndpoints(boolean failing) {
    this.endpointsFailing = failing;
  }

  public SimulatedConfig config() {
    return config;
  }

  @Override public String id() { return config.id(); }
  @Override public AcceleratorKind kind() { return config.kind(); }
  @Override public List<Device> discover() { return devices; }

  @Override
  public BackendSnapshot snapshot() {
    Set<String> leased = book.leasedDeviceIds();
    Instant now = Instant.now();
    List<Telemetry> telemetry = devices.stream().map(d -> {
      boolean busy = leased.contains(d.id());
      return new Telemetry(d.id(), OptionalDouble.of(busy ? 100 : 0), OptionalLong.empty(),
          OptionalDouble.of(busy ? config.wattsPerUnit() : config.idleWattsPerUnit()), OptionalDouble.empty(), now);
    }).toList();
    return new BackendSnapshot(id(), kind(), devices, leased, telemetry, health(), price(), now);
  }

  @Override
  public Lease allocate(LeaseRequest request) {
    synchronized (book) {
      List<Device> free = book.free(devices);
      if (request.units() > devices.size()) {
        throw new AcceleratorException(Reason.INVALID_REQUEST, "simulated pool " + id() + " has " + devices.size()
            + " devices; request needs " + request.units());
      }
      if (free.size() < request.units()) {
        throw new AcceleratorException(Reason.NO_CAPACITY, "simulated pool " + id() + " has " + free.size()
            + " free; request needs " + request.units());
      }
      List<Device> chosen = free.subList(0, request.units());
      return book.grant(request.owner(), chosen, SimulatedWork.environment(chosen.stream().map(Device::id).toList(),
          config.throughputPerUnit() * effectiveUnits(chosen.size()), config.latency(), config.timeScale()));
    }
  }

  @Override
  public void release(Lease lease) {
    endpoints.values().removeIf(h -> h.leaseId().equals(lease.id()));
    book.release(lease.id());
  }

  @Override
  public ModelServerHandle start(Lease lease, ModelServerSpec spec) {
    if (book.find(lease.id()).isEmpty()) {
      throw new AcceleratorException(Reason.UNKNOWN_LEASE, "lease " + lease.id() + " is not held on " + id());
    }
    URI base = URI.create("sim://" + id() + ":" + spec.port());
    ModelServerHandle h = new ModelServerHandle(id() + "-" + spec.port(), id(), lease.id(), spec.model(), base,
        URI.create(base + "/health"), "", false);
    endpoints.put(h.id(), h);
    return h;
  }

  @Override
  public ModelServerHandle attach(URI baseUrl, String model) {
    return new ModelServerHandle(id() + "-attached", id(), "", model, baseUrl, URI.create(baseUrl + "/health"), "",
        true);
  }

  @Override
  public HealthStatus health(ModelServerHandle handle) {
    if (endpointsFailing) {
      return HealthStatus.down("simulated failure injected on " + id());
    }
    return handle.attached() || endpoints.containsKey(handle.id()) ? HealthStatus.up("simulated endpoint")
        : HealthStatus.down("simulated endpoint " + handle.id() + " was stopped");
  }

  @Override
  public void stop(ModelServerHandle handle) {
    endpoints.remove(handle.id());
  }

  @Override
  public HealthStatus health() {
    return HealthStatus.up("simulator: " + devices.size() + " virtual " + config.deviceName() + " device(s)");
  }

  @Override
  public PriceRate price() {
    return new PriceRate(config.pricePerUnitHour(), "USD", config.wattsPerUnit());
  }

  @Override
  public void close() {
    endpoints.clear();
    book.all().forEach(l -> book.release(l.id()));
  }
}
