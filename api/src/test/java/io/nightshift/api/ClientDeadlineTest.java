package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.grpc.ForwardingServerCallListener.SimpleForwardingServerCallListener;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.planners.declarative.DeclarativePlanner;
import io.nightshift.runtime.pipelines.PipelineCatalog;
import io.nightshift.tools.registry.ToolRegistry;
import io.temporal.testing.TestWorkflowEnvironment;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client's deadline is the API's too: when it passes, the API stops the work it does for the call (the Temporal
 * calls it makes carry what is left of it) and the client gets DEADLINE_EXCEEDED, never a late answer. The slow
 * call is a GetTask whose progress query waits for a worker that never comes (none polls the task queue here), so
 * Temporal would keep the query open far longer than the client waits.
 */
class ClientDeadlineTest {
  private static final Duration DEADLINE = Duration.ofMillis(1_500);

  @TempDir Path dir;
  private TestWorkflowEnvironment env;
  private Server server;
  private ManagedChannel channel;
  private final CompletableFuture<Duration> handlerRan = new CompletableFuture<>();
  private final CompletableFuture<Status> answered = new CompletableFuture<>();

  @BeforeEach
  void setUp() throws Exception {
    env = TestWorkflowEnvironment.newInstance(); // no worker is started: a query waits for one
    var client = env.getWorkflowClient();
    TaskSubmitter submitter = new TaskSubmitter(client, new DeclarativePlanner(ToolRegistry.fromClassPath()),
        PipelineCatalog.load(dir.resolve("pipelines")), 8, false, List.of(), Optional.empty());
    TaskServiceImpl tasks = new TaskServiceImpl(client, submitter, new TaskWatcher(client, Duration.ofMillis(300)),
        null);
    server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(ServerInterceptors.intercept(tasks, new HandlerTiming())).build().start();
    channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext().build();
  }

  @AfterEach
  void tearDown() throws Exception {
    channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    env.close();
  }

  @Test
  void shouldStopAGetTaskWhoseDeadlinePassedAndAnswerDeadlineExceeded() throws Exception {
    TaskServiceGrpc.newBlockingStub(channel).submitTask(SubmitTaskRequest.newBuilder().setTaskId("slow")
        .setSpec(TaskSpec.newBuilder().setPipelineYaml("name: p\nsteps:\n  - {name: w, kind: wait, duration: 1h}\n"))
        .build());

    long start = System.nanoTime();
    StatusRuntimeException late = catchThrowableOfType(StatusRuntimeException.class, () ->
        TaskServiceGrpc.newBlockingStub(channel).withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
            .getTask(GetTaskRequest.newBuilder().setTaskId("slow").build()));
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    assertThat(late.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(waited).isLessThan(DEADLINE.plusSeconds(1));
    assertThat(handlerRan.get(10, TimeUnit.SECONDS)).as("the API's work for the call stopped at its deadline")
        .isLessThan(DEADLINE.plusSeconds(1));
    assertThat(answered.get(10, TimeUnit.SECONDS).getCode()).as("what the API itself closed the call with")
        .isEqualTo(Status.Code.DEADLINE_EXCEEDED);
  }

  /** How long the service's method ran for the GetTask (a unary call runs it in onHalfClose), and its answer. */
  private final class HandlerTiming implements ServerInterceptor {
    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
        ServerCallHandler<Q, A> next) {
      boolean getTask = call.getMethodDescriptor().getBareMethodName().equals("GetTask");
      ServerCall<Q, A> recorded = new io.grpc.ForwardingServerCall.SimpleForwardingServerCall<>(call) {
        @Override
        public void close(Status status, Metadata trailers) {
          if (getTask) {
            answered.complete(status);
          }
          super.close(status, trailers);
        }
      };
      return new SimpleForwardingServerCallListener<>(next.startCall(recorded, headers)) {
        @Override
        public void onHalfClose() {
          long start = System.nanoTime();
          try {
            super.onHalfClose();
          } finally {
            if (getTask) {
              handlerRan.complete(Duration.ofNanos(System.nanoTime() - start));
            }
          }
        }
      };
    }
  }
}
