package io.nightshift.examples.drugdiscovery.tools;

import io.nightshift.core.egress.OutboundEndpoint;
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
        new ReportTool(), new ProposalsTool(), new BriefParentsTool(), new BriefRoundTool(), new ValidationSetTool(),
        new EnrichmentTool(), new ValidationReportTool());
  }

  /** The DiffDock NIM, when the operator configured one: the runtime checks it against its egress allow-list. */
  @Override
  public List<OutboundEndpoint> outboundEndpoints() {
    return outboundEndpoints(DockingConfig.fromEnvironment(System.getenv()));
  }

  static List<OutboundEndpoint> outboundEndpoints(DockingConfig docking) {
    return docking.nimUrl().map(url -> OutboundEndpoint.of(DockingConfig.NIM_URL_VARIABLE, url)).stream().toList();
  }
}
