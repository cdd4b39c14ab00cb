package io.nightshift.api;

import io.nightshift.api.v1.ArtifactServiceGrpc;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.models.ModelCall;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.planners.declarative.DeclarativePlanner;
import io.nightshift.runtime.pipelines.PipelineCatalog;
import io.nightshift.runtime.worker.ControlWorker;
import io.nightshift.tools.registry.ToolRegistry;
import io.nightshift.workflows.activities.ToolFiles;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The task API on a socket over Temporal's test environment, with a control worker whose agents call one scripted
 * OpenAI-compatible endpoint, {@code scripted}: what the agent conversation tests submit pipelines to.
 */
final class AgentApiOnScriptedModel implements AutoCloseable {
  final ScriptedOpenAiServer model;
  final FileArtifactStore artifacts;
  final TaskServiceGrpc.TaskServiceBlockingStub api;
  final ArtifactServiceGrpc.ArtifactServiceBlockingStub artifactApi;
  private final TestWorkflowEnvironment env;
  private final WorkerFactory workers;
  private final TaskApiOnSocket socket;

  private AgentApiOnScriptedModel(ScriptedOpenAiServer model, FileArtifactStore artifacts,
      TestWorkflowEnvironment env, WorkerFactory workers, TaskApiOnSocket socket) {
    this.model = model;
    this.artifacts = artifacts;
    this.env = env;
    this.workers = workers;
    this.socket = socket;
    this.api = socket.api();
    this.artifactApi = socket.artifacts();
  }

  /** @param endpoint settings of the endpoint beyond its id, URL and model name (say a small context window) */
  static AgentApiOnScriptedModel start(Path dir, UnaryOperator<ModelEndpointConfig.Builder> endpoint)
      throws IOException {
    ScriptedOpenAiServer model = ScriptedOpenAiServer.start("model");
    ModelCall models = new ModelCall(ModelEndpointRegistry.of(List.of(endpoint.apply(ModelEndpointConfig.custom()
        .id("scripted").baseUrl(model.baseUrl()).modelName("model")).build())));
    TestWorkflowEnvironment env = TestWorkflowEnvironment.newInstance();
    ToolRegistry tools = ToolRegistry.fromClassPath();
    FileArtifactStore artifacts = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    WorkerFactory workers = ControlWorker.start(env.getWorkflowClient(), tools, new DeclarativePlanner(tools),
        ToolFiles.withoutInputs(artifacts, dir.resolve("scratch")), true, Optional.of(models));
    TaskSubmitter submitter = new TaskSubmitter(env.getWorkflowClient(), new DeclarativePlanner(tools),
        PipelineCatalog.load(dir.resolve("pipelines")), 8, false, List.of(), Optional.empty());
    TaskApiOnSocket socket = TaskApiOnSocket.start(env.getWorkflowClient(), submitter, artifacts);
    return new AgentApiOnScriptedModel(model, artifacts, env, workers, socket);
  }

  @Override
  public void close() {
    socket.close();
    workers.shutdownNow();
    env.close();
    model.close();
  }
}
