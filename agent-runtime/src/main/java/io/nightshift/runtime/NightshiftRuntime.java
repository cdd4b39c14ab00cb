package io.nightshift.runtime;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.planners.declarative.DeclarativePlanner;
import io.nightshift.runtime.api.ApiServer;
import io.nightshift.runtime.ui.WorkflowUiServer;
import io.nightshift.runtime.backends.BackendFleet;
import io.nightshift.runtime.backends.BackendWorker;
import io.nightshift.runtime.backends.FleetInventory;
import io.nightshift.runtime.backends.ModelEndpointGuards;
import io.nightshift.runtime.backends.ModelServerActivitiesImpl;
import io.nightshift.runtime.backends.ModelServers;
import io.nightshift.runtime.agent.AgentWorkers;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.pipelines.PipelineCatalog;
import io.nightshift.runtime.temporal.InMemoryServer;
import io.nightshift.runtime.temporal.LocalTemporal;
import io.nightshift.runtime.temporal.SearchAttributeSetup;
import io.nightshift.runtime.temporal.TemporalServer;
import io.nightshift.runtime.worker.ControlWorker;
import io.nightshift.models.ModelCall;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.runtime.models.ModelsFile;
import io.nightshift.runtime.models.PlannerSettings;
import io.nightshift.runtime.planning.RuntimePlanners;
import io.nightshift.tools.registry.ToolRegistry;
import io.nightshift.runtime.mcp.McpServersFile;
import io.nightshift.tools.mcp.McpToolSource;
import io.nightshift.workflows.activities.StepActivitiesImpl;
import io.nightshift.workflows.activities.ToolFiles;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Nightshift process: the roles it was asked for, started in dependency order (Temporal, then workers, then
 * the API) and closed in reverse. Everything it starts is closed by {@link #close()}.
 */
public final class NightshiftRuntime implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(NightshiftRuntime.class);

  private final Deque<AutoCloseable> started = new ArrayDeque<>();
  private final RuntimeConfig config;
  private TemporalServer temporal;
  private ApiServer api;
  private WorkflowUiServer ui;

  private NightshiftRuntime(RuntimeConfig config) {
    this.config = config;
  }

  public static NightshiftRuntime start(RuntimeConfig config, Set<Role> roles) throws IOException {
    NightshiftRuntime rt = new NightshiftRuntime(config);
    try {
      rt.startRoles(roles);
      return rt;
    } catch (IOException | RuntimeException e) {
      rt.close();
      throw e;
    }
  }

  private void startRoles(Set<Role> roles) throws IOException {
    Files.createDirectories(config.dataDir());
    Files.createDirectories(config.inputsDir());
    FleetInventory backends = null;
    // Model calls run in the worker role; their circuit breakers are what the pools' inventory and the API show,
    // so an API-only process shows none rather than breakers that never see a call.
    ModelEndpointRegistry modelEndpoints = roles.contains(Role.WORKER) && config.modelsFile() != null
        ? ModelEndpointRegistry.of(ModelsFile.read(config.modelsFile())) : null;
    ModelServers modelServers = null;
    if (roles.contains(Role.WORKER) || roles.contains(Role.API)) {
      // Before Temporal starts, so a bad backends file fails the start at once, naming file, pool and key.
      BackendFleet fleet = BackendFleet.open(config.backendsFile());
      started.push(fleet);
      if (roles.contains(Role.WORKER) && modelEndpoints == null
          && fleet.pools().stream().anyMatch(p -> !p.config().serve().isEmpty())) {
        modelEndpoints = ModelEndpointRegistry.of(java.util.List.of()); // only servers started on leases
      }
      backends = new FleetInventory(fleet, FleetInventory.DEFAULT_TIMEOUT,
          ModelEndpointGuards.of(modelEndpoints));
      started.push(backends);
      if (modelEndpoints != null) {
        // stops the servers it started and releases their leases on close, before the pools close
        modelServers = new ModelServers(fleet, modelEndpoints);
        started.push(modelServers);
      }
      log.info("accelerator pools from {}: {}", fleet.source(), fleet.ids());
    }
    temporal = roles.contains(Role.TEMPORAL) ? LocalTemporal.open(config)
        : TemporalServer.external(config.effectiveTemporalAddress(), null);
    started.push(temporal);
    if (!roles.contains(Role.WORKER) && !roles.contains(Role.API)) {
      return;
    }
    WorkflowServiceStubs stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.address()).build());
    started.push(stubs::shutdownNow);
    WorkflowClient client = WorkflowClient.newInstance(stubs,
        WorkflowClientOptions.newBuilder().setNamespace(config.namespace()).build());
    boolean searchAttributes = SearchAttributeSetup.ensure(stubs, config.namespace());
    // MCP servers from the models file's mcp: section: started here to list their tools, stopped on close
    McpToolSource mcp = McpToolSource.of(McpServersFile.read(config.modelsFile()));
    started.push(mcp);
    ToolRegistry tools = McpServersFile.registryWith(mcp);
    PipelineCatalog pipelines = PipelineCatalog.load(config.dataDir().resolve("pipelines"));
    DeclarativePlanner planner = new DeclarativePlanner(tools, pipelines);
    if (roles.contains(Role.WORKER)) {
      // this process runs the agents, so it knows their endpoints: an agent step naming another one is refused at
      // submission instead of waiting forever for a worker that can run it
      ModelEndpointRegistry known = modelEndpoints;
      planner = planner.withEndpoints(id -> known != null && known.contains(id), known == null
          ? "this runtime has no model endpoints; start it with --models FILE naming one"
          : "configured in the models file: " + known.configs().stream().map(c -> c.id()).sorted().toList());
    }
    // the models file's planner: section plans goal-only tasks; read by the API (to accept them) and workers
    PlannerSettings plannerModel = config.modelsFile() == null ? null
        : ModelsFile.planner(config.modelsFile()).orElse(null);
    FileArtifactStore artifacts = new FileArtifactStore(config.artifactsDir());
    // every tool this process runs reads users' files from the inputs directory only, through its ToolContext
    ToolFiles files = new ToolFiles(artifacts, config.scratchDir(), Optional.of(config.inputsDir()));
    if (roles.contains(Role.WORKER)) {
      ModelCall models = modelEndpoints == null ? null : new ModelCall(modelEndpoints);
      WorkerFactory workers = ControlWorker.start(client, tools, RuntimePlanners.of(planner, tools, models,
          plannerModel), files, temporal instanceof InMemoryServer, Optional.ofNullable(models));
      started.push(() -> {
        workers.shutdown();
        workers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
      });
      // agents on servers a pool starts on a lease make their model and tool calls on the pool's queue, in this
      // process, where the server's endpoint is registered
      Object[] onPools = modelServers == null ? new Object[0] : java.util.stream.Stream.concat(
          java.util.stream.Stream.of(new ModelServerActivitiesImpl(modelServers)),
          java.util.Arrays.stream(AgentWorkers.activities(models, tools, files))).toArray();
      WorkerFactory backendWorkers = BackendWorker.start(client, backends, new StepActivitiesImpl(tools::find, files,
          ControlWorker.HEARTBEAT_EVERY_MILLIS),
          temporal instanceof InMemoryServer, onPools);
      started.push(() -> {
        backendWorkers.shutdown();
        backendWorkers.awaitTermination(10, java.util.concurrent.TimeUnit.SECONDS);
      });
      log.info("worker polling with {} tools: {}", tools.all().size(),
          String.join(", ", tools.all().stream().map(t -> t.name()).toList()));
      log.info(plannerModel == null ? "planner: pipelines only (no 'planner:' in the models file)"
          : "planner: pipelines, and goals on model endpoint '" + plannerModel.endpoint() + "'");
    }
    if (roles.contains(Role.API)) {
      api = ApiServer.start(config.apiHost(), config.apiPort(), client, planner, pipelines, artifacts,
          config.maxParallelSteps(), searchAttributes, backends, plannerModel);
      started.push(api);
      log.info("gRPC API on {}:{}", config.apiHost(), api.port());
      if (config.uiPort() > 0) {
        startUi();
      }
    }
  }

  /**
   * The workflow UI is a view for people beside the API, not part of the runtime's work: a port already taken
   * (another runtime's UI) is a warning with the way out, never a reason to stop the tasks.
   */
  private void startUi() {
    try {
      ui = WorkflowUiServer.start(config.apiHost(), config.uiPort(), apiTarget());
      started.push(ui);
      log.info("workflow UI on {}", uiUrl());
    } catch (java.io.IOException e) {
      log.warn("workflow UI not started on {}:{} ({}); choose another with --ui-port, or 0 for none",
          config.apiHost(), config.uiPort(), e.toString());
    }
  }

  /** The workflow UI's address, or null when this process serves none. */
  public String uiUrl() {
    return ui == null ? null : "http://" + config.apiHost() + ":" + ui.port();
  }

  public TemporalServer temporal() {
    return temporal;
  }

  public String apiTarget() {
    return config.apiHost() + ":" + (api == null ? config.apiPort() : api.port());
  }

  @Override
  public void close() {
    while (!started.isEmpty()) {
      try {
        started.pop().close();
      } catch (Exception e) {
        log.warn("error while stopping: {}", e.toString());
      }
    }
  }
}
