package io.nightshift.runtime.api;

import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.protobuf.services.HealthStatusManager;
import io.grpc.protobuf.services.ProtoReflectionServiceV1;
import io.grpc.health.v1.HealthCheckResponse;
import io.nightshift.core.artifact.ArtifactStore;
import io.nightshift.core.planner.Planner;
import io.nightshift.runtime.api.backends.BackendServiceImpl;
import io.nightshift.runtime.backends.FleetInventory;
import io.nightshift.runtime.pipelines.PipelineCatalog;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
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

  public static ApiServer start(String host, int port, WorkflowClient client, Planner planner,
      PipelineCatalog catalog, ArtifactStore artifacts, int maxParallelSteps, boolean searchAttributes,
      FleetInventory backends) throws IOException {
    return start(host, port, client, planner, catalog, artifacts, maxParallelSteps, searchAttributes, backends, null);
  }

  /** @param plannerModel the models file's {@code planner:} section, or null: then only pipelines are accepted */
  public static ApiServer start(String host, int port, WorkflowClient client, Planner planner,
      PipelineCatalog catalog, ArtifactStore artifacts, int maxParallelSteps, boolean searchAttributes,
      FleetInventory backends, io.nightshift.runtime.models.PlannerSettings plannerModel) throws IOException {
    HealthStatusManager health = new HealthStatusManager();
    TaskWatcher watcher = new TaskWatcher(client, Duration.ofMillis(300));
    TaskSubmitter submitter = new TaskSubmitter(client, planner, catalog, maxParallelSteps, searchAttributes,
        backends.fleet().ids(), plannerModel);
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress(host, port))
        .addService(new TaskServiceImpl(client, submitter, watcher, artifacts))
        .addService(new ArtifactServiceImpl(artifacts))
        .addService(new BackendServiceImpl(backends))
        .addService(health.getHealthService())
        .addService(ProtoReflectionServiceV1.newInstance())
        .build()
        .start();
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
