package io.nightshift.api;

import io.grpc.ManagedChannel;
import io.grpc.Server;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.nightshift.api.v1.ArtifactServiceGrpc;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.core.artifact.ArtifactStore;
import io.temporal.client.WorkflowClient;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;

/** A TaskService (and with an artifact store, the ArtifactService) served on a real loopback socket, and a client stub for it, for tests of the API over gRPC. */
final class TaskApiOnSocket implements AutoCloseable {
  private final Server server;
  private final ManagedChannel channel;

  private TaskApiOnSocket(Server server, ManagedChannel channel) {
    this.server = server;
    this.channel = channel;
  }

  /** The API as the runtime serves it, over {@code client}'s Temporal; {@code artifacts} may be null. */
  static TaskApiOnSocket start(WorkflowClient client, TaskSubmitter submitter,
      ArtifactStore artifacts) throws IOException {
    TaskNamespaces namespaces = TaskNamespaces.single(TaskNamespace.of(client, submitter,
        new TaskWatcher(client, Duration.ofMillis(300)), Optional.ofNullable(artifacts)));
    NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(new TaskServiceImpl(namespaces));
    if (artifacts != null) {
      builder.addService(new ArtifactServiceImpl(artifacts, new TaskArtifactIndex(namespaces)));
    }
    Server server = builder.build().start();
    return new TaskApiOnSocket(server, NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext()
        .build());
  }

  /** The artifact service, served where the test gave an artifact store. */
  ArtifactServiceGrpc.ArtifactServiceBlockingStub artifacts() {
    return ArtifactServiceGrpc.newBlockingStub(channel);
  }

  /** The loopback port the API listens on, for a client of its own (the workflow UI). */
  int port() {
    return server.getPort();
  }

  TaskServiceGrpc.TaskServiceBlockingStub api() {
    return TaskServiceGrpc.newBlockingStub(channel);
  }

  /** Where it listens, as a gRPC target. */
  String target() {
    return "127.0.0.1:" + server.getPort();
  }

  /** For streams (WatchTask). */
  TaskServiceGrpc.TaskServiceStub asyncApi() {
    return TaskServiceGrpc.newStub(channel);
  }

  @Override
  public void close() {
    channel.shutdownNow();
    server.shutdownNow();
  }
}
