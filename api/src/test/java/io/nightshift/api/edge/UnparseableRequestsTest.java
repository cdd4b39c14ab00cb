package io.nightshift.api.edge;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.reflection.v1.ServerReflectionGrpc;
import io.grpc.reflection.v1.ServerReflectionRequest;
import io.grpc.reflection.v1.ServerReflectionResponse;
import io.grpc.stub.StreamObserver;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.TaskServiceGrpc;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Requests that are not their method's message, sent as raw bytes to the real API: grpc-java alone answers them
 * UNKNOWN "Application error processing RPC" (and a unary call without exactly one request INTERNAL); the API
 * answers INVALID_ARGUMENT saying which message did not parse, and still serves reflection and health.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnparseableRequestsTest {
  /** Field 1 (spec), length-delimited, claims 5 bytes and carries 1. */
  private static final byte[] TRUNCATED = {0x0a, 0x05, 0x01};

  @TempDir static Path dir;
  private ApiRuntimeOnSocket api;
  private RawRequests raw;

  @BeforeAll
  void startRuntime() throws Exception {
    api = ApiRuntimeOnSocket.start(dir);
    raw = new RawRequests(api.channel());
  }

  @AfterAll
  void stopRuntime() {
    api.close();
  }

  @Test
  void shouldAnswerASubmitTaskRequestThatDoesNotParseWithInvalidArgument() {
    Status status = raw.call(TaskServiceGrpc.getSubmitTaskMethod(), TRUNCATED);

    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(status.getDescription()).startsWith("request does not parse as nightshift.v1.SubmitTaskRequest: ")
        .contains("input ended unexpectedly");
  }

  @Test
  void shouldAnswerAStringFieldThatIsNotUtf8WithInvalidArgument() {
    // GetTaskRequest.task_id (field 1) holding 0xff, which no UTF-8 text contains
    Status status = raw.call(TaskServiceGrpc.getGetTaskMethod(), new byte[] {0x0a, 0x01, (byte) 0xff});

    assertThat(status.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(status.getDescription()).startsWith("request does not parse as nightshift.v1.GetTaskRequest: ")
        .contains("UTF-8");
  }

  @Test
  void shouldAnswerAUnaryCallWithoutExactlyOneRequestWithInvalidArgument() {
    byte[] empty = GetTaskRequest.getDefaultInstance().toByteArray();

    Status none = raw.call(TaskServiceGrpc.getGetTaskMethod(), List.of());
    Status two = raw.call(TaskServiceGrpc.getGetTaskMethod(), List.of(empty, empty));

    assertThat(none.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(none.getDescription()).isEqualTo("nightshift.v1.TaskService/GetTask takes exactly one request"
        + " message, got none");
    assertThat(two.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(two.getDescription()).endsWith("got more than one");
  }

  @Test
  void shouldAnswerUnparseableRequestsToGrpcsOwnServicesWithInvalidArgument() {
    assertThat(raw.call(HealthGrpc.getCheckMethod(), TRUNCATED).getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(raw.call(ServerReflectionGrpc.getServerReflectionInfoMethod(), TRUNCATED).getDescription())
        .startsWith("request does not parse as grpc.reflection.v1.ServerReflectionRequest: ");
  }

  @Test
  void shouldStillAnswerWellFormedRequestsAsBefore() throws Exception {
    Status unnamed = raw.call(TaskServiceGrpc.getSubmitTaskMethod(),
        SubmitTaskRequest.getDefaultInstance().toByteArray());
    HealthCheckResponse health = HealthGrpc.newBlockingStub(api.channel())
        .check(HealthCheckRequest.newBuilder().setService("nightshift.v1.TaskService").build());

    assertThat(unnamed.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    assertThat(unnamed.getDescription()).isEqualTo("a task spec is required");
    assertThat(health.getStatus()).isEqualTo(HealthCheckResponse.ServingStatus.SERVING);
    // reflection finds each service's file through the schema descriptor the wrapping keeps
    assertThat(reflectedFileFor("nightshift.v1.TaskService").getFileDescriptorResponse().getFileDescriptorProtoCount())
        .isPositive();
  }

  private ServerReflectionResponse reflectedFileFor(String symbol) throws Exception {
    CompletableFuture<ServerReflectionResponse> answer = new CompletableFuture<>();
    StreamObserver<ServerReflectionRequest> requests = ServerReflectionGrpc.newStub(api.channel())
        .serverReflectionInfo(new StreamObserver<>() {
          @Override
          public void onNext(ServerReflectionResponse response) {
            answer.complete(response);
          }

          @Override
          public void onError(Throwable t) {
            answer.completeExceptionally(t);
          }

          @Override
          public void onCompleted() {}
        });
    requests.onNext(ServerReflectionRequest.newBuilder().setFileContainingSymbol(symbol).build());
    requests.onCompleted();
    return answer.get(10, TimeUnit.SECONDS);
  }
}
