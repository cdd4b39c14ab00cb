package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import io.nightshift.examples.drugdiscovery.docking.DockingFailure;
import java.util.List;

/**
 * {@code chem.dock_prepare}: sets up this worker's OpenChemLib dockers (one per core, each in its own class loader,
 * gridded and JIT-warmed; see {@link SharedDocker#prepare}) ahead of the first {@code chem.dock} step, so a pipeline
 * can do it while its first molecules are still being designed. It changes no score: the dock steps would set up
 * the same dockers themselves, later. Other engines run outside this JVM and have nothing to prepare here.
 */
final class DockPrepareTool implements Tool {
  static final String NAME = "chem.dock_prepare";

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor(NAME,
        "Sets up this worker's in-process OpenChemLib dockers (one per core) ahead of chem.dock, so the first"
            + " dock step does not wait for them; changes no result.",
        List.of(
            ToolParam.optional("engine", "the docking engine chem.dock will use: " + String.join(", ",
                DockingBackends.ENGINES) + " (only openchemlib runs in this JVM; the others have nothing to prepare)",
                DockingBackends.OPENCHEMLIB),
            ToolParam.optional("effort", "the search effort chem.dock will use: standard or fast", "standard")));
  }

  @Override
  public ToolOutput execute(ToolContext context, ToolArguments arguments) {
    String engine = DockingBackends.engineName(arguments);
    String effort = arguments.orDefault("effort", "standard").strip();
    var settings = DockingBackends.openChemLibSettings(arguments);
    if (!engine.equals(DockingBackends.OPENCHEMLIB)) {
      String summary = "nothing to prepare: " + engine + " does not dock in this JVM";
      return new ToolOutput(TextArtifacts.store(context, summary), summary);
    }
    long start = System.nanoTime();
    int made;
    try {
      made = SharedDocker.prepare(settings, context::heartbeat);
    } catch (DockingFailure e) {
      throw ToolException.permanent(e.getMessage(), e);
    }
    String summary = made == 0
        ? "OpenChemLib dockers (" + effort + " effort) were already set up on every core"
        : String.format("set up and warmed %d OpenChemLib docker(s) (%s effort) in %.1f s", made, effort,
            (System.nanoTime() - start) / 1e9);
    return new ToolOutput(TextArtifacts.store(context, summary), summary);
  }
}
