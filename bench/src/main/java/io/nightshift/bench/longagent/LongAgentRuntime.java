package io.nightshift.bench.longagent;

import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.tool.ToolProvider;
import io.nightshift.models.ModelCall;
import io.nightshift.models.context.EstimatedPromptMeter;
import io.nightshift.models.context.PromptMeter;
import io.nightshift.models.context.ServerPromptMeter;
import io.nightshift.models.endpoint.ModelEndpointConfig;
import io.nightshift.models.endpoint.ModelEndpointRegistry;
import io.nightshift.runtime.NightshiftRuntime;
import io.nightshift.runtime.Role;
import io.nightshift.runtime.agent.AgentWorkers;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.memory.FileNotebooks;
import io.nightshift.tools.memory.MemoryTools;
import io.nightshift.tools.registry.ToolRegistry;
import io.nightshift.workflows.activities.ToolFiles;
import io.nightshift.workflows.agent.AgentCompactionActivities;
import io.nightshift.workflows.agent.AgentModelActivities;
import io.nightshift.workflows.agent.AgentWorkflowImpl;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import io.temporal.worker.Worker;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The runtime the long agent runs on: the official Temporal dev server (started by the runtime's temporal role, as
 * `nightshift dev` does, on a fresh data directory and non-default ports) and one worker in this process with the
 * agent workflow and its real activities: model calls and compactions measured by the runtime's prompt meter (the
 * server's own tokenizer, the estimate where it cannot count), the memory tools on notebooks under the data
 * directory, and the scripted tool. The model and compaction activities are wrapped by a {@link CallLog}.
 */
final class LongAgentRuntime implements AutoCloseable {
  static final String QUEUE = "long-agent";
  private final Path dataDir;
  private final NightshiftRuntime temporal;
  private final WorkflowServiceStubs stubs;
  private final WorkerFactory workers;
  private final WorkflowClient client;
  private final FileArtifactStore artifacts;

  private LongAgentRuntime(Path dataDir, NightshiftRuntime temporal, ModelEndpointConfig endpoint, NextStepTool tool,
      CallLog log) throws IOException {
    this.dataDir = dataDir;
    this.temporal = temporal;
    this.stubs = WorkflowServiceStubs.newServiceStubs(
        WorkflowServiceStubsOptions.newBuilder().setTarget(temporal.temporal().address()).build());
    this.client = WorkflowClient.newInstance(stubs, WorkflowClientOptions.newBuilder().setNamespace("default").build());
    this.artifacts = FileArtifactStore.unencrypted(dataDir.resolve("artifacts"));
    ModelEndpointRegistry endpoints = ModelEndpointRegistry.of(List.of(endpoint));
    PromptMeter meter = ServerPromptMeter.of(endpoints, new EstimatedPromptMeter(endpoints));
    ToolProvider memory = () -> List.of(MemoryTools.save(), MemoryTools.search());
    ToolRegistry tools = ToolRegistry.of(List.of(tool, memory));
    ToolFiles files = new ToolFiles(artifacts, dataDir.resolve("scratch"), Optional.empty())
        .withNotebooks(new FileNotebooks(dataDir.resolve("memory"), artifacts, Clock.systemUTC()));
    Object[] activities = AgentWorkers.activities(new ModelCall(endpoints), meter, tools, files);
    for (int i = 0; i < activities.length; i++) {
      if (activities[i] instanceof AgentModelActivities model) {
        activities[i] = log.observe(model);
      } else if (activities[i] instanceof AgentCompactionActivities compaction) {
        activities[i] = log.observe(compaction);
      }
    }
    this.workers = WorkerFactory.newInstance(client);
    Worker worker = workers.newWorker(QUEUE);
    worker.registerWorkflowImplementationTypes(AgentWorkflowImpl.class);
    worker.registerActivitiesImplementations(activities);
    workers.start();
  }

  static LongAgentRuntime start(int temporalPort, ModelEndpointConfig endpoint, NextStepTool tool, CallLog log)
      throws IOException {
    Path dataDir = Files.createTempDirectory("nightshift-bench-long-agent-");
    Path tools = Path.of(System.getProperty("user.home"), ".cache", "nightshift", "tools");
    RuntimeConfig config = RuntimeConfig.builder(dataDir).temporalPort(temporalPort).temporalUiPort(temporalPort + 1)
        .apiPort(temporalPort + 2).toolsDir(tools).temporalServer(RuntimeConfig.LocalServerKind.DEV).build();
    try {
      return new LongAgentRuntime(dataDir, NightshiftRuntime.start(config, EnumSet.of(Role.TEMPORAL), List.of()),
          endpoint, tool, log);
    } catch (IOException | RuntimeException e) {
      delete(dataDir);
      throw e;
    }
  }

  WorkflowClient client() {
    return client;
  }

  FileArtifactStore artifacts() {
    return artifacts;
  }

  @Override
  public void close() {
    workers.shutdownNow();
    stubs.shutdownNow();
    temporal.close();
    delete(dataDir);
  }

  private static void delete(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      System.err.println("could not delete " + dir + ": " + e);
    }
  }
}
