package io.nightshift.api;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.models.ModelCall;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.planners.declarative.DeclarativePlanner;
import io.nightshift.runtime.models.PlannerSettings;
import io.nightshift.runtime.planning.RuntimePlanners;
import io.nightshift.runtime.worker.ControlWorker;
import io.nightshift.tools.registry.ToolRegistry;
import io.nightshift.workflows.activities.ToolFiles;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The control worker as a runtime with a planner model runs it, for the API's goal tests: the built-in tools, and
 * one model endpoint {@code planner} on a scripted server that plans the goals and answers the agents.
 */
final class PlannerModelWorkers {
  private PlannerModelWorkers() {}

  static WorkerFactory start(TestWorkflowEnvironment env, ScriptedOpenAiServer model, PlannerSettings settings,
      Path dir) throws IOException {
    ModelCall models = new ModelCall(ModelEndpointRegistry.of(List.of(ModelEndpointConfig.custom().id("planner")
        .baseUrl(model.baseUrl()).modelName("model").build())));
    ToolRegistry tools = ToolRegistry.fromClassPath();
    return ControlWorker.start(env.getWorkflowClient(), tools,
        RuntimePlanners.of(new DeclarativePlanner(tools), tools, Optional.of(models), Optional.of(settings)),
        ToolFiles.withoutInputs(FileArtifactStore.unencrypted(dir.resolve("artifacts")), dir.resolve("scratch")), true,
        Optional.of(models));
  }
}
