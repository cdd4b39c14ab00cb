package io.nightshift.api.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.ByteString;
import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.nightshift.api.v1.BackendServiceGrpc;
import io.nightshift.api.v1.GetBackendRequest;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.ListTasksRequest;
import io.nightshift.api.v1.TaskServiceGrpc;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each bug that {@link ApiFuzzingTest} found, as a plain test against the real API that fails on the code
 * before its fix.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzingFindingsTest {
  @TempDir static Path dir;
  private ApiRuntimeOnSocket api;

  @BeforeAll
  void startRuntime() throws Exception {
    api = ApiRuntimeOnSocket.start(dir);
  }

  @AfterAll
  void stopRuntime() {
    api.close();
  }

  @Test
  void shouldAnswerAHugeUnknownIdNotFoundQuotingItClipped() {
    String huge = "x".repeat(20_000);

    StatusRuntimeException backend = catchThrowableOfType(StatusRuntimeException.class, () -> BackendServiceGrpc
        .newBlockingStub(api.channel()).getBackend(GetBackendRequest.newBuilder().setBackendId(huge).build()));
    StatusRuntimeException task = catchThrowableOfType(StatusRuntimeException.class, () -> TaskServiceGrpc
        .newBlockingStub(api.channel()).getTask(GetTaskRequest.newBuilder().setTaskId(huge).build()));

    // before: the id quoted whole made the trailers exceed the client's 8 KiB, and it read INTERNAL RST_STREAM
    assertThat(backend.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(backend.getStatus().getDescription()).startsWith("no backend pool with id 'xxx")
        .contains("... (20000 chars)'").hasSizeLessThan(BoundedStatus.DESCRIPTION_BYTES);
    assertThat(task.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(task.getStatus().getDescription()).endsWith("... (20000 chars)'");
  }

  @Test
  void shouldAnswerAPageTokenThisApiNeverGaveInvalidArgumentNamingTheField() throws Exception {
    TaskServiceGrpc.TaskServiceBlockingStub tasks = TaskServiceGrpc.newBlockingStub(api.channel());

    // before: one byte made the offset's buffer underflow (UNKNOWN); a negative offset failed the same way
    for (ByteString token : new ByteString[] {ByteString.copyFrom(new byte[] {0}),
        ByteString.copyFrom(ByteBuffer.allocate(4).putInt(-1).array())}) {
      StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
          () -> tasks.listTasks(ListTasksRequest.newBuilder().setPageToken(token).build()));

      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class).getFieldViolations(0)
          .getField()).isEqualTo("page_token");
    }
  }
}
