package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.core.tool.ToolParam;
import java.util.List;

/**
 * {@code chem.dock_prepare}: starts setting up this worker's OpenChemLib dockers in the background (one per core,
 * each in its own class loader, gridded and JIT-warmed; see {@link SharedDocker#prepareInBackground}) and returns at
 * once, so a pipeline can have them made while its first molecules are still being designed. It changes no
 * score: the dock steps would set up the same dockers themselves, later. Other engines run outside this JVM and have
 * nothing to prepare here.
 */
final class DockPrepareTool implements Tool {
  static final String NAME = "chem.dock_prepare";

  @Override
  public ToolDescriptor descriptor() {
    return new ToolDescriptor(NAME,
        "Starts setting up this worker's in-process OpenChemLib dockers (one per core) in the background ahead of"
            + " chem.dock, so the first dock step does not wait for them; returns at once and changes no result.",
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
    int started = SharedDocker.prepareInBackground(settings);
    String summary = started == 0
        ? "OpenChemLib dockers (" + effort + " effort) are set up, or on the way, on every core"
        : String.format("setting up %d OpenChemLib docker(s) (%s effort) in the background, one per core, each"
            + " warmed with one molecule", started, effort);
    return new ToolOutput(TextArtifacts.store(context, summary), summary);
  }
}
