package io.nightshift.accelerators.nvidia;

import io.nightshift.accelerators.internal.Checks;
import io.nightshift.accelerators.internal.LaunchTemplate;
import io.nightshift.accelerators.internal.ServerOptions;
import io.nightshift.core.accelerator.PriceRate;
import io.nightshift.core.process.PassThrough;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** Immutable configuration of an NVIDIA GPU pool; build with {@link #custom()}, which checks every field. */
public final class NvidiaConfig {
  static final String NIM_CACHE_IN_CONTAINER = "/opt/nim/.cache";

  private final ServerOptions server;
  private final String nvidiaSmi;
  private final Duration commandTimeout;
  private final Set<Integer> tensorParallelSizes;
  private final Optional<URI> dcgmExporter;
  private final Path nimCache;

  private NvidiaConfig(Builder b) {
    Map<String, LaunchTemplate> templates = new LinkedHashMap<>();
    templates.put("vllm", LaunchTemplate.vllm(b.vllmExecutable));
    templates.put("nim", new LaunchTemplate("nim", nimCommand(b), "/v1/health/ready", "/v1/metrics", "",
        PassThrough.NIM));
    templates.putAll(b.templates);
    this.server = new ServerOptions(b.id, new PriceRate(b.pricePerGpuHour, b.currency, b.wattsPerGpu), b.host,
        b.logDirectory, b.startupTimeout, b.pollInterval, templates, b.defaultTemplate);
    this.nvidiaSmi = b.nvidiaSmi;
    this.commandTimeout = b.commandTimeout;
    this.tensorParallelSizes = Collections.unmodifiableSortedSet(new TreeSet<>(b.tensorParallelSizes));
    this.dcgmExporter = b.dcgmExporter;
    this.nimCache = b.nimCache;
  }

  /**
   * NIM runs as a container, as NVIDIA's documented {@code docker run} starts it: {@code -e NGC_API_KEY} by name only
   * (docker copies the value from its own environment, which the template passes it from this worker's, so it is
   * on no command line), the host's NIM cache
   * mounted at {@code /opt/nim/.cache} so models are downloaded once, and {@code -u} this worker's uid so the cache
   * stays writable by it. The quotes around device=... are docker's own syntax for a list of GPUs.
   */
  private static List<String> nimCommand(Builder b) {
    List<String> command = new ArrayList<>(List.of(b.docker, "run", "--rm", "--gpus", "\"device={devices}\""));
    b.nimUser.ifPresent(uid -> command.addAll(List.of("-u", uid)));
    command.addAll(List.of("-p", "{port}:{port}", "-e", "NGC_API_KEY", "-v", b.nimCache + ":" + NIM_CACHE_IN_CONTAINER,
        "-e", "NIM_SERVER_PORT={port}", "-e", "NIM_MODEL_PATH={model}", b.nimImage));
    return command;
  }

  public static Builder custom() {
    return new Builder();
  }

  public ServerOptions server() {
    return server;
  }

  public String nvidiaSmi() {
    return nvidiaSmi;
  }

  public Duration commandTimeout() {
    return commandTimeout;
  }

  public Set<Integer> tensorParallelSizes() {
    return tensorParallelSizes;
  }

  /** Host directory mounted as NIM's model cache: operator configuration (key {@code nim-cache}), not task input. */
  public Path nimCache() {
    return nimCache;
  }

  /** When present, telemetry comes from this DCGM exporter's {@code /metrics} instead of nvidia-smi. */
  public Optional<URI> dcgmExporter() {
    return dcgmExporter;
  }

  public static final class Builder {
    private String id = "nvidia";
    private String nvidiaSmi = "nvidia-smi";
    private Duration commandTimeout = Duration.ofSeconds(15);
    private double pricePerGpuHour = 0;
    private String currency = "USD";
    private double wattsPerGpu = 700;
    private Set<Integer> tensorParallelSizes = new TreeSet<>(List.of(1, 2, 4, 8));
    private String vllmExecutable = "vllm";
    private String docker = "docker";
    private String nimImage = "nvcr.io/nim/meta/llama-3.1-8b-instruct:latest";
    private Path nimCache = Path.of(System.getProperty("user.home"), ".cache", "nim");
    private Optional<String> nimUser = currentUid();
    private final Map<String, LaunchTemplate> templates = new LinkedHashMap<>();
    private String defaultTemplate = "vllm";
    private String host = "127.0.0.1";
    private Path logDirectory = Path.of(System.getProperty("java.io.tmpdir"), "nightshift", "servers");
    private Duration startupTimeout = Duration.ofMinutes(15);
    private Duration pollInterval = Duration.ofSeconds(1);
    private Optional<URI> dcgmExporter = Optional.empty();

    public Builder id(String v) { this.id = Checks.notBlank("id", v); return this; }
    public Builder nvidiaSmi(String v) { this.nvidiaSmi = Checks.notBlank("nvidiaSmi", v); return this; }
    public Builder commandTimeout(Duration v) { this.commandTimeout = Checks.positive("commandTimeout", v); return this; }
    public Builder pricePerGpuHour(double v) { this.pricePerGpuHour = Checks.atLeastZero("pricePerGpuHour", v); return this; }
    public Builder currency(String v) { this.currency = Checks.notBlank("currency", v); return this; }
    public Builder wattsPerGpu(double v) { this.wattsPerGpu = Checks.atLeastZero("wattsPerGpu", v); return this; }
    public Builder vllmExecutable(String v) { this.vllmExecutable = Checks.notBlank("vllmExecutable", v); return this; }
    public Builder docker(String v) { this.docker = Checks.notBlank("docker", v); return this; }
    public Builder nimImage(String v) { this.nimImage = Checks.notBlank("nimImage", v); return this; }
    public Builder nimUser(String v) { this.nimUser = Optional.of(Checks.notBlank("nimUser", v)); return this; }
    public Builder template(LaunchTemplate t) { this.templates.put(t.name(), t); return this; }

    /** An absolute host path without ':' (docker's -v separator) or '{' (a template placeholder). */
    public Builder nimCache(Path v) {
      if (v == null || !v.isAbsolute() || v.toString().contains(":") || v.toString().contains("{")) {
        throw new IllegalArgumentException("nimCache must be an absolute path without ':' or '{', was " + v);
      }
      this.nimCache = v;
      return this;
    }
    public Builder defaultTemplate(String v) { this.defaultTemplate = Checks.notBlank("defaultTemplate", v); return this; }
    public Builder host(String v) { this.host = Checks.notBlank("host", v); return this; }
    public Builder logDirectory(Path v) { this.logDirectory = Objects.requireNonNull(v, "logDirectory"); return this; }
    public Builder startupTimeout(Duration v) { this.startupTimeout = Checks.positive("startupTimeout", v); return this; }
    public Builder pollInterval(Duration v) { this.pollInterval = Checks.positive("pollInterval", v); return this; }
    public Builder dcgmExporter(URI v) { this.dcgmExporter = Optional.ofNullable(v); return this; }

    /** Group sizes a lease may have; powers of two that divide attention heads evenly, 1/2/4/8 by default. */
    public Builder tensorParallelSizes(Set<Integer> v) {
      if (v == null || v.isEmpty() || v.stream().anyMatch(s -> s < 1)) {
        throw new IllegalArgumentException("tensorParallelSizes must be a non-empty set of sizes >= 1, was " + v);
      }
      this.tensorParallelSizes = new TreeSet<>(v);
      return this;
    }

    public NvidiaConfig build() {
      return new NvidiaConfig(this);
    }

    /** The uid this process runs as (the owner of /proc/self); empty where there is no /proc, and -u is left out. */
    private static Optional<String> currentUid() {
      try {
        return Optional.of(String.valueOf(Files.getAttribute(Path.of("/proc/self"), "unix:uid")));
      } catch (IOException | RuntimeException e) {
        return Optional.empty();
      }
    }
  }
}
