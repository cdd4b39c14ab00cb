package io.nightshift.api;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.nightshift.api.auth.BearerAuthentication;
import io.nightshift.client.BearerToken;
import io.nightshift.api.v1.ArtifactServiceGrpc;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskState;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.core.error.ToolException;
import io.nightshift.core.tool.Tool;
import io.nightshift.core.tool.ToolArguments;
import io.nightshift.core.tool.ToolContext;
import io.nightshift.core.tool.ToolDescriptor;
import io.nightshift.core.tool.ToolOutput;
import io.nightshift.planners.declarative.DeclarativePlanner;
import io.nightshift.runtime.auth.AccessRole;
import io.nightshift.runtime.auth.Principal;
import io.nightshift.runtime.pipelines.PipelineCatalog;
import io.nightshift.runtime.worker.ControlWorker;
import io.nightshift.tools.registry.ToolRegistry;
import io.nightshift.workflows.activities.ToolFiles;
import io.temporal.testing.TestWorkflowEnvironment;
import io.temporal.worker.WorkerFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Tasks of the built-in tools (and {@code block}, which holds a step until the test releases it) on Temporal's test
 * server, with every call of each tool counted, behind the task and
 * artifact services on a real loopback socket. A caller's bearer token is its tenant's name, so a test acts for two
 * tenants with two channels.
 */
final class CountedToolTasks implements AutoCloseable {
  private static final Set<TaskState> FINAL = Set.of(TaskState.TASK_STATE_SUCCEEDED, TaskState.TASK_STATE_FAILED,
      TaskState.TASK_STATE_CANCELLED);
  private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  private final HeldUntilReleased held = new HeldUntilReleased();
  private final TestWorkflowEnvironment env;
  private final WorkerFactory workers;
  private final Server server;
  private final FileArtifactStore store;
  private final Map<String, ManagedChannel> channels = new ConcurrentHashMap<>();

  CountedToolTasks(Path dir) throws IOException {
    ToolRegistry builtIn = ToolRegistry.fromClassPath();
    ToolRegistry counted = ToolRegistry.of(List.of(() -> builtIn.all().stream()
        .map(d -> (Tool) new Counted(builtIn.find(d.name()).orElseThrow(), calls)).toList(), () -> List.of(held)));
    store = FileArtifactStore.unencrypted(dir.resolve("artifacts"));
    env = TestWorkflowEnvironment.newInstance();
    var client = env.getWorkflowClient();
    DeclarativePlanner planner = new DeclarativePlanner(counted);
    workers = ControlWorker.start(client, counted, planner, ToolFiles.withoutInputs(store, dir.resolve("scratch")),
        true, Optional.empty());
    TaskSubmitter submitter = new TaskSubmitter(client, planner, PipelineCatalog.load(dir.resolve("pipelines")), 8,
        false, List.of(), Optional.empty());
    TaskNamespaces namespaces = TaskNamespaces.single(TaskNamespace.of(client, submitter,
        new TaskWatcher(client, Duration.ofMillis(300)), Optional.of(store)));
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new TaskServiceImpl(namespaces))
        .addService(new ArtifactServiceImpl(store, new TaskArtifactIndex(namespaces)))
        .intercept(new BearerAuthentication(token -> Optional.of(new Principal("token:" + token, token, token,
            AccessRole.ADMIN))))
        .build().start();
  }

  /** The task service as {@code tenant} calls it. */
  TaskServiceGrpc.TaskServiceBlockingStub tasks(String tenant) {
    return TaskServiceGrpc.newBlockingStub(channel(tenant)).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  /** The artifact service as {@code tenant} calls it. */
  ArtifactServiceGrpc.ArtifactServiceBlockingStub artifacts(String tenant) {
    return ArtifactServiceGrpc.newBlockingStub(channel(tenant)).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  /** The tool {@code block}: holds every call until released. */
  HeldUntilReleased held() {
    return held;
  }

  /** The API's port on loopback. */
  int port() {
    return server.getPort();
  }

  /** How often {@code tool} has been called so far, by every task. */
  int calls(String tool) {
    return calls.getOrDefault(tool, new AtomicInteger()).get();
  }

  /** The task's view once it has ended, as {@code tenant} sees it. */
  Task awaitEnd(String tenant, String taskId) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      Task t = tasks(tenant).getTask(GetTaskRequest.newBuilder().setTaskId(taskId).build());
      if (FINAL.contains(t.getState())) {
        return t;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("task " + taskId + " did not end within 30 s");
  }

  private ManagedChannel channel(String tenant) {
    return channels.computeIfAbsent(tenant, t -> NettyChannelBuilder.forAddress("127.0.0.1", server.getPort())
        .usePlaintext().intercept(BearerToken.sending(t)).build());
  }

  /**
   * Stops everything and waits for the workers' threads to end: a task still running (a fork a test did not wait
   * for) would otherwise go on writing artifacts while JUnit deletes the temporary directory they live in.
   */
  @Override
  public void close() {
    channels.values().forEach(ManagedChannel::shutdownNow);
    server.shutdownNow();
    workers.shutdownNow();
    workers.awaitTermination(30, TimeUnit.SECONDS);
    env.close();
  }

  /** A tool that counts its calls, then does what the built-in one does. */
  private record Counted(Tool tool, Map<String, AtomicInteger> calls) implements Tool {
    @Override
    public ToolDescriptor descriptor() {
      return tool.descriptor();
    }

    @Override
    public ToolOutput execute(ToolContext context, ToolArguments arguments) throws ToolException {
      calls.computeIfAbsent(tool.descriptor().name(), n -> new AtomicInteger()).incrementAndGet();
      return tool.execute(context, arguments);
    }
  }
}
