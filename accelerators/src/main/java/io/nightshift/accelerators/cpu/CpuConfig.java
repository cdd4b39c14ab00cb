package io.nightshift.accelerators.cpu;

import com.sun.management.OperatingSystemMXBean;
import io.nightshift.accelerators.internal.Checks;
import io.nightshift.accelerators.internal.LaunchTemplate;
import io.nightshift.accelerators.internal.ServerOptions;
import io.nightshift.core.accelerator.PriceRate;
import io.nightshift.core.process.PassThrough;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Immutable configuration of the host's CPU cores as a pool; build with {@link #custom()}. The default launch
 * command is llama-cpp-python's OpenAI-compatible server; any command that takes the placeholders works.
 */
public final class CpuConfig {
  /**
   * llama-cpp-python's server, from the python3 on the PATH; point {@code launch-command} at the environment
   * {@code nightshift provision llama-cpp} compiles portably and installs from the project's locks.
   */
  public static final List<String> LLAMA_CPP_PYTHON = List.of("python3", "-m", "llama_cpp.server", "--model",
      "{model}", "--host", "{host}", "--port", "{port}", "--n_threads", "{threads}");

  private final ServerOptions server;
  private final int cores;
  private final long memoryBytesPerCore;
  private final boolean pinWithTaskset;

  private CpuConfig(Builder b) {
    this.server = new ServerOptions(b.id, new PriceRate(b.pricePerCoreHour, b.currency, b.wattsPerCore), b.host,
        b.logDirectory, b.startupTimeout, b.pollInterval,
        Map.of("llama-cpp", new LaunchTemplate("llama-cpp", b.launchCommand, b.healthPath, b.metricsPath,
            // llama.cpp's server reads a local model file: nothing of the runtime's environment to pass
            b.firstAnswerPath, PassThrough.NONE)),
        "llama-cpp");
    this.cores = b.cores;
    this.memoryBytesPerCore = b.memoryBytesPerCore;
    this.pinWithTaskset = b.pinWithTaskset;
  }

  public static Builder custom() {
    return new Builder();
  }

  public ServerOptions server() { return server; }
  public int cores() { return cores; }
  public long memoryBytesPerCore() { return memoryBytesPerCore; }
  /** Prefix commands with {@code taskset -c <cores>} so the process runs only on its leased cores (Linux). */
  public boolean pinWithTaskset() { return pinWithTaskset; }

  public static final class Builder {
    private String id = "cpu";
    private int cores = Runtime.getRuntime().availableProcessors();
    private long memoryBytesPerCore = defaultMemoryPerCore();
    private double pricePerCoreHour = 0;
    private String currency = "USD";
    private double wattsPerCore = 10;
    private List<String> launchCommand = LLAMA_CPP_PYTHON;
    private String healthPath = "/v1/models";
    private String metricsPath = "";
    private String firstAnswerPath = "/v1/chat/completions";
    private boolean pinWithTaskset = false;
    private String host = "127.0.0.1";
    private Path logDirectory = Path.of(System.getProperty("java.io.tmpdir"), "nightshift", "servers");
    private Duration startupTimeout = Duration.ofMinutes(5);
    private Duration pollInterval = Duration.ofMillis(250);

    public Builder id(String v) { this.id = Checks.notBlank("id", v); return this; }
    public Builder cores(int v) { this.cores = Checks.atLeast("cores", 1, v); return this; }
    public Builder memoryBytesPerCore(long v) {
      if (v < 0) throw new IllegalArgumentException("memoryBytesPerCore must be >= 0, was " + v);
      this.memoryBytesPerCore = v;
      return this;
    }
    public Builder pricePerCoreHour(double v) { this.pricePerCoreHour = Checks.atLeastZero("pricePerCoreHour", v); return this; }
    public Builder currency(String v) { this.currency = Checks.notBlank("currency", v); return this; }
    public Builder wattsPerCore(double v) { this.wattsPerCore = Checks.atLeastZero("wattsPerCore", v); return this; }
    public Builder healthPath(String v) { this.healthPath = Checks.notBlank("healthPath", v); return this; }
    public Builder metricsPath(String v) { this.metricsPath = Objects.requireNonNull(v, "metricsPath"); return this; }
    /**
     * Where a started server is asked for one two-token chat completion before it counts as started (default
     * {@code /v1/chat/completions}; "" for a server that is no chat model).
     */
    public Builder firstAnswerPath(String v) {
      this.firstAnswerPath = Objects.requireNonNull(v, "firstAnswerPath");
      return this;
    }
    public Builder pinWithTaskset(boolean v) { this.pinWithTaskset = v; return this; }
    public Builder host(String v) { this.host = Checks.notBlank("host", v); return this; }
    public Builder logDirectory(Path v) { this.logDirectory = Objects.requireNonNull(v, "logDirectory"); return this; }
    public Builder startupTimeout(Duration v) { this.startupTimeout = Checks.positive("startupTimeout", v); return this; }
    public Builder pollInterval(Duration v) { this.pollInterval = Checks.positive("pollInterval", v); return this; }

    public Builder launchCommand(List<String> v) {
      if (v == null || v.isEmpty()) {
        throw new IllegalArgumentException("launchCommand must not be empty");
      }
      this.launchCommand = List.copyOf(v);
      return this;
    }

    public CpuConfig build() {
      return new CpuConfig(this);
    }

    private static long defaultMemoryPerCore() {
      var os = ManagementFactory.getOperatingSystemMXBean();
      long total = os instanceof OperatingSystemMXBean sun ? sun.getTotalMemorySize() : 0;
      return total / Math.max(1, Runtime.getRuntime().availableProcessors());
    }
  }
}
