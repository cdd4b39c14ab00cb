package io.nightshift.runtime.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.FileArtifactStore;
import io.nightshift.workflows.agent.AgentToolCall;
import io.nightshift.workflows.agent.TranscriptMessage;
import io.temporal.failure.ApplicationFailure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptInliningTest {
  @TempDir Path dir;

  @Test
  void shouldReplaceMarkersInPromptAndInstructionsWithTheArtifactsText() throws Exception {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir);
    ArtifactRef table = store.put("CCO ethanol\nc1ccccc1 benzene".getBytes(StandardCharsets.UTF_8), "text/plain");
    PromptInlining inlining = new PromptInlining(store);

    List<TranscriptMessage> out = inlining.expand(List.of(
        TranscriptMessage.system("Rules: <<inline " + table.uri() + ">>"),
        TranscriptMessage.user("Parents:\n<<inline " + table.uri() + ">>\nPropose analogues of " + table.uri())));

    assertThat(out.get(0).text()).isEqualTo("Rules: CCO ethanol\nc1ccccc1 benzene");
    // a bare reference (no marker) stays a reference: only the opt-in marker inlines
    assertThat(out.get(1).text()).isEqualTo("Parents:\nCCO ethanol\nc1ccccc1 benzene\nPropose analogues of "
        + table.uri());
  }

  @Test
  void shouldLeaveToolResultsAndAssistantTurnsAlone() throws Exception {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir);
    ArtifactRef table = store.put("secret".getBytes(StandardCharsets.UTF_8), "text/plain");
    String marker = "<<inline " + table.uri() + ">>";
    AgentToolCall call = new AgentToolCall("c1", "artifact.read", "{}");
    List<TranscriptMessage> in = List.of(TranscriptMessage.assistant(marker, List.of()),
        TranscriptMessage.toolResult(call, marker));

    assertThat(new PromptInlining(store).expand(in)).isEqualTo(in);
  }

  @Test
  void shouldCutALargeArtifactWithANote() throws Exception {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir);
    ArtifactRef big = store.put("x".repeat(PromptInlining.MAX_CHARS + 10).getBytes(StandardCharsets.UTF_8),
        "text/plain");

    String out = new PromptInlining(store).expand("<<inline " + big.uri() + ">>");

    assertThat(out).startsWith("x".repeat(PromptInlining.MAX_CHARS))
        .endsWith("[... cut at " + PromptInlining.MAX_CHARS + " of " + (PromptInlining.MAX_CHARS + 10)
            + " characters]");
  }

  @Test
  void shouldFailRetryablyWhenTheArtifactIsMissing() throws Exception {
    PromptInlining inlining = new PromptInlining(FileArtifactStore.unencrypted(dir));

    assertThatThrownBy(() -> inlining.expand("<<inline artifact:sha256:" + "0".repeat(64) + ">>"))
        .isInstanceOf(ApplicationFailure.class)
        .hasMessageContaining("cannot inline artifact:sha256:000")
        .satisfies(e -> assertThat(((ApplicationFailure) e).isNonRetryable()).isFalse());
  }
}
