package io.nightshift.accelerators.trainium;

import io.nightshift.accelerators.internal.Checks;
import io.nightshift.accelerators.internal.LaunchTemplate;
import io.nightshift.accelerators.internal.ServerOptions;
import io.nightshift.core.accelerator.PriceRate;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Immutable configuration of a Trainium/Inferentia NeuronCore pool; build with {@link #custom()}. Start-up
 * timeouts are long on purpose: the first start of a model on a new core count compiles it (10-30 minutes).
 */
public final class TrainiumConfig {
  private final ServerOptions server;
  private final String neuronLs;
  private final String neuronMonitor;
  private final Duration commandTimeout;
  private final Set<Integer> tensorParallelDegrees;
  private final Path compiledArtifacts;
  private final List<String> compileCommand;
  private final Duration compileTimeout;
  private final Duration compilingStartupTimeout;

  private TrainiumConfig(Builder b) {
    this.server = new ServerOptions(b.id, new PriceRate(b.pricePerCoreHour, b.currency, b.wattsPerCore), b.host,
        b.logDirectory, b.startupTimeout, b.pollInterval, Map.of("vllm", LaunchTemplate.vllm(b.vllmExecutable)), "vllm");
    this.neuronLs = b.neuronLs;
    this.neuronMonitor = b.neuronMonitor;
    this.commandTimeout = b.commandTimeout;
    this.tensorParallelDegrees = Collections.unmodifiableSortedSet(new TreeSet<>(b.tensorParallelDegrees));
    this.compiledArtifacts = b.compiledArtifacts;
    this.compileCommand = List.copyOf(b.compileCommand);
    this.compileTimeout = b.compileTimeout;
    this.compilingStartupTimeout = b.compilingStartupTimeout;
  }

  public static Builder custom() {
    return new Builder();
  }

  public ServerOptions server() { return server; }
  public String neuronLs() { return neuronLs; }
  public String neuronMonitor() { return neuronMonitor; }
  public Duration commandTimeout() { return commandTimeout; }
  public Set<Integer> tensorParallelDegrees() { return tensorParallelDegrees; }
  /** Root of the compiled-model cache; one directory per model and core count. */
  public Path compiledArtifacts() { return compiledArtifacts; }
  /** Ahead-of-time compile command ({model} {tp} {artifacts}); empty when the server compiles on first start. */
  public List<String> compileCommand() { return compileCommand; }
  public Duration compileTimeout() { return compileTimeout; }
  /** Start-up wait when nothing is cached yet and the server compiles while starting. */
  public Duration compilingStartupTimeout() { return compilingStartupTimeout; }

  public static final class Builder {
    private String id = "trainium";
    private String neuronLs = "neuron-ls";
    private String neuronMonitor = "neuron-monitor";
    private Duration commandTimeout = Duration.ofSeconds(20);
    private double pricePerCoreHour = 0;
    private String currency = "USD";
    private double wattsPerCore = 0;
    private Set<Integer> tensorParallelDegrees = new TreeSet<>(List.of(1, 2, 4, 8, 16, 32, 64));
    private String vllmExecutable = "vllm";
    private String host = "127.0.0.1";
    private Path logDirectory = Path.of(System.getProperty("java.io.tmpdir"), "nightshift", "servers");
    private Duration startupTimeout = Duration.ofMinutes(10);
    private Duration compilingStartupTimeout = Duration.ofMinutes(45);
    private Duration pollInterval = Duration.ofSeconds(2);
    private Path compiledArtifacts = Path.of(System.getProperty("user.home"), ".nightshift", "neuron-compiled");
    private List<String> compileCommand = List.of();
    private Duration compileTimeout = Duration.ofMinutes(60);

    public Builder id(String v) { this.id = Checks.notBlank("id", v); return this; }
    public Builder neuronLs(String v) { this.neuronLs = Checks.notBlank("neuronLs", v); return this; }
    public Builder neuronMonitor(String v) { this.neuronMonitor = Checks.notBlank("neuronMonitor", v); return this; }
    public Builder commandTimeout(Duration v) { this.commandTimeout = Checks.positive("commandTimeout", v); return this; }
    public Builder pricePerCoreHour(double v) { this.pricePerCoreHour = Checks.atLeastZero("pricePerCoreHour", v); return this; }
    public Builder currency(String v) { this.currency = Checks.notBlank("currency", v); return this; }
    public Builder wattsPerCore(double v) { this.wattsPerCore = Checks.atLeastZero("wattsPerCore", v); return this; }
    public Builder vllmExecutable(String v) { this.vllmExecutable = Checks.notBlank("vllmExecutable", v); return this; }
    public Builder host(String v) { this.host = Checks.notBlank("host", v); return this; }
    public Builder logDirectory(Path v) { this.logDirectory = Objects.requireNonNull(v, "logDirectory"); return this; }
    public Builder startupTimeout(Duration v) { this.startupTimeout = Checks.positive("startupTimeout", v); return this; }
    public Builder compilingStartupTimeout(Duration v) { this.compilingStartupTimeout = Checks.positive("compilingStartupTimeout", v); return this; }
    public Builder pollInterval(Duration v) { this.pollInterval = Checks.positive("pollInterval", v); return this; }
    public Builder compiledArtifacts(Path v) { this.compiledArtifacts = Objects.requireNonNull(v, "compiledArtifacts"); return this; }
    public Builder compileTimeout(Duration v) { this.compileTimeout = Checks.positive("compileTimeout", v); return this; }

    public Builder compileCommand(List<String> v) {
      this.compileCommand = List.copyOf(Objects.requireNonNull(v, "compileCommand"));
      return this;
    }

    /** Core counts a lease may have (the tensor-parallel degrees the model's sharding supports). */
    public Builder tensorParallelDegrees(Set<Integer> v) {
      if (v == null || v.isEmpty() || v.stream().anyMatch(s -> s < 1)) {
        throw new IllegalArgumentException("tensorParallelDegrees must be a non-empty set of degrees >= 1, was " + v);
      }
      this.tensorParallelDegrees = new TreeSet<>(v);
      return this;
    }

    public TrainiumConfig build() {
      return new TrainiumConfig(this);
    }
  }
}
