package io.nightshift.accelerators.nvidia;

import io.nightshift.accelerators.internal.CommandRunner;
import io.nightshift.accelerators.internal.HttpProbe;
import io.nightshift.accelerators.internal.ProcessBackend;
import io.nightshift.accelerators.internal.PrometheusText;
import io.nightshift.core.accelerator.AcceleratorException;
import io.nightshift.core.accelerator.AcceleratorException.Reason;
import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.Device;
import io.nightshift.core.accelerator.Lease;
import io.nightshift.core.accelerator.LeaseRequest;
import io.nightshift.core.accelerator.ModelServerSpec;
import io.nightshift.core.accelerator.PreparedModel;
import io.nightshift.core.accelerator.Telemetry;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NVIDIA GPUs on this host, found with {@code nvidia-smi}. A lease is a tensor-parallel group of whole GPUs
 * (1/2/4/8 by default) pinned with {@code CUDA_VISIBLE_DEVICES}; model servers are vLLM or NIM.
 */
public final class NvidiaBackend extends ProcessBackend {
  private static final Logger log = LoggerFactory.getLogger(NvidiaBackend.class);
  private final NvidiaConfig config;
  private volatile List<GpuReading> lastReadings = List.of();

  public NvidiaBackend(NvidiaConfig config) {
    super(config.server(), AcceleratorKind.NVIDIA_GPU);
    this.config = config;
  }

  @Override
  protected List<Device> readDevices() {
    String out = CommandRunner.runForOutput(List.of(config.nvidiaSmi(), "--query-gpu=" + NvidiaSmiParser.QUERY,
        "--format=csv,noheader,nounits"), config.commandTimeout(), Reason.DISCOVERY_FAILED);
    List<GpuReading> readings;
    try {
      readings = NvidiaSmiParser.parse(out);
    } catch (IllegalArgumentException e) {
      throw new AcceleratorException(Reason.DISCOVERY_FAILED, "unexpected nvidia-smi output: " + e.getMessage(), e);
    }
    lastReadings = readings;
    return readings.stream()
        .map(g -> new Device(g.uuid(), g.index(), AcceleratorKind.NVIDIA_GPU, g.name(), g.memoryTotalMiB() << 20,
            "node", false))
        .toList();
  }

  @Override
  protected List<Telemetry> readTelemetry(List<Device> current) {
    Instant now = Instant.now();
    if (config.dcgmExporter().isPresent()) {
      HttpProbe.Response r = HttpProbe.get(config.dcgmExporter().get(), Duration.ofSeconds(5));
      if (!r.ok()) {
        throw new AcceleratorException(Reason.DISCOVERY_FAILED, "DCGM exporter " + config.dcgmExporter().get()
            + " answered " + (r.status() > 0 ? "HTTP " + r.status() : r.error()));
      }
      return DcgmTelemetry.from(PrometheusText.parse(r.body()), current, now);
    }
    // nvidia-smi already reported utilization, memory and power during discovery a moment ago.
    return lastReadings.stream()
        .map(g -> new Telemetry(g.uuid(), g.utilizationGpu(), OptionalLong.of(g.memoryUsedMiB() << 20), g.powerDraw(),
            g.temperature(), now))
        .toList();
  }

  @Override
  protected List<Device> choose(LeaseRequest request, List<Device> free, List<Device> all) {
    if (!config.tensorParallelSizes().contains(request.units())) {
      throw new AcceleratorException(Reason.INVALID_REQUEST, "pool " + id() + " leases GPUs in tensor-parallel groups of "
          + config.tensorParallelSizes() + ", not " + request.units());
    }
    List<Device> fitting = free.stream().filter(d -> d.memoryBytes() >= request.memoryBytesPerUnit()).toList();
    if (fitting.size() < request.units()) {
      throw new AcceleratorException(Reason.NO_CAPACITY, "pool " + id() + " has " + fitting.size() + " free GPU(s) with "
          + (request.memoryBytesPerUnit() >> 20) + " MiB or more (" + free.size() + " free of " + all.size()
          + "); request needs " + request.units());
    }
    // Prefer an aligned block (GPUs 4-7 for four) so small leases do not break up the groups larger ones need;
    // CUDA_VISIBLE_DEVICES takes any list, so fall back to the lowest free GPUs.
    int n = request.units();
    Set<Integer> fit = fitting.stream().map(Device::index).collect(Collectors.toSet());
    for (int start = 0; start + n <= all.size(); start += n) {
      int first = start;
      if (IntStream.range(first, first + n).allMatch(fit::contains)) {
        return fitting.stream().filter(d -> d.index() >= first && d.index() < first + n).toList();
      }
    }
    return fitting.subList(0, n);
  }

  /** NIM downloads into its cache directory: create it (as this worker's user, which the container runs as). */
  @Override
  public PreparedModel prepare(Lease lease, ModelServerSpec spec) {
    String template = spec.template().isEmpty() ? config.server().defaultTemplate() : spec.template();
    if (!template.equals("nim")) {
      return super.prepare(lease, spec);
    }
    try {
      Files.createDirectories(config.nimCache());
    } catch (IOException e) {
      throw new AcceleratorException(Reason.PREPARE_FAILED, "pool " + id() + " cannot create the NIM cache "
          + config.nimCache() + " (pool key nim-cache): " + e.getMessage(), e);
    }
    if (System.getenv("NGC_API_KEY") == null && !spec.extraEnv().containsKey("NGC_API_KEY")) {
      log.warn("pool {}: NGC_API_KEY is not set in the worker's environment; NIM can then start {} only from what "
          + "its cache {} already holds", id(), spec.model(), config.nimCache());
    }
    return new PreparedModel(spec.model(), lease.units(), config.nimCache().toString(), false, Duration.ZERO);
  }

  @Override
  protected Map<String, String> environmentFor(List<Device> units) {
    // CUDA numbers GPUs fastest-first unless told otherwise; PCI order is the order nvidia-smi's indices use.
    return Map.of("CUDA_DEVICE_ORDER", "PCI_BUS_ID",
        "CUDA_VISIBLE_DEVICES", units.stream().map(d -> String.valueOf(d.index())).collect(Collectors.joining(",")));
  }
}
