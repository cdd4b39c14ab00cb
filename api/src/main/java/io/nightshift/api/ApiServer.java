package io.nightshift.api;

import io.grpc.Server;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.nightshift.api.backends.BackendServiceImpl;
import io.nightshift.api.edge.UnparseableRequests;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.runtime.RoleContext;
import io.nightshift.runtime.backends.FleetInventory;
import io.nightshift.runtime.config.RuntimeConfig;
import io.nightshift.runtime.planning.Planning;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** The gRPC API: TaskService, ArtifactService, BackendService, the standard health service and server reflection. */
public final class ApiServer implements AutoCloseable {
  private final Server server;
  private final HealthStatusManager health;
  private final TaskWatcher watcher;

  private ApiServer(Server server, HealthStatusManager health, TaskWatcher watcher) {
    this.server = server;
    this.health = health;
    this.watcher = watcher;
  }

  /** Serves the API on the configured address, over the process's Temporal connection, planner and pools. */
  public static ApiServer start(RoleContext context) throws IOException {
    RuntimeConfig config = context.config();
    WorkflowClient client = context.temporal().client();
    ArtifactStore artifacts = context.files().artifacts();
    FleetInventory backends = context.pools().inventory();
    HealthStatusManager health = new HealthStatusManager();
    TaskWatcher watcher = new TaskWatcher(client, Duration.ofMillis(300));
    Planning planning = context.planning();
    TaskSubmitter submitter = new TaskSubmitter(client, planning.planner(), planning.pipelines(),
        config.maxParallelSteps(), context.temporal().searchAttributes(), backends.fleet().ids(),
        planning.plannerModel());
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress(config.apiHost(),
        config.apiPort()));
    // every service, grpc's own included, answers a request that is not its message INVALID_ARGUMENT
    List.of(new TaskServiceImpl(client, submitter, watcher, artifacts), new ArtifactServiceImpl(artifacts),
            new BackendServiceImpl(backends), health.getHealthService(), ProtoReflectionServiceV1.newInstance())
        .forEach(service -> builder.addService(UnparseableRequests.answeredInvalid(service.bindService())));
    Server server = builder.build().start();
    health.setStatus("", HealthCheckResponse.ServingStatus.SERVING);
    health.setStatus("nightshift.v1.TaskService", HealthCheckResponse.ServingStatus.SERVING);
    health.setStatus("nightshift.v1.BackendService", HealthCheckResponse.ServingStatus.SERVING);
    return new ApiServer(server, health, watcher);
  }

  public int port() {
    return server.getPort();
  }

  @Override
  public void close() {
    health.enterTerminalState();
    watcher.close();
    server.shutdown();
    try {
      if (!server.awaitTermination(5, TimeUnit.SECONDS)) {
        server.shutdownNow();
      }
    } catch (InterruptedException e) {
      server.shutdownNow();
      Thread.currentThread().interrupt();
    }
  }
}
