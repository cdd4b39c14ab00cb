package io.nightshift.accelerators.cpu;

import io.nightshift.accelerators.internal.ProcessBackend;
import io.nightshift.core.accelerator.AcceleratorException;
import io.nightshift.core.accelerator.AcceleratorException.Reason;
import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.Device;
import io.nightshift.core.accelerator.Lease;
import io.nightshift.core.accelerator.LeaseRequest;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * The host's CPU cores as a pool, for tools (docking, scoring) and small models on machines without accelerators.
 * A lease is a set of cores; a server started on it gets {@code OMP_NUM_THREADS} equal to its cores and, when
 * configured, is pinned to them with {@code taskset}.
 */
public final class CpuBackend extends ProcessBackend {
  private final CpuConfig config;

  public CpuBackend(CpuConfig config) {
    super(config.server(), AcceleratorKind.CPU);
    this.config = config;
  }

  @Override
  protected List<Device> readDevices() {
    String name = System.getProperty("os.arch") + " core";
    return IntStream.range(0, config.cores())
        .mapToObj(i -> new Device("cpu" + i, i, AcceleratorKind.CPU, name, config.memoryBytesPerCore(), "host", false))
        .toList();
  }

  @Override
  protected List<Device> choose(LeaseRequest request, List<Device> free, List<Device> all) {
    if (request.units() > all.size()) {
      throw new AcceleratorException(Reason.INVALID_REQUEST, "pool " + id() + " has " + all.size()
          + " cores in all; request needs " + request.units());
    }
    if (free.size() < request.units()) {
      throw new AcceleratorException(Reason.NO_CAPACITY, "pool " + id() + " has " + free.size()
          + " free core(s); request needs " + request.units());
    }
    return free.subList(0, request.units());
  }

  @Override
  protected Map<String, String> environmentFor(List<Device> units) {
    return Map.of("OMP_NUM_THREADS", String.valueOf(units.size()), "NIGHTSHIFT_CPU_CORES", cores(units));
  }

  @Override
  public List<String> commandPrefix(Lease lease) {
    return config.pinWithTaskset() ? List.of("taskset", "-c", cores(lease.devices())) : List.of();
  }

  private static String cores(List<Device> units) {
    return units.stream().map(d -> String.valueOf(d.index())).collect(Collectors.joining(","));
  }
}
