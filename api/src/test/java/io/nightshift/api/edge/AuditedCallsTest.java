package io.nightshift.api.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.nightshift.api.v1.ApproveTaskRequest;
import io.nightshift.api.v1.CancelTaskRequest;
import io.nightshift.api.v1.ForkTaskRequest;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.runtime.audit.AuditLogVerifier;
import io.nightshift.runtime.audit.AuditVerification;
import io.nightshift.runtime.audit.TextDigest;
import io.nightshift.runtime.auth.BearerTokens;
import io.nightshift.runtime.config.RuntimeConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log as {@code nightshift dev} writes it (io.nightshift.api.audit.AuditedCalls on the real ApiServer):
 * here beside the edge's harness, whose raw calls send a request that does not parse.
 */
class AuditedCallsTest {
  private static final String GOAL = "audit this, secret sauce inside";
  private static final String GATED = "name: audited\nsteps:\n  - {name: gate, tool: table.describe,"
      + " params: {input: \"x\"}, approval: required}\n";
  private static final String PEER = "127\\.0\\.0\\.1:\\d+";

  @TempDir Path dataDir;

  @Test
  void shouldRecordEachStateChangingCallWithItsPeerAndOutcomeRefusalsIncludedAndReadsNot() throws Exception {
    try (ApiRuntimeOnSocket api = ApiRuntimeOnSocket.start(dataDir)) {
      TaskServiceGrpc.TaskServiceBlockingStub tasks = TaskServiceGrpc.newBlockingStub(api.channel());
      tasks.submitTask(SubmitTaskRequest.newBuilder().setTaskId("audited")
          .setSpec(TaskSpec.newBuilder().setGoal(GOAL).setPipelineYaml(GATED).putLabels("team", "ml")).build());
      StatusRuntimeException refused = catchThrowableOfType(StatusRuntimeException.class, () -> tasks.approveTask(
          ApproveTaskRequest.newBuilder().setTaskId("no-such-task").setStep("gate").setBy("ada").build()));
      tasks.getTask(GetTaskRequest.newBuilder().setTaskId("audited").build());
      Status unparseable = new RawRequests(api.channel()).call(TaskServiceGrpc.getSubmitTaskMethod(),
          new byte[] {(byte) 0xff});
      tasks.cancelTask(CancelTaskRequest.newBuilder().setTaskId("audited").build());
      StatusRuntimeException forkRefused = catchThrowableOfType(StatusRuntimeException.class, () -> tasks.forkTask(
          ForkTaskRequest.newBuilder().setTaskId("no-such-task").setFromStep("gate").putParams("max_mw", "secret sauce")
              .setNewTaskId("forked").build()));
      assertThat(forkRefused.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);

      assertThat(refused.getStatus().getCode()).isEqualTo(Status.Code.NOT_FOUND);
      assertThat(unparseable.getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
    }

    Path log = RuntimeConfig.defaults(dataDir).auditLogFile();
    AuditVerification verified = AuditLogVerifier.verify(log);
    assertThat(verified.problem()).isEmpty();
    List<JsonNode> records = records(log);
    assertThat(records).extracting(r -> r.get("action").asText() + " " + r.get("outcome").get("result").asText())
        .containsExactly("submit ok", "approve refused", "submit refused", "cancel ok", "fork refused");

    String adminId = BearerTokens.parse(Files.readString(RuntimeConfig.defaults(dataDir).adminTokenFile()))
        .orElseThrow().id();
    JsonNode submit = records.get(0);
    assertThat(submit.get("actor").get("principal").asText()).isEqualTo("token:" + adminId);
    assertThat(submit.get("actor").get("credential").asText()).isEqualTo(adminId);
    assertThat(submit.get("actor").get("tenant").asText()).isEqualTo("default");
    assertThat(submit.get("actor").get("role").asText()).isEqualTo("admin");
    assertThat(submit.get("actor").get("peer").asText()).matches(PEER);
    assertThat(submit.get("target").get("task").asText()).isEqualTo("audited");
    assertThat(submit.get("details").get("goal").asText()).isEqualTo(TextDigest.of(GOAL));
    assertThat(submit.get("details").get("pipeline").asText()).isEqualTo("inline");
    assertThat(submit.get("details").get("labels").asText()).isEqualTo("team=ml");

    JsonNode approve = records.get(1);
    assertThat(approve.get("actor").get("peer").asText()).matches(PEER);
    assertThat(approve.get("target").get("task").asText()).isEqualTo("no-such-task");
    assertThat(approve.get("target").get("step").asText()).isEqualTo("gate");
    assertThat(approve.get("outcome").get("code").asText()).isEqualTo("NOT_FOUND");
    assertThat(approve.get("outcome").get("reason").asText()).contains("no task with id 'no-such-task'");
    assertThat(approve.get("details").get("by").asText()).isEqualTo("ada");

    JsonNode fork = records.get(4);
    assertThat(fork.get("target").get("task").asText()).isEqualTo("no-such-task");
    assertThat(fork.get("target").get("step").asText()).isEqualTo("gate");
    assertThat(fork.get("details").get("params").asText()).as("params by name only").isEqualTo("max_mw");
    assertThat(fork.get("details").get("new_task_id").asText()).isEqualTo("forked");

    assertThat(records.get(2).get("outcome").get("code").asText()).isEqualTo("INVALID_ARGUMENT");
    assertThat(records.get(2).get("target").isEmpty()).isTrue();
    assertThat(Files.readString(log, StandardCharsets.UTF_8)).doesNotContain("secret sauce");
  }

  private static List<JsonNode> records(Path log) throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<JsonNode> records = new ArrayList<>();
    for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
      records.add(json.readTree(line));
    }
    return records;
  }
}
