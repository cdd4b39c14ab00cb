package io.nightshift.bench.fleet;

import io.nightshift.accelerators.simulated.SimulatedWorkTool;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolProvider;
import java.util.List;

/**
 * Puts {@code simulated.work} in the catalogue of a runtime started with the benchmarks on its class path, and
 * nowhere else: the fleet benchmark's subtasks hold simulated units for their modelled time.
 */
public final class SimulatedWorkTools implements ToolProvider {
  @Override
  public List<Tool> tools() {
    return List.of(new SimulatedWorkTool());
  }
}
