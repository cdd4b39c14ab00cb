package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolProvider;
import io.nightshift.examples.drugdiscovery.docking.DockingConfig;
import java.util.List;

/**
 * Contributes the drug-discovery chemistry tools to the Nightshift runtime (found by ServiceLoader). The runtime
 * asks once, at start, so the docking configuration is read from the workers' environment then: a bad value fails
 * the start, naming the variable.
 */
public final class ChemToolProvider implements ToolProvider {
  @Override
  public List<Tool> tools() {
    DockingConfig docking = DockingConfig.fromEnvironment(System.getenv());
    return List.of(new SeedsTool(), new GenerateTool(), new FilterTool(), new DockTool(docking), new SelectTool(),
        new ReportTool(), new ProposalsTool(), new BriefParentsTool(), new BriefRoundTool());
  }
}
