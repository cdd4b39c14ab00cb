package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.nightshift.api.v1.AgentConversation;
import io.nightshift.api.v1.AgentMessage;
import io.nightshift.api.v1.GetAgentConversationRequest;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.api.v1.TaskState;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * GetAgentConversation over real gRPC: an agent step of a task calls a real tool on a scripted endpoint's cue and
 * answers; its conversation reads back message by message, and bad requests are refused naming what is wrong.
 */
class AgentConversationTest {
  private static final String PIPELINE = """
      name: chat
      steps:
        - name: load
          tool: data.read_csv
          params: {source: "classpath:planning/small.csv"}
        - name: analyst
          kind: agent
          needs: [load]
          model: scripted
          instructions: "You are brief."
          prompt: "Describe ${steps.load.output}"
          tools: [table.describe]
          max_turns: 4
      """;

  @TempDir Path dir;
  private ScriptedOpenAiServer model;
  private AgentApiOnScriptedModel on;
  private TaskServiceGrpc.TaskServiceBlockingStub api;

  @BeforeEach
  void setUp() throws Exception {
    on = AgentApiOnScriptedModel.start(dir, b -> b);
    model = on.model;
    api = on.api;
  }

  @AfterEach
  void tearDown() {
    on.close();
  }

  @Test
  void shouldReadBackWhatTheAgentSaidTheToolCallItMadeAndTheToolsAnswer() {
    model.enqueue(ScriptedReply.toolCall("table__describe", "{\"input\":\"PLACEHOLDER\"}"),
        ScriptedReply.textWithoutUsage("Two columns, three rows."));
    String id = api.submitTask(SubmitTaskRequest.newBuilder().setSpec(TaskSpec.newBuilder()
        .setPipelineYaml(PIPELINE)).build()).getTaskId();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
        () -> api.getTask(GetTaskRequest.newBuilder().setTaskId(id).build()).getState(),
        s -> s == TaskState.TASK_STATE_SUCCEEDED || s == TaskState.TASK_STATE_FAILED);

    AgentConversation c = api.getAgentConversation(GetAgentConversationRequest.newBuilder().setTaskId(id)
        .setStep("analyst").build());
    assertThat(c.getAgentId()).isEqualTo(id + "/analyst");
    assertThat(c.getPhase()).isEqualTo("ENDED");
    assertThat(c.getStopReason()).isEqualTo("ANSWERED");
    assertThat(c.getTurns()).isEqualTo(2);
    assertThat(c.getToolCalls()).isEqualTo(1);
    assertThat(c.getTranscript().getDigest()).startsWith("sha256:");
    List<AgentMessage> m = c.getMessagesList();
    assertThat(m).extracting(AgentMessage::getRole).containsExactly("SYSTEM", "USER", "ASSISTANT", "TOOL", "ASSISTANT");
    assertThat(m.get(1).getText()).startsWith("Describe artifact:sha256:");
    assertThat(m.get(2).getToolCallsList()).singleElement()
        .satisfies(call -> assertThat(call.getName()).isEqualTo("table.describe"));
    assertThat(m.get(3).getToolName()).isEqualTo("table.describe");
    assertThat(m.get(3).getToolCallId()).isEqualTo(m.get(2).getToolCalls(0).getId());
    assertThat(m.get(4).getText()).isEqualTo("Two columns, three rows.");
    // each answer carries its call's use; the counts a server did not report are absent, not 0
    assertThat(m.get(2).getCall().getEndpoint()).isEqualTo("scripted");
    assertThat(m.get(2).getCall().getInputTokens()).isEqualTo(20);
    assertThat(m.get(2).getCall().getOutputTokens()).isEqualTo(8);
    assertThat(m.get(4).getCall().hasPromptTokens()).isTrue();
    assertThat(m.get(4).getCall().getPromptTokens()).isGreaterThan(m.get(2).getCall().getPromptTokens());
    assertThat(m.get(4).getCall().hasInputTokens()).isFalse();
    assertThat(m.get(4).getCall().hasOutputTokens()).isFalse();

    AgentConversation last = api.getAgentConversation(GetAgentConversationRequest.newBuilder().setTaskId(id)
        .setStep("analyst").setMaxMessages(2).build());
    assertThat(last.getMessagesList()).extracting(AgentMessage::getRole).containsExactly("TOOL", "ASSISTANT");
    assertThat(last.getOmitted()).isEqualTo(3);

    assertCode(() -> api.getAgentConversation(GetAgentConversationRequest.newBuilder().setTaskId(id)
        .setStep("load").build()), Status.Code.NOT_FOUND, null);
    assertCode(() -> api.getAgentConversation(GetAgentConversationRequest.newBuilder().setTaskId("no-such-task")
        .setStep("analyst").build()), Status.Code.NOT_FOUND, null);
    assertCode(() -> api.getAgentConversation(GetAgentConversationRequest.newBuilder().setTaskId(id).build()),
        Status.Code.INVALID_ARGUMENT, "step");
    assertCode(() -> api.getAgentConversation(GetAgentConversationRequest.newBuilder().setTaskId(id)
        .setStep("analyst").setMaxMessages(-1).build()), Status.Code.INVALID_ARGUMENT, "max_messages");
  }

  private static void assertCode(Runnable call, Status.Code code, String field) {
    StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class, call::run);
    assertThat(e).isNotNull();
    assertThat(e.getStatus().getCode()).isEqualTo(code);
    if (field != null) {
      assertThat(StatusProto.fromThrowable(e).getDetails(0).toString()).contains(field);
    }
  }
}
