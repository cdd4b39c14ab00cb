package io.nightshift.bench.cluster;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.Status;
import io.nightshift.api.v1.ApproveTaskRequest;
import io.nightshift.api.v1.ArtifactServiceGrpc;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.ReadArtifactRequest;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskSpec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The runtime's real gRPC API as its operator on that machine reaches it: plaintext on loopback, with the admin
 * token the first start wrote to the data directory (read at each call: the api process may not have written it
 * yet, or may have been restarted).
 */
final class AdminApi implements AutoCloseable {
  private static final Metadata.Key<String> AUTHORIZATION = Metadata.Key.of("authorization",
      Metadata.ASCII_STRING_MARSHALLER);
  private final ManagedChannel channel;

  AdminApi(int port, Path dataDir) {
    Path token = dataDir.resolve("auth").resolve("admin-token");
    this.channel = NettyChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().intercept(new ClientInterceptor() {
      @Override
      public <Q, R> ClientCall<Q, R> interceptCall(MethodDescriptor<Q, R> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
          @Override
          public void start(Listener<R> listener, Metadata headers) {
            if (Files.isReadable(token)) {
              headers.put(AUTHORIZATION, "Bearer " + read(token));
            }
            super.start(listener, headers);
          }
        };
      }
    }).build();
  }

  private TaskServiceGrpc.TaskServiceBlockingStub tasks() {
    return TaskServiceGrpc.newBlockingStub(channel).withDeadlineAfter(30, TimeUnit.SECONDS);
  }

  /** Submits, retrying while the api process is not (yet, or again) serving, up to {@code timeoutMillis}. */
  String submit(String yaml, long timeoutMillis) throws InterruptedException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    while (true) {
      try {
        return tasks().submitTask(SubmitTaskRequest.newBuilder().setSpec(TaskSpec.newBuilder().setPipelineYaml(yaml))
            .build()).getTaskId();
      } catch (StatusRuntimeException e) {
        if (System.currentTimeMillis() > deadline) {
          throw e;
        }
        Thread.sleep(250);
      }
    }
  }

  /** The task's view, or null while the api process does not answer (killed and restarting). */
  Task getOrNull(String id) {
    try {
      return tasks().getTask(GetTaskRequest.newBuilder().setTaskId(id).build());
    } catch (StatusRuntimeException e) {
      return null;
    }
  }

  /**
   * The task's view; null while the api process or the dev server does not answer; throws NOT_FOUND when the store
   * has no such task (lost).
   */
  Task getOrNullUnlessUnknown(String id) {
    try {
      return tasks().getTask(GetTaskRequest.newBuilder().setTaskId(id).build());
    } catch (StatusRuntimeException e) {
      if (e.getStatus().getCode() == Status.Code.NOT_FOUND) {
        throw e;
      }
      return null;
    }
  }

  /** Approves the waiting step as the soak's script; the status of a refusal or an outage goes to the caller. */
  void approve(String taskId, String step) {
    tasks().approveTask(ApproveTaskRequest.newBuilder().setTaskId(taskId).setStep(step).setBy("soak-script")
        .setComment("approved by the soak's script").build());
  }

  String readArtifact(String taskId, String digest) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ArtifactServiceGrpc.newBlockingStub(channel).withDeadlineAfter(60, TimeUnit.SECONDS)
        .readArtifact(ReadArtifactRequest.newBuilder().setTaskId(taskId).setDigest(digest).build())
        .forEachRemaining(c -> out.writeBytes(c.getData().toByteArray()));
    return out.toString(StandardCharsets.UTF_8);
  }

  private static String read(Path token) {
    try {
      return Files.readString(token).strip();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() throws InterruptedException {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
  }
}
