package io.nightshift.runtime.planning;

import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.planners.declarative.DeclarativePlanner;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.lifecycle.Closer;
import io.nightshift.runtime.mcp.McpServersFile;
import io.nightshift.runtime.models.ModelsFile;
import io.nightshift.runtime.models.PlannerSettings;
import io.nightshift.runtime.pipelines.PipelineCatalog;
import io.nightshift.tools.mcp.McpToolSource;
import io.nightshift.tools.registry.ToolRegistry;
import java.util.Optional;

/**
 * What tasks are planned from, shared by a process's workers and API: the tool registry (built-in tools and those
 * of the models file's MCP servers), the pipeline catalog, the declarative planner over both, and the models file's
 * {@code planner:} section, which plans goal-only tasks (the API reads it to accept them, workers to plan them).
 *
 * @param plannerModel empty when the models file has no {@code planner:} section: then only pipelines are accepted
 */
public record Planning(ToolRegistry tools, PipelineCatalog pipelines, DeclarativePlanner planner,
    Optional<PlannerSettings> plannerModel) {
  /**
   * Starts the MCP servers to list their tools (they stop when {@code closer} closes) and loads the pipelines.
   *
   * @param agentsHere whether this process runs the agents (the worker role): then it knows their endpoints, and
   *                   an agent step naming another one is refused at submission instead of waiting forever for a
   *                   worker that can run it
   * @param endpoints  the endpoints the agents here call; empty when none are configured
   */
  public static Planning open(RuntimeConfig config, boolean agentsHere, Optional<ModelEndpointRegistry> endpoints,
      Closer closer) {
    McpToolSource mcp = closer.push(McpToolSource.of(McpServersFile.read(config.modelsFile())));
    ToolRegistry tools = McpServersFile.registryWith(mcp);
    PipelineCatalog pipelines = PipelineCatalog.load(config.dataDir().resolve("pipelines"));
    DeclarativePlanner planner = new DeclarativePlanner(tools, pipelines);
    if (agentsHere) {
      planner = planner.withEndpoints(id -> endpoints.map(e -> e.contains(id)).orElse(false), endpoints
          .map(e -> "configured in the models file: " + e.configs().stream().map(ModelEndpointConfig::id).sorted()
              .toList())
          .orElse("this runtime has no model endpoints; start it with --models FILE naming one"));
    }
    Optional<PlannerSettings> plannerModel = config.modelsFile() == null ? Optional.empty()
        : ModelsFile.planner(config.modelsFile());
    return new Planning(tools, pipelines, planner, plannerModel);
  }
}
