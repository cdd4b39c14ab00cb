package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolProvider;
import java.util.List;

/** Contributes the drug-discovery chemistry tools to the Nightshift runtime (found by ServiceLoader). */
public final class ChemToolProvider implements ToolProvider {
  @Override
  public List<Tool> tools() {
    return List.of(new SeedsTool(), new GenerateTool(), new FilterTool(), new DockTool(), new SelectTool(),
        new ReportTool(), new ProposalsTool(), new BriefParentsTool(), new BriefRoundTool());
  }
}
