package io.nightshift.api;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.nightshift.api.v1.ReadArtifactRequest;
import io.nightshift.api.v1.TaskArtifact;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.ArtifactStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The real ArtifactService on a loopback socket over a given store, for task {@value #TASK}, whose view names the
 * given references (the membership and tenancy checks over Temporal have their own tests). It records every
 * ReadArtifact request it gets, so a test sees where each resumed stream started.
 */
final class ArtifactsOnSocket implements AutoCloseable {
  static final String TASK = "t";

  private final Server server;
  private final List<ReadArtifactRequest> reads = new CopyOnWriteArrayList<>();

  private ArtifactsOnSocket(ArtifactStore store, List<ArtifactRef> refs, List<ServerInterceptor> more)
      throws IOException {
    List<TaskArtifact> listed = refs.stream().map(ref -> TaskArtifact.newBuilder().setStep("s")
        .setKind(TaskArtifactKinds.OUTPUT).setRef(TaskViews.ref(ref)).build()).toList();
    List<ServerInterceptor> interceptors = new ArrayList<>(more);
    interceptors.add(new RecordingReads()); // the last added runs first: it sees every request
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(ServerInterceptors.intercept(new ArtifactServiceImpl(store, (taskId, scope) -> {
          if (!taskId.equals(TASK)) {
            throw ApiErrors.notFound(taskId);
          }
          return listed;
        }), interceptors)).build().start();
  }

  static ArtifactsOnSocket start(ArtifactStore store, List<ArtifactRef> refs, ServerInterceptor... interceptors)
      throws IOException {
    return new ArtifactsOnSocket(store, refs, List.of(interceptors));
  }

  int port() {
    return server.getPort();
  }

  String address() {
    return "127.0.0.1:" + port();
  }

  /** The offsets of the ReadArtifact requests so far, in the order they came. */
  List<Long> readOffsets() {
    return reads.stream().map(ReadArtifactRequest::getOffset).toList();
  }

  @Override
  public void close() throws InterruptedException {
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }

  private final class RecordingReads implements ServerInterceptor {
    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
        ServerCallHandler<Q, A> next) {
      return new SimpleForwardingServerCallListener<>(next.startCall(call, headers)) {
        @Override
        public void onMessage(Q message) {
          if (message instanceof ReadArtifactRequest read) {
            reads.add(read);
          }
          super.onMessage(message);
        }
      };
    }
  }
}
