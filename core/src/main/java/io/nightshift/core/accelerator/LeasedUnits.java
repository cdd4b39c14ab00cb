package io.nightshift.core.accelerator;

import io.nightshift.core.process.ToolEnvironment;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The units a running tool holds, and how to start a process on exactly them: with the lease's environment
 * ({@code CUDA_VISIBLE_DEVICES=2,3}, {@code NEURON_RT_VISIBLE_CORES=4-7}) and the backend's command prefix
 * ({@code taskset -c 2,3} for CPU cores).
 */
public record LeasedUnits(Lease lease, List<String> commandPrefix) {
  public LeasedUnits {
    Objects.requireNonNull(lease, "lease");
    commandPrefix = List.copyOf(commandPrefix);
  }

  public List<Device> devices() {
    return lease.devices();
  }

  public Map<String, String> environment() {
    return lease.environment();
  }

  /**
   * A process builder for the command that runs on these units only, with a tool program's environment
   * ({@link ToolEnvironment#BASE}, not the runtime's) and the lease's variables.
   */
  public ProcessBuilder processBuilder(List<String> command) {
    List<String> full = new ArrayList<>(commandPrefix);
    full.addAll(command);
    ProcessBuilder builder = ToolEnvironment.confine(new ProcessBuilder(full));
    builder.environment().putAll(lease.environment());
    return builder;
  }
}
