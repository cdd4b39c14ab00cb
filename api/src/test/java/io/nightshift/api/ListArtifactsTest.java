package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.rpc.BadRequest;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.nightshift.api.v1.ArtifactChunk;
import io.nightshift.api.v1.ListArtifactsRequest;
import io.nightshift.api.v1.ListArtifactsResponse;
import io.nightshift.api.v1.ReadArtifactRequest;
import io.nightshift.api.v1.Step;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.Task;
import io.nightshift.api.v1.TaskArtifact;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.api.v1.TaskState;
import java.io.ByteArrayOutputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * ListArtifacts over real gRPC, of a task run to its end on Temporal's test server: every output is listed, and
 * every listed artifact reads back through ReadArtifact as the bytes its digest names.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ListArtifactsTest {
  private static final String OWNER = "alpha";
  private static final String TASK = "listed";

  @TempDir static Path dir;
  private CountedToolTasks tasks;
  private Task finished;

  @BeforeAll
  void runTheTask() throws Exception {
    tasks = new CountedToolTasks(dir);
    tasks.tasks(OWNER).submitTask(SubmitTaskRequest.newBuilder().setTaskId(TASK).setSpec(TaskSpec.newBuilder()
        .setGoal("light molecules").setPipelineYaml(ForkTaskTest.PIPELINE)).build());
    finished = tasks.awaitEnd(OWNER, TASK);
    assertThat(finished.getState()).isEqualTo(TaskState.TASK_STATE_SUCCEEDED);
  }

  @AfterAll
  void stop() {
    tasks.close();
  }

  @Test
  void shouldListEveryOutputAndTheResultAndReadEachBackByItsDigest() throws Exception {
    List<TaskArtifact> listed = tasks.artifacts(OWNER).listArtifacts(ListArtifactsRequest.newBuilder()
        .setTaskId(TASK).build()).getArtifactsList();

    List<TaskArtifact> expected = new ArrayList<>();
    for (Step step : finished.getStepsList()) {
      expected.add(TaskArtifact.newBuilder().setStep(step.getName()).setKind("output").setRef(step.getOutput())
          .build());
    }
    expected.add(TaskArtifact.newBuilder().setKind("result").setRef(finished.getResult()).build());
    assertThat(listed).hasSize(6).containsExactlyElementsOf(expected);
    for (TaskArtifact a : listed) {
      byte[] bytes = read(a);
      assertThat(bytes).as(a.getStep() + " " + a.getKind()).hasSize((int) a.getRef().getSize());
      assertThat("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)))
          .isEqualTo(a.getRef().getDigest());
    }
  }

  @Test
  void shouldPageTheListWithTheTokenItGives() {
    List<TaskArtifact> all = tasks.artifacts(OWNER).listArtifacts(ListArtifactsRequest.newBuilder()
        .setTaskId(TASK).build()).getArtifactsList();
    List<TaskArtifact> paged = new ArrayList<>();
    String token = "";
    int pages = 0;
    do {
      ListArtifactsResponse page = tasks.artifacts(OWNER).listArtifacts(ListArtifactsRequest.newBuilder()
          .setTaskId(TASK).setPageSize(4).setPageToken(token).build());
      paged.addAll(page.getArtifactsList());
      token = page.getNextPageToken();
      pages++;
    } while (!token.isEmpty());

    assertThat(pages).isEqualTo(2);
    assertThat(paged).isEqualTo(all);
  }

  @Test
  void shouldAnswerAnotherTenantNotFoundAndABadRequestNamingTheField() throws Exception {
    StatusRuntimeException theirs = catchThrowableOfType(StatusRuntimeException.class, () -> tasks.artifacts("beta")
        .listArtifacts(ListArtifactsRequest.newBuilder().setTaskId(TASK).build()));
    StatusRuntimeException none = catchThrowableOfType(StatusRuntimeException.class, () -> tasks.artifacts("beta")
        .listArtifacts(ListArtifactsRequest.newBuilder().setTaskId("no-such-task").build()));
    assertThat(theirs.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
    assertThat(theirs.getStatus().getDescription())
        .isEqualTo(none.getStatus().getDescription().replace("no-such-task", TASK));

    for (var bad : List.of(ListArtifactsRequest.newBuilder().setTaskId(TASK).setPageToken("x1").build(),
        ListArtifactsRequest.newBuilder().setTaskId(TASK).setPageSize(1001).build(),
        ListArtifactsRequest.newBuilder().build())) {
      StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
          () -> tasks.artifacts(OWNER).listArtifacts(bad));
      assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
      assertThat(StatusProto.fromThrowable(e).getDetails(0).unpack(BadRequest.class).getFieldViolations(0)
          .getField()).isIn("page_token", "page_size", "task_id");
    }
  }

  private byte[] read(TaskArtifact a) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Iterator<ArtifactChunk> chunks = tasks.artifacts(OWNER).readArtifact(ReadArtifactRequest.newBuilder()
        .setTaskId(TASK).setDigest(a.getRef().getDigest()).setMediaType(a.getRef().getMediaType()).build());
    chunks.forEachRemaining(c -> out.writeBytes(c.getData().toByteArray()));
    return out.toByteArray();
  }
}
