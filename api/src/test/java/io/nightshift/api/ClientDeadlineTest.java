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
import io.nightshift.api.v1.ListTasksRequest;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.planners.declarative.DeclarativePlanner;
import io.nightshift.runtime.pipelines.PipelineCatalog;
import io.nightshift.tools.registry.ToolRegistry;
import io.temporal.client.WorkflowClient;
import io.temporal.client.WorkflowClientOptions;
import io.temporal.serviceclient.WorkflowServiceStubs;
import io.temporal.serviceclient.WorkflowServiceStubsOptions;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A client's deadline is the API's too: when it passes, the API stops the work it does for the call (the Temporal
 * calls it makes carry what is left of it) and the client gets DEADLINE_EXCEEDED, never a late answer. Temporal here
 * is blocked: a socket that takes connections and never answers, so each Temporal call would wait out the Temporal
 * client's own timeout (10 s) if the call's deadline did not stop it.
 */
class ClientDeadlineTest {
  private static final Duration DEADLINE = Duration.ofMillis(1_500);

  @TempDir Path dir;
  private ServerSocket blockedTemporal;
  private final List<Socket> heldOpen = new CopyOnWriteArrayList<>();
  private WorkflowServiceStubs temporal;
  private Server server;
  private ManagedChannel channel;
  private final CompletableFuture<Duration> handlerRan = new CompletableFuture<>();
  private final CompletableFuture<Status> answered = new CompletableFuture<>();
  private volatile String timedMethod = "";

  @BeforeEach
  void setUp() throws Exception {
    blockedTemporal = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    Thread accepting = new Thread(() -> {
      while (!blockedTemporal.isClosed()) {
        try {
          heldOpen.add(blockedTemporal.accept()); // taken, and never answered
        } catch (IOException closed) {
          return;
        }
      }
    }, "blocked-temporal");
    accepting.setDaemon(true);
    accepting.start();
    temporal = WorkflowServiceStubs.newServiceStubs(WorkflowServiceStubsOptions.newBuilder()
        .setTarget("127.0.0.1:" + blockedTemporal.getLocalPort()).build());
    WorkflowClient client = WorkflowClient.newInstance(temporal, WorkflowClientOptions.newBuilder()
        .setNamespace("default").build());
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
    temporal.shutdownNow();
    blockedTemporal.close();
    for (Socket s : heldOpen) {
      s.close();
    }
  }

  @Test
  void shouldStopAGetTaskWhoseDeadlinePassedAndAnswerDeadlineExceeded() throws Exception {
    assertStoppedAtTheDeadline("GetTask", stub -> stub.getTask(GetTaskRequest.newBuilder().setTaskId("t").build()));
  }

  @Test
  void shouldStopAListTasksWhoseDeadlinePassedAndAnswerDeadlineExceeded() throws Exception {
    assertStoppedAtTheDeadline("ListTasks", stub -> stub.listTasks(ListTasksRequest.getDefaultInstance()));
  }

  private void assertStoppedAtTheDeadline(String method, Consumer<TaskServiceGrpc.TaskServiceBlockingStub> call)
      throws Exception {
    timedMethod = method;
    long start = System.nanoTime();
    StatusRuntimeException late = catchThrowableOfType(StatusRuntimeException.class, () -> call.accept(
        TaskServiceGrpc.newBlockingStub(channel).withDeadlineAfter(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)));
    Duration waited = Duration.ofNanos(System.nanoTime() - start);

    assertThat(late).as("no answer comes before the deadline").isNotNull();
    assertThat(late.getStatus().getCode()).isEqualTo(Status.Code.DEADLINE_EXCEEDED);
    assertThat(waited).isLessThan(DEADLINE.plusSeconds(1));
    assertThat(handlerRan.get(15, TimeUnit.SECONDS)).as("the API's work for the call stopped at its deadline")
        .isLessThan(DEADLINE.plusSeconds(1));
    assertThat(answered.get(15, TimeUnit.SECONDS).getCode()).as("what the API itself closed the call with")
        .isEqualTo(Status.Code.DEADLINE_EXCEEDED);
  }

  /** How long the service's method ran for the timed call (a unary call runs it in onHalfClose), and its answer. */
  private final class HandlerTiming implements ServerInterceptor {
    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
        ServerCallHandler<Q, A> next) {
      boolean timed = call.getMethodDescriptor().getBareMethodName().equals(timedMethod);
      ServerCall<Q, A> recorded = new io.grpc.ForwardingServerCall.SimpleForwardingServerCall<>(call) {
        @Override
        public void close(Status status, Metadata trailers) {
          if (timed) {
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
            if (timed) {
              handlerRan.complete(Duration.ofNanos(System.nanoTime() - start));
            }
          }
        }
      };
    }
  }
}
