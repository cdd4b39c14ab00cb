package io.nightshift.workflows.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.nightshift.core.artifact.ArtifactRef;
import io.nightshift.core.artifact.FileArtifactStore;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answer records what its model call used; transcripts written before that read as they did, and what was not
 * known is left out of the JSON rather than written as zeros.
 */
class TranscriptCallUseTest {
  @TempDir Path dir;

  @Test
  void shouldKeepACallsUseThroughTheTranscriptAndLeaveOutWhatWasNotKnown() throws Exception {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir);
    Transcripts transcripts = new Transcripts(store);
    TranscriptMessage measured = TranscriptMessage.assistant("done", List.of())
        .withCall(new CallUse("local", new ContextUse(1_743, 2_048, 3, false), new CallUse.Reported(1_800, 5)));
    TranscriptMessage unreported = TranscriptMessage.assistant("done", List.of())
        .withCall(new CallUse("local", new ContextUse(300, 2_048, 0, false), null));

    ArtifactRef delta = transcripts.putDelta(List.of(measured, unreported));

    assertThat(transcripts.delta(delta)).containsExactly(measured, unreported);
    String json = new String(store.read(transcripts.putDelta(List.of(unreported))), StandardCharsets.UTF_8);
    assertThat(json).contains("\"call\":{\"endpoint\":\"local\"").doesNotContain("reported");
    // a retried answer with its text expanded keeps its use
    assertThat(measured.withText("expanded").call()).isEqualTo(measured.call());
  }

  @Test
  void shouldReadAnAnswerWrittenBeforeCallsRecordedTheirUseAsRecordingNone() throws Exception {
    FileArtifactStore store = FileArtifactStore.unencrypted(dir);
    ArtifactRef old = store.put(("[{\"role\":\"ASSISTANT\",\"text\":\"hi\",\"toolCalls\":[],\"toolCallId\":null,"
        + "\"toolName\":null}]").getBytes(StandardCharsets.UTF_8), Transcripts.DELTA_TYPE);

    TranscriptMessage read = new Transcripts(store).delta(old).get(0);

    assertThat(read.call()).isNull();
    assertThat(new String(store.read(new Transcripts(store).putDelta(List.of(read))), StandardCharsets.UTF_8))
        .doesNotContain("call\"");
  }

  @Test
  void shouldRefuseAUseOnAnyMessageButAnAnswer() {
    assertThatThrownBy(() -> new TranscriptMessage(TranscriptMessage.Role.USER, "hi", List.of(), null, null, null,
        new CallUse("local", null, null))).hasMessageContaining("only an assistant message");
  }
}
