package io.nightshift.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.nightshift.api.v1.AgentConversation;
import io.nightshift.api.v1.AgentMessage;
import io.nightshift.api.v1.GetAgentConversationRequest;
import io.nightshift.api.v1.GetTaskRequest;
import io.nightshift.api.v1.ListArtifactsRequest;
import io.nightshift.api.v1.ReadArtifactRequest;
import io.nightshift.api.v1.SubmitTaskRequest;
import io.nightshift.api.v1.TaskArtifact;
import io.nightshift.api.v1.TaskServiceGrpc;
import io.nightshift.api.v1.TaskSpec;
import io.nightshift.api.v1.TaskState;
import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.models.testing.ScriptedOpenAiServer;
import io.nightshift.models.testing.ScriptedReply;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A pipeline's agent step with a {@code context:} block, on an endpoint with a small window, through the API: the
 * step's settings reach the agent, its conversation is compacted, and GetAgentConversation shows the compaction
 * event with both artifacts and the count, and on each answer the tokens its call used against the window.
 */
class AgentConversationCompactionTest {
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
          prompt: "Describe ${steps.load.output} again and again"
          tools: [table.describe]
          max_turns: 12
          max_output_tokens: 64
          context: {strategy: compact, keep_last_turns: 1}
          loop_guard: {max_repeats: 0, max_consecutive_failures: 0}   # the same call again and again, on purpose
      """;
  private static final String SUMMARY = "The table has two columns and three rows; described several times.";

  @TempDir Path dir;
  private ScriptedOpenAiServer model;
  private AgentApiOnScriptedModel on;
  private TaskServiceGrpc.TaskServiceBlockingStub api;

  @BeforeEach
  void setUp() throws Exception {
    on = AgentApiOnScriptedModel.start(dir, b -> b.contextWindow(900));
    model = on.model;
    api = on.api;
  }

  @AfterEach
  void tearDown() {
    on.close();
  }

  @Test
  void shouldShowTheCompactionEventItsArtifactsAndTheCountInTheConversation() throws Exception {
    model.on(r -> r.body().contains("You compact the conversation"), ScriptedReply.text(SUMMARY));
    for (int i = 0; i < 8; i++) {
      model.enqueue(ScriptedReply.toolCall("table__describe", "{\"input\":\"PLACEHOLDER\"}"));
    }
    model.enqueue(ScriptedReply.text("Two columns, three rows."));
    String id = api.submitTask(SubmitTaskRequest.newBuilder().setSpec(TaskSpec.newBuilder()
        .setPipelineYaml(PIPELINE)).build()).getTaskId();
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(
        () -> api.getTask(GetTaskRequest.newBuilder().setTaskId(id).build()).getState(),
        s -> s == TaskState.TASK_STATE_SUCCEEDED || s == TaskState.TASK_STATE_FAILED);

    AgentConversation c = api.getAgentConversation(GetAgentConversationRequest.newBuilder().setTaskId(id)
        .setStep("analyst").build());
    assertThat(c.getStopReason()).isEqualTo("ANSWERED");
    assertThat(c.getCompactions()).isPositive();
    List<AgentMessage> events = c.getMessagesList().stream().filter(AgentMessage::hasCompaction).toList();
    assertThat(events).hasSize(c.getCompactions());
    AgentMessage first = events.get(0);
    assertThat(first.getRole()).isEqualTo("USER");
    assertThat(first.getText()).endsWith(SUMMARY);
    assertThat(first.getCompaction().getWindow()).isEqualTo(900);
    assertThat(first.getCompaction().getTurns()).isPositive();
    ArtifactRef summary = new ArtifactRef(first.getCompaction().getSummary().getDigest(),
        first.getCompaction().getSummary().getSize(), first.getCompaction().getSummary().getMediaType());
    assertThat(new String(on.artifacts.read(summary), StandardCharsets.UTF_8)).isEqualTo(SUMMARY);
    assertThat(first.getCompaction().getReplaced().getDigest()).startsWith("sha256:");
    // each answer says what its call used: the prompt measured against the window, and the server's counts
    List<AgentMessage> answers = c.getMessagesList().stream().filter(m -> m.getRole().equals("ASSISTANT")).toList();
    assertThat(answers).hasSize(c.getTurns()).allSatisfy(m -> {
      assertThat(m.getCall().getEndpoint()).isEqualTo("scripted");
      assertThat(m.getCall().getWindow()).isEqualTo(900);
      assertThat(m.getCall().getPromptTokens()).isPositive().isLessThanOrEqualTo(900 - 64);
    });
    assertThat(answers.get(0).getCall().getInputTokens()).isEqualTo(20);
    assertThat(answers.get(0).getCall().getOutputTokens()).isEqualTo(8);
    assertThat(answers.get(answers.size() - 1).getCall().getInputTokens()).isEqualTo(10);
    assertThat(c.getMessagesList().stream().filter(m -> !m.getRole().equals("ASSISTANT")))
        .noneMatch(AgentMessage::hasCall);
    // ListArtifacts lists the transcript, its parts and each compaction's artifacts, and each reads back
    List<TaskArtifact> listed = on.artifactApi.listArtifacts(ListArtifactsRequest.newBuilder().setTaskId(id).build())
        .getArtifactsList();
    assertThat(listed).filteredOn(a -> a.getStep().equals("analyst")).extracting(TaskArtifact::getKind)
        .contains("transcript", "transcript_delta", "compaction_summary", "compaction_replaced");
    assertThat(listed).filteredOn(a -> a.getKind().equals("transcript")).extracting(a -> a.getRef().getDigest())
        .containsExactly(c.getTranscript().getDigest());
    assertThat(listed).filteredOn(a -> a.getKind().equals("compaction_summary")).extracting(TaskArtifact::getRef)
        .contains(first.getCompaction().getSummary());
    for (TaskArtifact a : listed) {
      ByteArrayOutputStream read = new ByteArrayOutputStream();
      on.artifactApi.readArtifact(ReadArtifactRequest.newBuilder().setTaskId(id).setDigest(a.getRef().getDigest())
          .setMediaType(a.getRef().getMediaType()).build())
          .forEachRemaining(chunk -> read.writeBytes(chunk.getData().toByteArray()));
      assertThat("sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
          .digest(read.toByteArray()))).as(a.getKind() + " of " + a.getStep()).isEqualTo(a.getRef().getDigest());
    }
    // the task view says how many compactions the step did
    assertThat(api.getTask(GetTaskRequest.newBuilder().setTaskId(id).build()).getStepsList().stream()
        .filter(s -> s.getName().equals("analyst")).findFirst().orElseThrow().getSummary())
        .contains(", " + c.getCompactions() + " compaction(s): answered");
  }
}
