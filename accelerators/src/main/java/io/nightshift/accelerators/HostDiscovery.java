package io.nightshift.accelerators;

import io.nightshift.core.accelerator.AcceleratorBackend;
import io.nightshift.core.accelerator.AcceleratorBackends;
import io.nightshift.core.accelerator.BackendSettings;
import io.nightshift.core.accelerator.Device;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pools this machine offers when no backends file says which: {@code nvidia-smi} on the PATH gives pool
 * {@code nvidia}, {@code neuron-ls} pool {@code trainium}, and the CPU pool {@code cpu} is always there. Each tool found
 * is run once, through the pool type's own factory, so a pool is offered only with the devices it really sees.
 *
 * <p>A tool that is on the PATH but fails (no driver loaded, no device) leaves its pool out, with a warning that says
 * why: without a file the operator asked for nothing, and a tool without a working driver is common (a CUDA image
 * run without {@code --gpus}, an AMI's Neuron tools on an instance without chips), so a pool that would report DOWN
 * forever would only mislead placement and {@code nightshift backends}. A pool listed in a backends file is kept
 * even while DOWN, so that is how to insist on one.
 */
public final class HostDiscovery {
  private static final Logger log = LoggerFactory.getLogger(HostDiscovery.class);

  /** A pool to build: its settings, and what was seen (unit count, what they are, where the tool was found). */
  public record Found(BackendSettings settings, int units, String what, String where) {
    public String line() {
      return "pool " + settings.id() + " (type " + settings.type() + "): " + units + " " + what + ", " + where;
    }
  }

  /** A tool that was on the PATH but did not answer as it should, and why. */
  public record Skipped(String type, Path tool, String reason) {
    public String line() {
      return "no pool " + type + ": " + tool + " is on the PATH but failed (" + reason + "); list it in a --backends"
          + " file to keep it as a pool that reports DOWN until the tool answers";
    }
  }

  public record Result(List<Found> pools, List<Skipped> skipped) {
    public Result {
      pools = List.copyOf(pools);
      skipped = List.copyOf(skipped);
    }
  }

  private HostDiscovery() {}

  /** Looks on {@code searchPath} (a PATH value; null or empty means nothing on it) and logs one line per pool. */
  public static Result onPath(String searchPath, AcceleratorBackends factories) {
    List<Found> found = new ArrayList<>();
    List<Skipped> skipped = new ArrayList<>();
    find(searchPath, "nvidia-smi").ifPresent(smi -> probe(factories,
        new BackendSettings("nvidia", "nvidia", Map.of("nvidia-smi", smi.toString())), smi, "GPU(s)", found, skipped));
    find(searchPath, "neuron-ls").ifPresent(ls -> {
      Map<String, String> props = new LinkedHashMap<>(Map.of("neuron-ls", ls.toString()));
      find(searchPath, "neuron-monitor").ifPresent(m -> props.put("neuron-monitor", m.toString()));
      probe(factories, new BackendSettings("trainium", "trainium", props), ls, "NeuronCore(s)", found, skipped);
    });
    int cores = Runtime.getRuntime().availableProcessors();
    found.add(new Found(new BackendSettings("cpu", "cpu", Map.of()), cores, "core(s)",
        "this machine's CPU (as the JVM counts available processors)"));
    found.forEach(f -> log.info("discovered {}", f.line()));
    skipped.forEach(s -> log.warn("{}", s.line()));
    return new Result(found, skipped);
  }

  private static void probe(AcceleratorBackends factories, BackendSettings settings, Path tool, String unit,
      List<Found> found, List<Skipped> skipped) {
    try (AcceleratorBackend pool = factories.factory(settings.type()).create(settings)) {
      List<Device> devices = pool.discover();
      if (devices.isEmpty()) {
        skipped.add(new Skipped(settings.type(), tool, "it found no devices"));
        return;
      }
      String names = devices.stream().collect(Collectors.groupingBy(Device::name, LinkedHashMap::new,
          Collectors.counting())).entrySet().stream().map(e -> e.getValue() + " x " + e.getKey())
          .collect(Collectors.joining(", "));
      found.add(new Found(settings, devices.size(), unit, tool.getFileName() + " at " + tool + " (" + names + ")"));
    } catch (RuntimeException e) {
      skipped.add(new Skipped(settings.type(), tool, e.getMessage()));
    }
  }

  /** The first executable file called {@code name} in the PATH's directories, as the shell would run it. */
  static Optional<Path> find(String searchPath, String name) {
    if (searchPath == null || searchPath.isBlank()) {
      return Optional.empty();
    }
    for (String dir : searchPath.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(dir).resolve(name).toAbsolutePath();
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
