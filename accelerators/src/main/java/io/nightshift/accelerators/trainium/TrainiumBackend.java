package io.nightshift.accelerators.trainium;

import io.nightshift.accelerators.internal.CommandRunner;
import io.nightshift.accelerators.internal.ProcessBackend;
import io.nightshift.accelerators.internal.Secrets;
import io.nightshift.core.accelerator.AcceleratorException;
import io.nightshift.core.accelerator.AcceleratorException.Reason;
import io.nightshift.core.accelerator.AcceleratorKind;
import io.nightshift.core.accelerator.Device;
import io.nightshift.core.accelerator.Lease;
import io.nightshift.core.accelerator.LeaseRequest;
import io.nightshift.core.accelerator.ModelServerSpec;
import io.nightshift.core.accelerator.PreparedModel;
import io.nightshift.core.accelerator.Telemetry;
import io.nightshift.core.process.PassThrough;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * NeuronCores of the Trainium/Inferentia chips on this host, found with {@code neuron-ls}'s JSON ({@link NeuronLs}). A
 * lease is a contiguous, exclusive range of cores ({@code NEURON_RT_VISIBLE_CORES=4-7}) of a supported
 * tensor-parallel degree. Models are compiled ahead of time per core count and cached, so only the first start is slow.
 */
public final class TrainiumBackend extends ProcessBackend {
  private static final Logger log = LoggerFactory.getLogger(TrainiumBackend.class);
  private final TrainiumConfig config;
  private final CompiledModelCache cache;
  private final NeuronLs neuronLs;

  public TrainiumBackend(TrainiumConfig config) {
    super(config.server(), AcceleratorKind.NEURON_CORE);
    this.config = config;
    this.cache = new CompiledModelCache(config.compiledArtifacts());
    this.neuronLs = new NeuronLs(config.neuronLs(), config.commandTimeout());
  }

  @Override
  protected List<Device> readDevices() {
    String out = neuronLs.json();
    try {
      return NeuronLsParser.parse(out);
    } catch (IllegalArgumentException e) {
      throw new AcceleratorException(Reason.DISCOVERY_FAILED, "unexpected neuron-ls output: " + e.getMessage(), e);
    }
  }

  @Override
  protected List<Telemetry> readTelemetry(List<Device> current) {
    String line = CommandRunner.firstLine(List.of(config.neuronMonitor()), config.commandTimeout(),
        Reason.DISCOVERY_FAILED);
    try {
      return NeuronMonitorParser.parse(line, current, Instant.now());
    } catch (IllegalArgumentException e) {
      throw new AcceleratorException(Reason.DISCOVERY_FAILED, "unexpected neuron-monitor output: " + e.getMessage(), e);
    }
  }

  @Override
  protected List<Device> choose(LeaseRequest request, List<Device> free, List<Device> all) {
    if (!config.tensorParallelDegrees().contains(request.units())) {
      throw new AcceleratorException(Reason.INVALID_REQUEST, "pool " + id() + " leases NeuronCores in groups of "
          + config.tensorParallelDegrees() + ", not " + request.units());
    }
    if (all.isEmpty() || all.get(0).memoryBytes() < request.memoryBytesPerUnit()) {
      throw new AcceleratorException(Reason.INVALID_REQUEST, "pool " + id() + " NeuronCores have "
          + (all.isEmpty() ? 0 : all.get(0).memoryBytes() >> 20) + " MiB each; request needs "
          + (request.memoryBytesPerUnit() >> 20) + " MiB per core");
    }
    Set<String> leased = new HashSet<>();
    all.forEach(d -> leased.add(d.id()));
    free.forEach(d -> leased.remove(d.id()));
    return CoreGroups.pick(all, leased, request.units()).orElseThrow(() -> new AcceleratorException(
        Reason.NO_CAPACITY, "pool " + id() + " has no " + request.units() + " contiguous free NeuronCores ("
            + free.size() + " free of " + all.size() + ", leased: " + CoreGroups.ids(leased) + ")"));
  }

  @Override
  protected Map<String, String> environmentFor(List<Device> units) {
    return Map.of("NEURON_RT_VISIBLE_CORES", CoreGroups.range(units));
  }

  @Override
  public PreparedModel prepare(Lease lease, ModelServerSpec spec) {
    String model = spec.model();
    int cores = lease.units();
    ReentrantLock lock = cache.lock(model, cores);
    lock.lock();
    try {
      Path dir = cache.ensureDirectory(model, cores);
      if (cache.complete(model, cores)) {
        return new PreparedModel(model, cores, dir.toString(), true, Duration.ZERO);
      }
      if (config.compileCommand().isEmpty()) {
        // vLLM-neuron compiles during its first start and saves to NEURON_COMPILED_ARTIFACTS; onHealthy marks it.
        return new PreparedModel(model, cores, dir.toString(), false, Duration.ZERO);
      }
      long t0 = System.nanoTime();
      List<String> command = new ArrayList<>();
      for (String w : config.compileCommand()) {
        command.add(w.replace("{model}", model).replace("{tp}", String.valueOf(cores))
            .replace("{artifacts}", dir.toString()));
      }
      log.info("pool {} compiling {} for {} NeuronCores into {}: {}", id(), model, cores, dir, Secrets.mask(command));
      // the compile step fetches the model as vLLM would: the same names pass (PassThrough.HUGGING_FACE)
      CommandRunner.Result r = CommandRunner.run(withEnv(command, lease, dir), PassThrough.HUGGING_FACE,
          config.compileTimeout(), Reason.PREPARE_FAILED);
      if (r.exitCode() != 0) {
        throw new AcceleratorException(Reason.PREPARE_FAILED, "compiling " + model + " for " + cores
            + " NeuronCores failed with exit " + r.exitCode() + ": " + CommandRunner.firstLines(r.stderr(), 5));
      }
      cache.markComplete(model, cores);
      return new PreparedModel(model, cores, dir.toString(), false, Duration.ofNanos(System.nanoTime() - t0));
    } finally {
      lock.unlock();
    }
  }

  @Override
  protected Map<String, String> startEnvironment(Lease lease, PreparedModel prepared) {
    return Map.of("NEURON_COMPILED_ARTIFACTS", prepared.location());
  }

  @Override
  protected void onHealthy(Lease lease, ModelServerSpec spec, PreparedModel prepared) {
    if (!prepared.fromCache()) {
      cache.markComplete(spec.model(), lease.units());
    }
  }

  @Override
  protected Duration startupTimeout(ModelServerSpec spec, PreparedModel prepared) {
    if (!spec.startupTimeout().isZero()) {
      return spec.startupTimeout();
    }
    boolean compilesNow = !prepared.fromCache() && config.compileCommand().isEmpty();
    return compilesNow ? config.compilingStartupTimeout() : config.server().startupTimeout();
  }

  /** The compile step sees the same cores and cache directory the server will. */
  private static List<String> withEnv(List<String> command, Lease lease, Path dir) {
    List<String> wrapped = new ArrayList<>(List.of("env", "NEURON_RT_VISIBLE_CORES="
        + lease.environment().get("NEURON_RT_VISIBLE_CORES"), "NEURON_COMPILED_ARTIFACTS=" + dir));
    wrapped.addAll(command);
    return wrapped;
  }
}
